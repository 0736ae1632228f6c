import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { SYSTEM_ACTOR, insertMany, toSqlDateTime } from '#sdk'
import {
  makeClient,
  plugins,
  settleJob,
  signIn,
  startJobWorker,
  stopJobWorker,
  truncateAfterEach,
} from '#sdk/testing'
import { startFakeWallet, walletClient } from './helpers.ts'

type Session = Awaited<ReturnType<typeof signIn>>

const API = '/api/p/tubolsillo'

async function makeReason(session: Session, label = 'Solicitud del cliente', appliesTo = 'both') {
  const created = await session
    .post('/api/r/tubolsillo_reasons')
    .json({ label, applies_to: appliesTo })
  created.assertStatus(201)
  return created.body().data.id as number
}

/** `count` clients named `firstName`, in multi-row inserts (no phones, no name words). */
async function makeClients(count: number, firstName: string) {
  const now = toSqlDateTime(DateTime.utc())
  const rows = Array.from({ length: count }, (_, index) => ({
    first_name: firstName,
    last_name: `Cliente ${index}`,
    search_name: `${firstName} cliente ${index}`.toLowerCase(),
    status: 'new',
    vip: 0,
    bad: 0,
    created_at: now,
  }))
  await insertMany(db.connection(), 'clients', rows)
}

/** The SQL statements the app sends from now on, until `stop()`. */
function countStatements() {
  const knex = db.connection().getWriteClient()
  const sql: string[] = []
  const listen = (query: { sql: string }) => sql.push(query.sql)
  knex.on('query', listen)
  return {
    matching: (pattern: RegExp) => sql.filter((text) => pattern.test(text)).length,
    stop: () => {
      knex.off('query', listen)
    },
  }
}

/** Switches one wallet from its page's endpoint: 201 with the toggle and the wallet. */
async function toggleWallet(
  session: Session,
  clientId: number,
  body: { action: string; reason_id: number; note?: string }
) {
  const toggled = await session.post(`${API}/clients/${clientId}/toggles`).json(body)
  toggled.assertStatus(201)
  return toggled.body() as { data: Record<string, any>; wallet: Record<string, any> }
}

/** A bulk started (202) and its job run to the end. */
async function runBulk(session: Session, body: Record<string, unknown>, polls?: number) {
  const started = await session.post(`${API}/bulks`).json(body)
  started.assertStatus(202)
  const data = started.body().data as { bulkId: number; jobId: number; total: number }
  return { ...data, run: await settleJob(data.jobId, polls) }
}

async function wallet(session: Session, clientId: number) {
  const response = await session.get(`${API}/clients/${clientId}/wallet`)
  response.assertStatus(200)
  return response.body().data
}

