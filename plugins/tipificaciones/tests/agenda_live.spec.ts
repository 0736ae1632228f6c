import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { plugins, truncateAfterEach } from '#sdk/testing'
import { BASE, agendaWorld, callback, campaign } from './agenda_fixtures.ts'
import { signIn } from '#sdk/testing'

const base = () => `http://${process.env.HOST ?? 'localhost'}:${process.env.PORT}`

/** A bearer token for `email` (the test users' password), for plain `fetch`. */
async function tokenFor(email: string) {
  const issued = await fetch(`${base()}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ email, password: 'Secret123!' }),
  })
  return ((await issued.json()) as { data: { token: string } }).data.token
}

/**
 * A browser's live connection over real HTTP: the server-sent event stream,
 * its subscriptions, and the text heard so far.
 */
async function openStream(token: string) {
  const uid = randomUUID()
  const abort = new AbortController()
  const auth = { Authorization: `Bearer ${token}` }
  const stream = await fetch(`${base()}/__transmit/events?uid=${uid}`, {
    headers: { ...auth, Accept: 'text/event-stream' },
    signal: abort.signal,
  })
  const reader = stream.body!.getReader()
  const decoder = new TextDecoder()
  let heard = ''
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        heard += decoder.decode(value, { stream: true })
      }
    } catch {
      // aborted at the end of the test
    }
  })()
  return {
    status: stream.status,
    subscribe: (channel: string) =>
      fetch(`${base()}/__transmit/subscribe`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ uid, channel }),
      }),
    /** Resolves once `text` was heard; fails after a few seconds without it. */
    async hears(text: string) {
      for (let tries = 0; tries < 100; tries++) {
        if (heard.includes(text)) return heard
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`never heard "${text}"; heard: ${heard}`)
    },
    heard: () => heard,
    async close() {
      abort.abort()
      await reading
    },
  }
}

test.group('agenda: concurrent claims', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('of eight agents taking the same callback at once, exactly one gets it', async ({
    client,
    assert,
  }) => {
    const agents = await Promise.all(Array.from({ length: 8 }, () => signIn(client, 'agent')))
    const team = await campaign(agents.map((agent) => agent.user.id))
    const { clientId } = await agendaWorld(client)
    const id = await callback({ clientId, campaignId: team }, -1)
    const answers = await Promise.all(
      agents.map((agent) => agent.post(`${BASE}/callbacks/${id}/claim`))
    )
    const statuses = answers.map((answer) => answer.status())
    assert.equal(statuses.filter((status) => status === 200).length, 1, String(statuses))
    assert.equal(statuses.filter((status) => status === 409).length, 7, String(statuses))
    const winner = agents[statuses.indexOf(200)]
    const row = await db.from('tip_callbacks').where('id', id).firstOrFail()
    assert.equal(row.user_id, winner.user.id)
    for (const answer of answers.filter((candidate) => candidate.status() === 409)) {
      assert.equal(answer.body().error.code, 'CALLBACK_TAKEN')
    }
    const audits = await db
      .from('audit_logs')
      .where({ resource: 'tip_callbacks', record_id: String(id), action: 'update' })
    assert.lengthOf(audits, 1)
  })
})

test.group('agenda: live due count', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('an agent hears on its own channel, over SSE, that a queued callback was taken', async ({
    client,
    assert,
  }) => {
    const { ana, beto, team, clientId } = await agendaWorld(client)
    const id = await callback({ clientId, campaignId: team }, -1)
    const live = await openStream(await tokenFor(ana.user.email))
    try {
      assert.equal(live.status, 200)
      const theirs = await live.subscribe(`users/${beto.user.id}`)
      // the library answers a refused channel with 400
      assert.equal(theirs.status, 400)
      const own = await live.subscribe(`users/${ana.user.id}`)
      assert.equal(own.status, 204)
      ;(await beto.post(`${BASE}/callbacks/${id}/claim`)).assertStatus(200)
      const heard = await live.hears('agenda.changed')
      assert.include(heard, `users/${ana.user.id}`)
      assert.notInclude(heard, `users/${beto.user.id}`)
      const count = await ana.get(`${BASE}/agenda/due`)
      assert.equal(count.body().data.due, 0)
    } finally {
      await live.close()
    }
  })

  test('the stream refuses a visitor who is not signed in', async ({ assert }) => {
    const stream = await fetch(`${base()}/__transmit/events?uid=${randomUUID()}`)
    assert.equal(stream.status, 401)
    await stream.body?.cancel()
  })
})
