import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  plugins,
  signIn,
  makeClient,
  makeBase,
  deleteBase,
  disableWithDependents,
  truncateAfterEach,
} from '#sdk/testing'

let campaignId: number | null = null

async function recordGestion(clientId: number) {
  if (campaignId === null) {
    const [id] = await db.table('campaigns').insert({
      name: 'Cobranzas',
      type: 'outbound_dialer',
      created_at: '2026-11-01 12:00:00',
    })
    campaignId = Number(id)
  }
  const [id] = await db.table('tip_gestiones').insert({
    client_id: clientId,
    campaign_id: campaignId,
    result_id: 1,
    level1_id: 1,
    result_path: 'Contactado',
    created_at: '2026-11-10 15:00:00',
  })
  return Number(id)
}

test.group('tipificaciones: deleting a base keeps clients with gestiones', (group) => {
  // The deletion runs outside the request and commits: truncate after each test.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)
  group.each.setup(() => {
    campaignId = null
  })

  test('clients with gestiones or callbacks are kept and listed; the others go', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase({ name: 'Mora 30' })
    const called = await makeClient({ base_id: baseId, first_name: 'Gema', last_name: 'Gestión' })
    await recordGestion(called)
    const scheduled = await makeClient({ base_id: baseId, first_name: 'Ciro', last_name: 'Agenda' })
    const gestionId = await recordGestion(scheduled)
    await db.from('tip_gestiones').where('id', gestionId).update({ client_id: called })
    await db.table('tip_callbacks').insert({
      gestion_id: gestionId,
      client_id: scheduled,
      campaign_id: campaignId,
      due_at: '2026-12-01 15:00:00',
      status: 'pending',
      created_at: '2026-11-10 15:00:00',
      updated_at: '2026-11-10 15:00:00',
    })
    const untouched = await makeClient({ base_id: baseId })

    const supervisor = await signIn(client, 'supervisor')
    const plan = await supervisor.get(`/api/bases/${baseId}/deletion`)
    plan.assertStatus(200)
    assert.containsSubset(plan.body().data, {
      clients: 3,
      deleted: 1,
      kept: 2,
      keptBy: [
        { es: 'gestión(es)', count: 1 },
        { es: 'agendamiento(s)', en: 'callback(s)', count: 1 },
      ],
    })

    const done = await deleteBase(supervisor, baseId)
    assert.containsSubset(done, { status: 'done', deleted: 1, kept: 2 })
    assert.sameMembers(
      done.keptClients.map((kept) => kept.id),
      [called, scheduled]
    )
    assert.isNull(await db.from('clients').where('id', untouched).first())
    assert.lengthOf(await db.from('tip_gestiones').whereIn('client_id', [called]), 2)
    assert.lengthOf(await db.from('tip_callbacks').where('client_id', scheduled), 1)
  })

  test('a disabled tipificaciones still keeps its clients: its rows stay', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase()
    const called = await makeClient({ base_id: baseId })
    await recordGestion(called)
    const enableAgain = await disableWithDependents('tipificaciones')
    const admin = await signIn(client, 'admin')
    const done = await deleteBase(admin, baseId).finally(enableAgain)
    assert.containsSubset(done, { deleted: 0, kept: 1 })
    assert.isNotNull(await db.from('clients').where('id', called).first())
  })
})
