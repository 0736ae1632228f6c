import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

type Session = Awaited<ReturnType<typeof signIn>>

/** Years MySQL/MariaDB store, and the ones around them. */
const DATES = { 999: '0999-12-31', 1000: '1000-01-01', 9999: '9999-12-31', 10000: '10000-01-01' }
const INSTANTS = {
  999: '0999-12-31T23:59:59Z',
  1000: '1000-01-01T00:00:00Z',
  9999: '9999-12-31T23:59:59Z',
  10000: '10000-01-01T00:00:00Z',
}
const EXPANDED = ['+275760-09-13T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z']

function assertYearRefused(response: any, field: string, assert: any) {
  assert.equal(response.status(), 422, response.text().slice(0, 300))
  assert.equal(response.body().error.fields[0].field, field)
  assert.equal(response.body().error.fields[0].rule, 'yearRange')
}

async function campaign() {
  const [id] = await db.table('campaigns').insert({
    name: `Fechas ${Date.now()}`,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  return Number(id)
}

async function makeTask(session: Session, dueAt: unknown) {
  const clientId = await makeClient()
  // past years are confirmed: this is about the range the engine stores
  return session
    .post('/api/r/client_tasks')
    .qs({ confirmPast: 1 })
    .json({ client_id: clientId, title: 'Llamar', due_at: dueAt })
}

test.group('Dates: years 1000 to 9999 only', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))

  test('a task due in year 1000 or 9999 is stored; 999, 10000 and +275760 are a 422 on due_at', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    for (const year of [1000, 9999] as const) {
      const created = await makeTask(admin, INSTANTS[year])
      assert.equal(created.status(), 201, created.text().slice(0, 300))
      assert.equal(created.body().data.due_at, INSTANTS[year])
    }
    for (const dueAt of [INSTANTS[999], INSTANTS[10000], ...EXPANDED]) {
      assertYearRefused(await makeTask(admin, dueAt), 'due_at', assert)
    }
  })

  test('a date-time whose UTC year leaves the range is refused, whatever its offset says', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    assertYearRefused(await makeTask(admin, '9999-12-31T23:00:00-05:00'), 'due_at', assert)
    assertYearRefused(await makeTask(admin, '1000-01-01T00:00:00+05:00'), 'due_at', assert)
  })

  test('a client born in 1000 or 9999 is stored; 999, 10000 and +275760 are a 422 on birth_date', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    for (const year of [1000, 9999] as const) {
      const updated = await admin.patch(`/api/r/clients/${id}`).json({ birth_date: DATES[year] })
      assert.equal(updated.status(), 200, updated.text().slice(0, 300))
      assert.equal(updated.body().data.birth_date, DATES[year])
    }
    for (const birthDate of [DATES[999], DATES[10000], '+275760-09-13']) {
      const response = await admin.patch(`/api/r/clients/${id}`).json({ birth_date: birthDate })
      assertYearRefused(response, 'birth_date', assert)
      const created = await admin
        .post('/api/r/clients')
        .json({ first_name: 'Ana', birth_date: birthDate })
      assertYearRefused(created, 'birth_date', assert)
    }
  })

  test('a filter value outside the years is a 422 on its path, by GET and by POST', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const ok = await admin
      .get('/api/r/client_tasks')
      .qs({ filter: JSON.stringify({ field: 'due_at', op: 'lt', value: INSTANTS[9999] }) })
    assert.equal(ok.status(), 200, ok.text().slice(0, 300))
    for (const value of [INSTANTS[999], INSTANTS[10000], EXPANDED[0]]) {
      const filter = { field: 'due_at', op: 'lt', value }
      const byQuery = await admin.get('/api/r/client_tasks').qs({ filter: JSON.stringify(filter) })
      assertYearRefused(byQuery, 'filter.value', assert)
      const byBody = await admin.post('/api/r/clients/query').json({
        filter: { field: 'birth_date', op: 'between', value: [DATES[1000], DATES[10000]] },
      })
      assertYearRefused(byBody, 'filter.value[1]', assert)
    }
  })

  test('the refusal says the years, in Spanish by default and in English when asked', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const spanish = await makeTask(admin, EXPANDED[0])
    assert.include(spanish.body().error.message, 'El año debe estar entre 1000 y 9999')
    const clientId = await makeClient()
    const english = await admin
      .post('/api/r/client_tasks')
      .header('accept-language', 'en')
      .json({ client_id: clientId, title: 'Call', due_at: EXPANDED[0] })
    assert.include(english.body().error.message, 'between 1000 and 9999')
  })

  test('a supervisor cannot give a custom date field a default outside the years', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const profile = await supervisor
      .post('/api/r/cf_profiles')
      .json({ name: `Fechas ${Date.now()}`, campaigns: [await campaign()] })
    assert.equal(profile.status(), 201, profile.text())
    const field = await supervisor.post('/api/r/cf_fields').json({
      profile_id: profile.body().data.id,
      key: `visita_${Date.now() % 100000}`,
      type: 'date',
      label_es: 'Visita',
      label_en: 'Visit',
      default_value: DATES[10000],
    })
    assertYearRefused(field, 'default_value', assert)
  })

  test('date ranges of the client dashboard and the gestión stats refuse years outside the range', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const id = await makeClient()
    const fine = await supervisor.get(`/api/clients/${id}/dashboard`).qs({ from: DATES[1000] })
    assert.equal(fine.status(), 200, fine.text().slice(0, 300))
    for (const from of [DATES[999], DATES[10000], '+275760-09-13']) {
      const dashboard = await supervisor.get(`/api/clients/${id}/dashboard`).qs({ from })
      assertYearRefused(dashboard, 'from', assert)
    }
    const stats = await supervisor.get('/api/p/tipificaciones/stats').qs({ to: DATES[999] })
    assertYearRefused(stats, 'to', assert)
  })
})
