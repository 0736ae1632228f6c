import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { SYSTEM_ACTOR } from '#sdk'
import {
  makeClient,
  plugins,
  signIn,
  startJobSchedule,
  startJobWorker,
  stopJobSchedule,
  stopJobWorker,
  truncateAfterEach,
} from '#sdk/testing'
import { raiseAlert } from '../backend/alert_book.ts'
import { ensureCatalogue } from '../backend/catalogue.ts'
import { API, eventually, makeCampaign, makeResult, typeId } from './helpers.ts'

/** Raises these seeded types on the client, as the system. */
async function raise(clientId: number, ...keys: string[]) {
  for (const key of keys) {
    const type = await typeId(key)
    await db.transaction((trx) =>
      raiseAlert(trx, SYSTEM_ACTOR, { clientId, typeId: type, source: 'manual', reason: 'prueba' })
    )
  }
}

/** A CSV download's lines, without its BOM. */
function csvLines(text: string) {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
}

/**
 * The CSV export and the interactions report stream from a separate reader
 * on SQLite, which cannot see a test's open transaction: these groups commit
 * and truncate.
 */
test.group('collections-alerts: the "Alerta" column in exports and reports (A6)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => ensureCatalogue(db.connection()))

  test('the clients CSV export names the alerts, in a column right after "Apellidos"', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const clientId = await makeClient({ first_name: 'Exportada', last_name: 'Morosa' })
    await raise(clientId, 'no_quiere_pagar', 'refinanciacion')
    const csv = await supervisor.get('/api/r/clients/export.csv').qs({ lang: 'es' })
    csv.assertStatus(200)
    const [header, row] = csvLines(csv.text())
    assert.match(header, /^ID,Nombres,Apellidos,Alerta,Documento,/)
    assert.match(row, /^\d+,Exportada,Morosa,No quiere pagar\|Refinanciación,/)
    const keys = await supervisor.get('/api/r/clients/export.csv').qs({ headers: 'keys' })
    assert.match(csvLines(keys.text())[0], /^id,first_name,last_name,alerts,document,/)
  })

  test('the export names every client\'s "Contactabilidad", "Contactable" and "Nuevo" included', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const reached = await makeClient({
      first_name: 'Gestionada',
      last_interaction_at: '2026-03-01 10:00:00',
    })
    const fresh = await makeClient({ first_name: 'Nueva' })
    const troubled = await makeClient({ first_name: 'Rebotada' })
    const contact = await typeId('contactabilidad')
    await db.transaction((trx) =>
      raiseAlert(trx, SYSTEM_ACTOR, {
        clientId: troubled,
        typeId: contact,
        channel: 'email',
        source: 'webhook',
        reason: 'prueba',
      })
    )
    const csv = await supervisor.get('/api/r/clients/export.csv').qs({ lang: 'es' })
    csv.assertStatus(200)
    const [header, ...rows] = csvLines(csv.text())
    const column = header.split(',').indexOf('Contactabilidad')
    assert.isAbove(column, 0)
    const cell = new Map(rows.map((row) => [Number(row.split(',')[0]), row.split(',')[column]]))
    assert.equal(cell.get(reached), 'Contactable')
    assert.equal(cell.get(fresh), 'Nuevo')
    assert.equal(cell.get(troubled), 'Con problemas de contactabilidad')
  })

  test('the interactions report has "Alerta" after the client, then "Notas", "Usuario gestión" and "Fecha de registro"', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await makeCampaign([agent.user.id])
    const resultId = await makeResult(supervisor, campaignId, 'Promete pagar')
    const clientId = await makeClient({
      first_name: 'Lucía',
      last_name: 'Cano',
      assigned_user_id: agent.user.id,
    })
    await raise(clientId, 'no_puede_pagar')
    const calm = await makeClient({
      first_name: 'Sin',
      last_name: 'Alerta',
      assigned_user_id: agent.user.id,
    })
    for (const id of [clientId, calm]) {
      const recorded = await agent
        .post('/api/p/tipificaciones/gestiones')
        .json({ clientId: id, campaignId, level1Id: resultId, notes: 'Llamar el lunes' })
      recorded.assertStatus(201)
    }
    const report = await supervisor
      .get('/api/p/tipificaciones/report.csv')
      .qs({ campaignId, lang: 'es' })
    report.assertStatus(200)
    const [header, ...rows] = csvLines(report.text())
    assert.equal(
      header,
      'Gestión,ID cliente,Cliente,Alerta,Documento,Campaña,Resultado,Notas,Usuario gestión,Fecha de registro'
    )
    assert.lengthOf(rows, 2)
    assert.include(rows[0], ',Lucía Cano,No puede pagar,')
    assert.include(rows[0], `,Promete pagar,Llamar el lunes,${agent.user.fullName},`)
    assert.match(rows[0], /,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/)
    assert.include(rows[1], ',Sin Alerta,,')
  })
})

