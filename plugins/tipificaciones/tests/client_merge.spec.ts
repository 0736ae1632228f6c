import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { disableWithDependents, plugins, signIn, makeClient } from '#sdk/testing'

type Session = Awaited<ReturnType<typeof signIn>>
const BASE = '/api/p/tipificaciones'

/** A campaign whose only result allows scheduling, and a client with two gestiones there. */
async function clientWithHistory(admin: Session) {
  const [campaignId] = await db.table('campaigns').insert({
    name: `Cobranzas ${Date.now()}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  const result = await admin
    .post(`${BASE}/results`)
    .json({ campaignIds: [campaignId], name: 'Promesa de pago', allowsScheduling: true })
  result.assertStatus(201)
  const level1Id = result.body().data[0].id
  const clientId = await makeClient({ campaign_id: campaignId })
  for (const notes of ['Llamar el lunes', 'Paga el viernes']) {
    const callbackAt = DateTime.utc().plus({ hours: 1 }).toISO()
    const recorded = await admin
      .post(`${BASE}/gestiones`)
      .json({ clientId, campaignId, level1Id, notes, callbackAt })
    recorded.assertStatus(201)
  }
  return clientId
}

async function rowsOf(table: string, clientId: number) {
  const [row] = await db.from(table).where('client_id', clientId).count('* as n')
  return Number(row.n)
}

async function merge(admin: Session, survivorId: number, otherId: number) {
  const response = await admin
    .post(`/api/clients/${survivorId}/merge`)
    .json({ otherId, survivorId, confirm: true })
  response.assertStatus(200)
}

test.group('tipificaciones: client merge', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test("merging two clients moves the merged one's gestiones and callbacks to the survivor", async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const survivor = await makeClient()
    const merged = await clientWithHistory(admin)

    await merge(admin, survivor, merged)

    assert.equal(await rowsOf('tip_gestiones', survivor), 2)
    assert.equal(await rowsOf('tip_callbacks', survivor), 2)
    const history = await admin.get('/api/r/tip_gestiones').qs({
      filter: JSON.stringify({ field: 'client_id', op: 'eq', value: survivor }),
    })
    assert.deepEqual(
      history
        .body()
        .data.map((g: { notes: string }) => g.notes)
        .sort(),
      ['Llamar el lunes', 'Paga el viernes']
    )
    // their audit entries, filed under the client, follow it to the survivor's log
    const log = await admin.get(`/api/clients/${survivor}/log`)
    assert.lengthOf(
      log.body().data.filter((entry: { resource: string }) => entry.resource === 'tip_gestiones'),
      2
    )
    const audit = await db
      .from('audit_logs')
      .where({ action: 'merge', resource: 'clients', record_id: String(survivor) })
      .firstOrFail()
    assert.deepInclude(JSON.parse(audit.after).plugins, {
      tipificaciones: { tip_gestiones: 2, tip_callbacks: 2 },
    })
  })

  test('a merge moves the gestiones of a disabled tipificaciones plugin too, so none are lost', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const survivor = await makeClient()
    const merged = await clientWithHistory(admin)

    const enableAgain = await disableWithDependents('tipificaciones')
    try {
      await merge(admin, survivor, merged)
    } finally {
      await enableAgain()
    }

    assert.equal(await rowsOf('tip_gestiones', survivor), 2)
    assert.equal(await rowsOf('tip_callbacks', survivor), 2)
  })
})
