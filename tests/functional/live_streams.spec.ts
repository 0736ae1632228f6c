import { test } from '@japa/runner'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import server from '@adonisjs/core/services/server'
import { LiveStreams } from '#services/live_streams'
import { makeUser } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'

function listen(http: Server) {
  return new Promise<string>((resolve) =>
    http.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(http.address() as AddressInfo).port}`)
    })
  )
}

async function until(check: () => boolean) {
  for (let tries = 0; tries < 200 && !check(); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

test.group('live streams and shutdown', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('closing the HTTP server ends the live streams it holds instead of waiting for them', async ({
    assert,
  }) => {
    // A server of its own on the app's handler: the suite's server stays up for the others.
    const http = createServer((request, response) => server.handle(request, response))
    const base = await listen(http)
    const user = await makeUser('agent')
    const issued = await fetch(`${base}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'Secret123!' }),
    })
    const { data } = (await issued.json()) as { data: { token: string } }
    const before = LiveStreams.count
    const stream = await fetch(`${base}/__transmit/events?uid=${randomUUID()}`, {
      headers: { Authorization: `Bearer ${data.token}`, Accept: 'text/event-stream' },
    })
    assert.equal(stream.status, 200)
    const reader = stream.body!.getReader()
    await reader.read()
    await until(() => LiveStreams.count > before)
    assert.equal(LiveStreams.count, before + 1)

    // Without closeAll, close() waits for the stream forever and the test times out.
    LiveStreams.closeAll()
    await new Promise<void>((resolve, reject) =>
      http.close((error) => (error ? reject(error) : resolve()))
    )
    assert.equal(LiveStreams.count, 0)
    // the browser's side sees its stream end (its EventSource would reconnect elsewhere)
    const ended = await reader.read().then(
      (chunk) => chunk.done,
      () => true
    )
    assert.isTrue(ended)
  }).timeout(10_000)
})
