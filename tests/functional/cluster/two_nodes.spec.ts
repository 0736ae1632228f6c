import { connect } from 'node:net'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { makeUser } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'
import { AppNode, eventually, sleep } from '#tests/helpers/app_node'

/** Whether a Redis answers on REDIS_HOST (default 127.0.0.1), port REDIS_PORT (6379). */
function redisAnswers() {
  return new Promise<boolean>((resolve) => {
    const socket = connect(
      Number(process.env.REDIS_PORT || 6379),
      process.env.REDIS_HOST || '127.0.0.1'
    )
    socket.setTimeout(1000)
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * X4: the same code on several app nodes, sharing the database and Redis.
 * Two real server processes (backend/bin/server.ts) on two loopback ports,
 * with REDIS_HOST set, on the test database: what one node does, the other
 * knows at once. Their plugin states are trusted for ten minutes
 * (PLUGIN_STATE_TTL_MS), so only Redis can tell a node of a toggle made on
 * the other in time.
 */
test.group('Two app nodes on one database and Redis (X4)', (group) => {
  // Plugin states trusted for ten minutes: only Redis can tell B of A's toggle in time.
  const nodeEnv = {
    REDIS_HOST: process.env.REDIS_HOST || '127.0.0.1',
    PLUGIN_STATE_TTL_MS: String(10 * 60_000),
  }
  const a = new AppNode('a', nodeEnv)
  const b = new AppNode('b', nodeEnv)
  // `npm test` on a machine without Redis skips these; CI (.ci/run starts Redis) never does.
  group.each.setup(async ($test) => {
    if (process.env.CI !== 'true' && !(await redisAnswers())) {
      $test.skip(true, 'No Redis on REDIS_HOST:REDIS_PORT: the two-node tests need one')
    }
  })
  group.setup(async () => {
    if (process.env.CI !== 'true' && !(await redisAnswers())) return () => {}

    const cleanup = await truncateAfterEach()
    await Promise.all([a.start(), b.start()])
    return async () => {
      await Promise.all([a.stop(), b.stop()])
      await cleanup()
    }
  })
  group.each.timeout(60_000)

  test("a supervisor's change on node A reaches the agent's browser on node B, live", async ({
    assert,
  }) => {
    const agent = await makeUser('agent')
    const supervisor = await makeUser('supervisor')
    const [campaignId] = await db.table('campaigns').insert({
      name: `Nodos ${Date.now()}`,
      type: 'outbound_dialer',
      active: 1,
      created_at: DateTime.utc().toSQL({ includeOffset: false }),
    })
    await db.table('campaign_agents').insert({
      campaign_id: campaignId,
      user_id: agent.id,
      created_at: DateTime.utc().toSQL({ includeOffset: false }),
    })
    const clientId = await makeClient({ campaign_id: campaignId, assigned_user_id: agent.id })

    // The agent's browser is connected to node B, subscribed to its channel.
    const agentToken = await b.signIn(agent.email)
    const uid = crypto.randomUUID()
    const stream = await b.fetch(`/__transmit/events?uid=${uid}`, { token: agentToken })
    assert.equal(stream.status, 200)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    const subscribed = await b.fetch('/__transmit/subscribe', {
      method: 'POST',
      token: agentToken,
      body: { uid, channel: `users/${agent.id}` },
    })
    assert.equal(subscribed.status, 204)
    let heard = ''
    const listening = (async () => {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        heard += value
        if (heard.includes('agenda.changed')) return
      }
    })()

    // The supervisor, on node A, gives the agent a callback.
    const supervisorToken = await a.signIn(supervisor.email)
    const created = await a.fetch('/api/p/tipificaciones/agenda/events', {
      method: 'POST',
      token: supervisorToken,
      body: {
        clientId,
        campaignId: Number(campaignId),
        userId: agent.id,
        dueAt: DateTime.utc().plus({ days: 1 }).startOf('hour').toISO(),
      },
    })
    assert.equal(created.status, 201)
    await Promise.race([listening, sleep(10_000)])
    await reader.cancel()
    assert.include(heard, 'agenda.changed')
  })

  test('a plugin disabled on node A answers 404 PLUGIN_DISABLED on node B at once, and comes back', async ({
    assert,
  }) => {
    const admin = await makeUser('admin')
    const supervisor = await makeUser('supervisor')
    const adminToken = await a.signIn(admin.email)
    const onB = await b.signIn(supervisor.email)
    // served (a 422 for the missing client is the plugin's own answer) or not (404 PLUGIN_DISABLED)
    const speechOnB = () => b.fetch('/api/p/speech/variables', { token: onB })
    const served = async () => (await speechOnB()).status !== 404
    assert.isTrue(await served())

    const disabled = await a.fetch('/api/plugins/speech/disable', {
      method: 'POST',
      token: adminToken,
    })
    assert.equal(disabled.status, 200)
    try {
      assert.isTrue(
        await eventually(async () => {
          const response = await speechOnB()
          if (response.status !== 404) return false
          const body = (await response.json()) as { error: { code: string } }
          return body.error.code === 'PLUGIN_DISABLED'
        }),
        'node B still served the disabled plugin (its states are trusted for 10 min)'
      )
    } finally {
      const enabled = await a.fetch('/api/plugins/speech/enable', {
        method: 'POST',
        token: adminToken,
      })
      assert.equal(enabled.status, 200)
    }
    assert.isTrue(await eventually(served))
  })

  test('five failed sign-ins on node A make the sixth on node B a 429 (one limiter in Redis)', async ({
    assert,
  }) => {
    const user = await makeUser('agent')
    const wrong = () => ({
      method: 'POST',
      body: { email: user.email, password: 'not-the-password', name: 'cluster test' },
    })
    for (let attempt = 1; attempt <= 5; attempt++) {
      assert.equal((await a.fetch('/api/auth/tokens', wrong())).status, 401)
    }
    const sixth = await b.fetch('/api/auth/tokens', wrong())
    assert.equal(sixth.status, 429)
    // the right password is refused too while blocked
    const right = await b.fetch('/api/auth/tokens', {
      method: 'POST',
      body: { email: user.email, password: 'Secret123!', name: 'cluster test' },
    })
    assert.equal(right.status, 429)
  })
})