test.group('tubolsillo: toggle one wallet (W1, W2)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('an agent deactivates a client wallet with a reason; the toggle is audited in the client log', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const reasonId = await makeReason(supervisor, 'Sospecha de fraude', 'deactivate')
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    assert.equal((await wallet(agent, clientId)).status, 'unknown')

    const toggled = await toggleWallet(agent, clientId, {
      action: 'deactivate',
      reason_id: reasonId,
      note: 'Llamó el titular',
    })
    assert.equal(toggled.data.status, 'confirmed') // the local adapter confirms
    assert.equal(toggled.wallet.status, 'inactive')

    const history = await agent
      .get('/api/r/tubolsillo_toggles')
      .qs({ filter: JSON.stringify({ field: 'client_id', op: 'eq', value: clientId }) })
    history.assertStatus(200)
    assert.containsSubset(history.body().data, [
      {
        client_id: clientId,
        action: 'deactivate',
        reason_id: reasonId,
        note: 'Llamó el titular',
        status: 'confirmed',
        requested_by: agent.user.id,
      },
    ])

    const log = await supervisor.get(`/api/clients/${clientId}/log`)
    log.assertStatus(200)
    const actions = (log.body().data as Array<{ action: string; resource: string }>)
      .filter((entry) => entry.resource === 'tubolsillo_toggles')
      .map((entry) => entry.action)
    assert.sameMembers(actions, ['create', 'tubolsillo.confirmed'])
  })

  test('a reason is required and must suit the action (422 naming reason_id)', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient()
    const onlyActivate = await makeReason(supervisor, 'Cuenta verificada', 'activate')

    const missing = await supervisor
      .post(`${API}/clients/${clientId}/toggles`)
      .json({ action: 'deactivate' })
    missing.assertStatus(422)
    missing.assertBodyContains({ error: { fields: [{ field: 'reason_id' }] } })

    const wrong = await supervisor
      .post(`${API}/clients/${clientId}/toggles`)
      .json({ action: 'deactivate', reason_id: onlyActivate })
    wrong.assertStatus(422)
    wrong.assertBodyContains({ error: { fields: [{ field: 'reason_id' }] } })

    const badAction = await supervisor
      .post(`${API}/clients/${clientId}/toggles`)
      .json({ action: 'explode', reason_id: onlyActivate })
    badAction.assertStatus(422)
    badAction.assertBodyContains({ error: { fields: [{ field: 'action' }] } })

    const rows = await db.from('tubolsillo_toggles').count('* as total')
    assert.equal(Number(rows[0].total), 0)
  })

  test('without tubolsillo.toggle, or on a client out of scope, nothing is toggled', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const agent = await signIn(client, 'agent')
    const reasonId = await makeReason(admin)
    const theirs = await makeClient({ assigned_user_id: agent.user.id })
    const other = await makeClient()

    const outOfScope = await agent
      .post(`${API}/clients/${other}/toggles`)
      .json({ action: 'activate', reason_id: reasonId })
    outOfScope.assertStatus(404)

    // the generic REST never writes a toggle
    const generic = await admin
      .post('/api/r/tubolsillo_toggles')
      .json({ client_id: theirs, action: 'activate', reason_id: reasonId })
    generic.assertStatus(403)

    // bulk is for supervisors
    ;(await agent.post(`${API}/bulks/preview`).json({})).assertStatus(403)

    const revoked = await admin
      .put('/api/permissions')
      .json({ changes: [{ role: 'agent', permission: 'tubolsillo.toggle', granted: false }] })
    revoked.assertStatus(200)
    const refused = await agent
      .post(`${API}/clients/${theirs}/toggles`)
      .json({ action: 'activate', reason_id: reasonId })
    refused.assertStatus(403)
    refused.assertBodyContains({ error: { code: 'FORBIDDEN' } })

    const rows = await db.from('tubolsillo_toggles').count('* as total')
    assert.equal(Number(rows[0].total), 0)
  })
})

