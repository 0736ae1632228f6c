import { test } from '@japa/runner'
import type { HttpContext } from '@adonisjs/core/http'
import { RequestLoad, yieldToRequests } from '#services/request_load'
import RequestLoadMiddleware from '#middleware/request_load_middleware'

const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 2))
}

/** A context with just what the middleware reads. */
const contextFor = (url: string) => ({ request: { url: () => url } }) as unknown as HttpContext

test.group('Background work steps aside for requests (RequestLoad)', () => {
  test('a yield waits while a request is being answered, and goes on when it ends', async ({
    assert,
  }) => {
    RequestLoad.started()
    let resumed = false
    const waiting = yieldToRequests(60_000).then(() => (resumed = true))
    await turns(5)
    assert.isFalse(resumed, 'the background work went on while a request was in flight')
    RequestLoad.ended()
    await waiting
    assert.isTrue(resumed)
  })

  test('a yield waits no longer than its bound, so background work never starves', async ({
    assert,
  }) => {
    RequestLoad.started()
    try {
      await yieldToRequests(0)
      assert.equal(RequestLoad.inFlight, 1)
    } finally {
      RequestLoad.ended()
    }
  })

  test('the middleware counts a request while it is answered, not an open event stream', async ({
    assert,
  }) => {
    const middleware = new RequestLoadMiddleware()
    const before = RequestLoad.inFlight
    let during = -1
    await middleware.handle(contextFor('/api/r/clients'), async () => {
      during = RequestLoad.inFlight
    })
    assert.equal(during, before + 1)
    assert.equal(RequestLoad.inFlight, before)

    await middleware.handle(contextFor('/__transmit/events?uid=1'), async () => {
      during = RequestLoad.inFlight
    })
    assert.equal(during, before)

    await assert.rejects(() =>
      middleware.handle(contextFor('/api/r/clients'), async () => {
        throw new Error('refused')
      })
    )
    assert.equal(RequestLoad.inFlight, before, 'a failed request stays counted')
  })
})
