import { test } from '@japa/runner'
import { truncateAfterEach } from '#tests/helpers/database'
import limiter from '@adonisjs/limiter/services/main'
import { makeUser } from '#tests/helpers/auth'

/**
 * Requests go out with fetch, as a script or a fresh browser tab would:
 * no session or CSRF cookie is added for them.
 */
const base = () => `http://${process.env.HOST ?? 'localhost'}:${process.env.PORT}`

function cookieNames(response: Response) {
  return response.headers.getSetCookie().map((cookie) => cookie.split('=')[0])
}

test.group('Sessions: only signed-in admins have one', (group) => {
  // fetch goes through the real server: rows must be committed.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => limiter.clear())

  test('an anonymous request answers 401 and starts no session', async ({ assert }) => {
    for (const path of ['/api/meta', '/api/auth/me', '/api/r/clients']) {
      const response = await fetch(`${base()}${path}`, { headers: { Accept: 'application/json' } })
      assert.equal(response.status, 401)
      assert.deepEqual(cookieNames(response), [], path)
    }
    const mutation = await fetch(`${base()}/api/r/clients`, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ first_name: 'Nadie' }),
    })
    assert.equal(mutation.status, 401)
    assert.deepEqual(cookieNames(mutation), [])
  })

  test('a bearer request starts no session', async ({ assert }) => {
    const user = await makeUser('supervisor')
    const issued = await fetch(`${base()}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'Secret123!' }),
    })
    assert.equal(issued.status, 201)
    assert.deepEqual(cookieNames(issued), [])
    const { token } = ((await issued.json()) as { data: { token: string } }).data
    const meta = await fetch(`${base()}/api/meta`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    })
    assert.equal(meta.status, 200)
    assert.deepEqual(cookieNames(meta), [])
  })

  test('a fresh visitor signs in with JSON and keeps the session it gets', async ({ assert }) => {
    const user = await makeUser('agent')
    const signedIn = await fetch(`${base()}/api/auth/login`, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'Secret123!' }),
    })
    assert.equal(signedIn.status, 200)
    assert.include(cookieNames(signedIn), 'tablero-session')
    const cookie = signedIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ')
    const me = await fetch(`${base()}/api/auth/me`, {
      headers: { Accept: 'application/json', Cookie: cookie },
    })
    assert.equal(me.status, 200)
    // The session now carries CSRF protection: its XSRF cookie comes with it,
    // and a mutation without the token is refused.
    assert.include(cookieNames(me), 'XSRF-TOKEN')
    const forged = await fetch(`${base()}/api/r/clients`, {
      method: 'POST',
      headers: {
        'Accept': 'application/json',
        'Content-Type': 'application/json',
        'Cookie': cookie,
      },
      body: JSON.stringify({ first_name: 'Forjada' }),
    })
    assert.equal(forged.status, 403)
    assert.equal(
      ((await forged.json()) as { error: { code: string } }).error.code,
      'CSRF_TOKEN_INVALID'
    )
  })

  test('a sign-in posted as a form (what a cross-site page can send) is refused', async ({
    assert,
  }) => {
    const user = await makeUser('agent')
    const response = await fetch(`${base()}/api/auth/login`, {
      method: 'POST',
      headers: {
        'Accept': 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ email: user.email, password: 'Secret123!' }).toString(),
    })
    assert.equal(response.status, 415)
    assert.equal(
      ((await response.json()) as { error: { code: string } }).error.code,
      'UNSUPPORTED_MEDIA_TYPE'
    )
  })
})