test.group('tubolsillo: the wallet service over HTTP (W3)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('confirmed: the call carries an idempotency key and the token', async ({
    client,
    assert,
    cleanup,
  }) => {
    process.env.TUBOLSILLO_HTTP_TOKEN = 'secreto-del-bolsillo'
    cleanup(() => {
      delete process.env.TUBOLSILLO_HTTP_TOKEN
    })
    const service = await startFakeWallet(() => ({ status: 200, body: { status: 'confirmed' } }))
    cleanup(() => service.stop())
    const supervisor = await signIn(client, 'supervisor')
    const reasonId = await makeReason(supervisor)
    const clientId = await makeClient()

    const toggled = await toggleWallet(supervisor, clientId, {
      action: 'activate',
      reason_id: reasonId,
    })
    assert.equal(toggled.wallet.status, 'active')
    const [request] = service.fake.received
    assert.equal(request.method, 'POST')
    assert.equal(request.url, `/wallets/${clientId}/activate`)
    assert.equal(request.headers.authorization, 'Bearer secreto-del-bolsillo')
    const row = await db.from('tubolsillo_toggles').firstOrFail()
    assert.equal(request.headers['idempotency-key'], row.idempotency_key)
    assert.equal(request.body.idempotencyKey, row.idempotency_key)
  })

  test('failed: the service refuses; a retry sends a new toggle that is confirmed', async ({
    client,
    assert,
    cleanup,
  }) => {
    let refuse = true
    const service = await startFakeWallet(() =>
      refuse
        ? { status: 409, body: { status: 'failed', error: 'Billetera bloqueada' } }
        : { status: 200, body: { status: 'confirmed' } }
    )
    cleanup(() => service.stop())
    const supervisor = await signIn(client, 'supervisor')
    const reasonId = await makeReason(supervisor)
    const clientId = await makeClient()

    const toggled = await toggleWallet(supervisor, clientId, {
      action: 'deactivate',
      reason_id: reasonId,
    })
    assert.containsSubset(toggled.data, { status: 'failed', error: 'Billetera bloqueada' })
    assert.equal(toggled.wallet.status, 'failed')
    assert.lengthOf(service.fake.received, 1) // a refusal is not retried

    refuse = false
    const retried = await supervisor.post(`${API}/toggles/${toggled.data.id}/retry`)
    retried.assertStatus(201)
    assert.equal(retried.body().data.status, 'confirmed')
    assert.equal(retried.body().wallet.status, 'inactive')
    const keys = service.fake.received.map((request) => request.headers['idempotency-key'])
    assert.notEqual(keys[0], keys[1])

    // a confirmed toggle is not retried, nor a failed one toggled since
    ;(await supervisor.post(`${API}/toggles/${retried.body().data.id}/retry`)).assertStatus(409)
    ;(await supervisor.post(`${API}/toggles/${toggled.data.id}/retry`)).assertStatus(409)
  })

  test('no answer in time: the toggle stays pending, blocks another, and a check settles it', async ({
    client,
    assert,
    cleanup,
  }) => {
    let slow = true
    const service = await startFakeWallet((request) => {
      if (request.method === 'GET') return { status: 200, body: { status: 'confirmed' } }
      return slow
        ? { status: 200, body: { status: 'confirmed' }, delayMs: 2000 }
        : { status: 200, body: { status: 'confirmed' } }
    }, 150)
    cleanup(() => service.stop())
    const supervisor = await signIn(client, 'supervisor')
    const reasonId = await makeReason(supervisor)
    const clientId = await makeClient()

    const toggled = await toggleWallet(supervisor, clientId, {
      action: 'activate',
      reason_id: reasonId,
    })
    assert.equal(toggled.data.status, 'pending')
    assert.match(toggled.data.error, /no answer within 150 ms/)
    assert.equal(toggled.wallet.status, 'pending')
    // idempotent with its key: retried on no answer, with the same key each time
    const posts = service.fake.received.filter((request) => request.method === 'POST')
    assert.lengthOf(posts, 3)
    assert.lengthOf(new Set(posts.map((request) => request.headers['idempotency-key'])), 1)

    const second = await supervisor
      .post(`${API}/clients/${clientId}/toggles`)
      .json({ action: 'deactivate', reason_id: reasonId })
    second.assertStatus(409)
    second.assertBodyContains({ error: { code: 'TUBOLSILLO_PENDING' } })

    slow = false
    const checked = await supervisor.post(`${API}/toggles/${toggled.data.id}/check`)
    checked.assertStatus(200)
    assert.equal(checked.body().data.status, 'confirmed')
    assert.equal(checked.body().wallet.status, 'active')
    const last = service.fake.received.at(-1)!
    assert.equal(last.method, 'GET')
    assert.equal(last.url, `/toggles/${posts[0].headers['idempotency-key']}`)
  })

  test('a malformed answer settles nothing; a check of a key the service never got sends it again', async ({
    client,
    assert,
    cleanup,
  }) => {
    let malformed = true
    const service = await startFakeWallet((request) => {
      if (request.method === 'GET') return { status: 404, body: { error: 'unknown key' } }
      return malformed
        ? { status: 200, body: '<html>proxy error</html>' }
        : { status: 200, body: { status: 'confirmed' } }
    })
    cleanup(() => service.stop())
    const supervisor = await signIn(client, 'supervisor')
    const reasonId = await makeReason(supervisor)
    const clientId = await makeClient()

    const toggled = await toggleWallet(supervisor, clientId, {
      action: 'deactivate',
      reason_id: reasonId,
    })
    assert.equal(toggled.data.status, 'pending')
    assert.match(toggled.data.error, /malformed answer/)

    malformed = false
    const checked = await supervisor.post(`${API}/toggles/${toggled.data.id}/check`)
    checked.assertStatus(200)
    assert.equal(checked.body().data.status, 'confirmed')
    assert.equal(checked.body().wallet.status, 'inactive')
    const methods = service.fake.received.map((request) => request.method)
    assert.deepEqual(methods, ['POST', 'GET', 'POST'])
    const keys = service.fake.received
      .filter((request) => request.method === 'POST')
      .map((request) => request.headers['idempotency-key'])
    assert.equal(keys[0], keys[1])
  })
})