test.group('collections-alerts: the broken-promises sweep on its own (A2)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => ensureCatalogue(db.connection()))
  group.each.setup(() => {
    const before = process.env.COLLECTIONS_PROMISE_SWEEP_EVERY
    return async () => {
      await stopJobSchedule()
      await stopJobWorker()
      if (before === undefined) delete process.env.COLLECTIONS_PROMISE_SWEEP_EVERY
      else process.env.COLLECTIONS_PROMISE_SWEEP_EVERY = before
    }
  })

  test('a promise past its date plus grace is found broken by the schedule, with no call to the sweep', async ({
    assert,
  }) => {
    const clientId = await makeClient()
    const [promiseId] = await db.table('ca_promises').insert({
      client_id: clientId,
      amount: 100,
      currency: 'PEN',
      promised_on: DateTime.utc().minus({ days: 10 }).toISODate(),
      status: 'pending',
      created_at: DateTime.utc().minus({ days: 12 }).toFormat('yyyy-LL-dd HH:mm:ss'),
    })
    process.env.COLLECTIONS_PROMISE_SWEEP_EVERY = '150'
    await startJobWorker()
    startJobSchedule()
    const promise = await eventually(
      () => db.from('ca_promises').where('id', promiseId).first(),
      (row) => row.status === 'broken',
      250
    )
    // stopped before the tables are emptied: no round in flight lands in the next test
    await stopJobSchedule()
    assert.equal(promise.status, 'broken')
    const runs = await db.from('job_runs').where('name', 'collections-alerts.broken-promises')
    assert.isAtLeast(runs.length, 1)
    assert.isNull(runs[0].user_id)
    const alerts = await eventually(
      () => db.from('ca_client_alerts').where('client_id', clientId).whereNotNull('active_key'),
      (rows) => rows.length === 1
    )
    assert.lengthOf(alerts, 1)
  })

  test('an interval of 0 keeps the sweep off the schedule', async ({ assert }) => {
    process.env.COLLECTIONS_PROMISE_SWEEP_EVERY = '0'
    startJobSchedule()
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(await db.from('job_runs'), 0)
  })
})

test.group('collections-alerts: a segment as a source (A8)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => ensureCatalogue(db.connection()))

  test('a saved segment is the filter of an assignment, and of the dialer list "Ir a Marcador" builds', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const campaignId = await makeCampaign([agent.user.id])
    const phone = (n: number) => `+5730012300${String(n).padStart(2, '0')}`
    const inSegment = [
      await makeClient({ campaign_id: campaignId, primary_phone: phone(1) }),
      await makeClient({ campaign_id: campaignId, primary_phone: phone(2) }),
    ]
    const outside = await makeClient({ campaign_id: campaignId, primary_phone: phone(3) })
    for (const id of inSegment) await raise(id, 'no_puede_pagar')
    await raise(outside, 'no_quiere_pagar')
    const saved = await supervisor.post(`${API}/segments`).json({
      name: 'No pueden pagar',
      filter: { field: 'alerts', op: 'contains', value: await typeId('no_puede_pagar') },
    })
    saved.assertStatus(201)

    // Asignaciones applies the saved segment's tree, as its "Segmento" picker reads it
    const segment = await supervisor.get(`/api/r/ca_segments/${saved.body().data.id}`)
    const filter = JSON.parse(segment.body().data.filter)
    const selection = { campaignId, recordType: 'all', filter }
    const counts = await supervisor.post('/api/assignments/count').json(selection)
    counts.assertStatus(200)
    assert.deepEqual(counts.body().data, { matched: 2, assigned: 0 })
    const assigned = await supervisor.post('/api/assignments').json({
      ...selection,
      mode: 'assign',
      userIds: [agent.user.id],
      expected: counts.body().data,
    })
    assigned.assertStatus(200)
    assert.equal(assigned.body().data.outcome.clients, 2)
    const owned = await db.from('clients').where('assigned_user_id', agent.user.id).select('id')
    assert.sameMembers(
      owned.map((row) => Number(row.id)),
      inSegment
    )

    // "Ir a Marcador" hands the same selection to the dialer, which builds its list from the tree
    const list = await supervisor
      .post('/api/p/dialer/lists')
      .json({ name: 'Segmento No pueden pagar', campaignId, filter })
    list.assertStatus(201)
    assert.equal(list.body().data.total, 2)
    const contacts = await db.from('dialer_contacts').where('list_id', list.body().data.id)
    assert.sameMembers(
      contacts.map((row) => Number(row.client_id)),
      inSegment
    )
  })
})