test.group('tubolsillo: bulk toggle (W2)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => startJobWorker())
  group.each.teardown(() => stopJobWorker())

  test('deactivates the filtered clients in a job; the 3 the service refuses are listed and retried', async ({
    client,
    assert,
    cleanup,
  }) => {
    const refused = new Set<number>()
    let refusing = true
    const service = await startFakeWallet((request) => {
      const clientId = walletClient(request.url)
      if (refusing && clientId !== null && refused.has(clientId)) {
        return {
          status: 422,
          body: { status: 'failed', error: `Cliente ${clientId} sin billetera` },
        }
      }
      return { status: 200, body: { status: 'confirmed' } }
    })
    cleanup(() => service.stop())
    const supervisor = await signIn(client, 'supervisor')
    const reasonId = await makeReason(supervisor, 'Sospecha de fraude')
    const ids: number[] = []
    for (let index = 0; index < 12; index++) {
      ids.push(await makeClient({ first_name: 'Lote', last_name: `Cliente ${index}` }))
    }
    const outside = await makeClient({ first_name: 'Fuera' })
    for (const id of [ids[2], ids[5], ids[9]]) refused.add(id)
    const filter = { field: 'first_name', op: 'eq', value: 'Lote' }

    const preview = await supervisor.post(`${API}/bulks/preview`).json({ filter })
    preview.assertStatus(200)
    assert.equal(preview.body().data.count, 12)

    const stale = await supervisor
      .post(`${API}/bulks`)
      .json({ filter, action: 'deactivate', reason_id: reasonId, count: 11 })
    stale.assertStatus(409)
    stale.assertBodyContains({ error: { code: 'COUNT_CHANGED' } })

    const { bulkId, total, run } = await runBulk(supervisor, {
      filter,
      action: 'deactivate',
      reason_id: reasonId,
      count: 12,
    })
    assert.equal(total, 12)
    assert.equal(run.status, 'done')
    assert.equal(run.progress, 100)
    assert.deepEqual(run.result, { confirmed: 9, failed: 3, pending: 0 })

    const report = await supervisor.get(`${API}/bulks/${bulkId}`)
    report.assertStatus(200)
    assert.deepEqual(report.body().data.counts, { pending: 0, confirmed: 9, failed: 3 })
    assert.deepEqual(
      report.body().data.failed.map((row: { clientId: number }) => row.clientId),
      [ids[2], ids[5], ids[9]]
    )
    assert.equal(report.body().data.failed[0].error, `Cliente ${ids[2]} sin billetera`)
    assert.equal((await wallet(supervisor, ids[0])).status, 'inactive')
    assert.equal((await wallet(supervisor, ids[2])).status, 'failed')
    assert.equal((await wallet(supervisor, outside)).status, 'unknown')
    const column = await supervisor
      .get(`${API}/wallets`)
      .qs({ ids: [ids[0], ids[2], outside].join(',') })
    column.assertStatus(200)
    assert.deepEqual(column.body().data, {
      [ids[0]]: 'inactive',
      [ids[2]]: 'failed',
      [outside]: 'unknown',
    })

    // each toggle is audited under its client
    const audited = await db
      .from('audit_logs')
      .where('resource', 'tubolsillo_toggles')
      .where('action', 'create')
      .count('* as total')
    assert.equal(Number(audited[0].total), 12)

    refusing = false
    const retry = await supervisor.post(`${API}/bulks/${bulkId}/retry`)
    retry.assertStatus(202)
    assert.equal(retry.body().data.total, 3)
    const retried = await settleJob(retry.body().data.jobId)
    assert.deepEqual(retried.result, { confirmed: 3, failed: 0, pending: 0 })
    assert.equal((await wallet(supervisor, ids[5])).status, 'inactive')
    ;(await supervisor.post(`${API}/bulks/${bulkId}/retry`)).assertStatus(409)
  })

  test('1,200 filtered clients: each toggled and audited exactly once, written in batches, not one create per client', async ({
    client,
    assert,
    cleanup,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const reasonId = await makeReason(supervisor, 'Cierre masivo', 'deactivate')
    const total = 1_200
    await makeClients(total, 'Masivo')
    await makeClient({ first_name: 'Fuera' })
    const filter = { field: 'first_name', op: 'eq', value: 'Masivo' }

    const preview = await supervisor.post(`${API}/bulks/preview`).json({ filter })
    preview.assertStatus(200)
    assert.equal(preview.body().data.count, total)

    const statements = countStatements()
    cleanup(() => statements.stop())
    const started = await runBulk(
      supervisor,
      { filter, action: 'deactivate', reason_id: reasonId, count: total },
      6_000
    )
    assert.equal(started.total, total)
    const run = started.run
    assert.equal(run.status, 'done')
    assert.equal(run.progress, 100)
    assert.deepEqual(run.result, { confirmed: total, failed: 0, pending: 0 })

    // toggles written a batch at a time (500 per insert), the reason asked once per batch
    assert.isAtMost(statements.matching(/^insert into [`"]tubolsillo_toggles[`"]/i), 3)
    assert.isAtMost(statements.matching(/from [`"]tubolsillo_reasons[`"]/i), 6)
    assert.isAtMost(statements.matching(/^insert into [`"]audit_logs[`"]/i), 3 + total)

    const perClient = await db
      .from('tubolsillo_toggles')
      .select('client_id')
      .count('* as n')
      .groupBy('client_id')
    assert.lengthOf(perClient, total)
    assert.isTrue(perClient.every((row) => Number(row.n) === 1))
    const created = await db
      .from('audit_logs')
      .where('resource', 'tubolsillo_toggles')
      .where('action', 'create')
      .where('subject', 'clients')
      .select('record_id', 'subject_id', 'actor_id')
    assert.lengthOf(created, total)
    assert.lengthOf(new Set(created.map((row) => row.record_id)), total)
    assert.lengthOf(new Set(created.map((row) => row.subject_id)), total)
    assert.isTrue(created.every((row) => Number(row.actor_id) === supervisor.user.id))
    const confirmed = await db
      .from('audit_logs')
      .where('action', 'tubolsillo.confirmed')
      .countDistinct('record_id as n')
    assert.equal(Number(confirmed[0].n), total)
    const report = await supervisor.get(`${API}/bulks/${started.bulkId}`)
    assert.deepEqual(report.body().data.counts, { pending: 0, confirmed: total, failed: 0 })
  }).timeout(180_000)
})

test.group('tubolsillo: disabled', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.teardown(async () => {
    await plugins.enable('tubolsillo', SYSTEM_ACTOR)
  })

  test('its routes, resources and meta go away; its data stays and is back when enabled', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const reasonId = await makeReason(admin)
    const clientId = await makeClient()
    ;(
      await admin
        .post(`${API}/clients/${clientId}/toggles`)
        .json({ action: 'activate', reason_id: reasonId })
    ).assertStatus(201)

    ;(await admin.post('/api/plugins/tubolsillo/disable')).assertStatus(200)
    const route = await admin.get(`${API}/clients/${clientId}/wallet`)
    route.assertStatus(404)
    route.assertBodyContains({ error: { code: 'PLUGIN_DISABLED' } })
    ;(await admin.get('/api/r/tubolsillo_toggles')).assertStatus(404)
    const meta = (await admin.get('/api/meta')).body().data
    const names = meta.resources.map((resource: { name: string }) => resource.name)
    assert.notInclude(names, 'tubolsillo_toggles')
    assert.notInclude(names, 'tubolsillo_reasons')
    assert.notInclude(meta.permissions, 'tubolsillo.toggle')
    const rows = await db.from('tubolsillo_toggles').count('* as total')
    assert.equal(Number(rows[0].total), 1)

    ;(await admin.post('/api/plugins/tubolsillo/enable')).assertStatus(200)
    assert.equal((await wallet(admin, clientId)).status, 'active')
  })
})
