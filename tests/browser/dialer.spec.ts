import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'
import { openMenuEntry, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption } from './support/antd_widgets.ts'
import { demoUserId, seedClient } from './support/client_fixtures.ts'
import { keepScreenshot } from './support/screenshots.ts'

test.group('Marcador screens (D3, D4)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor builds a list from the Asignaciones filter; an agent presses Siguiente contacto and lands on the client', async ({
    assert,
  }) => {
    const { page } = ui
    const stamp = `${Date.now()}`
    const name = `Marcador ${stamp}`
    const now = toSqlDateTime(DateTime.utc())
    const [campaignId] = await db
      .table('campaigns')
      .insert({ name, type: 'outbound_dialer', active: 1, created_at: now })
    const agentId = await demoUserId('agent')
    await db
      .table('campaign_agents')
      .insert({ campaign_id: campaignId, user_id: agentId, created_at: now })
    // open all day: the test must not depend on the hour it runs at
    await db.table('dialer_settings').insert({
      campaign_id: campaignId,
      call_start: '00:00',
      call_end: '23:59',
      created_at: now,
    })
    const marker = `Marcar${stamp}`
    for (let index = 0; index < 4; index++) {
      await seedClient({
        first_name: `Cliente${index}`,
        last_name: marker,
        campaign_id: Number(campaignId),
        assigned_user_id: agentId,
        primary_phone: `+5730050${String(10_000 + index).slice(-5)}`,
      })
    }
    await seedClient({
      first_name: 'Fuera',
      last_name: `Otro${stamp}`,
      campaign_id: Number(campaignId),
    })

    // Asignaciones: the campaign and "Apellidos contiene …", then "Ir a Marcador".
    await signInAs(page, 'supervisor', '/assignments')
    await page.getByTestId('assignments-page').waitFor()
    await chooseOption(page, page.getByTestId('assignment-campaign'), name)
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const condition = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, condition.getByTestId('filter-field'), 'Apellidos')
    await chooseOption(page, condition.getByTestId('filter-operator'), 'contiene')
    await condition.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-apply').click()
    await page.getByTestId('assignment-count').filter({ hasText: /^4$/ }).waitFor()
    await page.getByTestId('go-to-dialer').click()

    await page.getByText('Con el filtro de Asignaciones: 4 clientes').waitFor()
    const form = page.getByTestId('dialer-list-form')
    await form.getByLabel('Nombre de la lista').fill(`Lista ${stamp}`)
    await form.getByRole('button', { name: 'Subir lista' }).click()
    await page.getByText('Lista creada con 4 contactos (0 teléfonos inválidos omitidos)').waitFor()
    await page.locator('tr', { hasText: `Lista ${stamp}` }).waitFor()
    await keepScreenshot(page, 'dialer-lists')
    const [list] = await db.from('dialer_lists').where('name', `Lista ${stamp}`)
    const contacts = await db.from('dialer_contacts').where('list_id', list.id)
    assert.lengthOf(contacts, 4)

    // The agent's console: Siguiente contacto claims one and opens its Info tab.
    await page.context().clearCookies()
    await signInAs(page, 'agent', '/')
    await openMenuEntry(page, 'Clientes', 'Marcador')
    await chooseOption(page, page.getByTestId('dialer-campaign'), name)
    await page.getByTestId('dialer-next').click()
    await page.waitForURL(/\/admin\/r\/clients\/\d+\?tab=info/)
    const clientId = Number(/clients\/(\d+)/.exec(page.url())![1])
    const claimed = await db.from('dialer_contacts').where({ list_id: list.id, status: 'claimed' })
    assert.lengthOf(claimed, 1)
    assert.equal(claimed[0].client_id, clientId)
    assert.equal(claimed[0].claimed_by, agentId)
    // the first contact by id, new contacts in order: the client's own page shows it
    await page.getByText(`Cliente0 ${marker}`).first().waitFor()
    await keepScreenshot(page, 'dialer-claimed-client')

    // D6: "Llamar" on the client's page, in the dialer campaign; the call lands in its log.
    await page.getByTestId('dialer-call').click()
    const modal = page.locator('.ant-modal-content')
    await modal.getByText(name).waitFor()
    await modal.getByRole('button', { name: 'Llamar' }).click()
    await modal.getByText(`Llamando a ${claimed[0].phone}`).waitFor()
    const calls = await db
      .from('client_interactions')
      .where({ client_id: clientId, source: 'call' })
    assert.lengthOf(calls, 1)

    // The supervisor's Marcador shows the agent in a call and the list's counts.
    await page.context().clearCookies()
    await signInAs(page, 'supervisor', '/marcador')
    const agents = page.getByTestId('dialer-agents')
    await agents.locator('tr', { hasText: 'En llamada' }).waitFor()
    const row = page.locator('tr', { hasText: `Lista ${stamp}` })
    await row.waitFor()
    // contactos, nuevos, en llamada: 4, 3, 1
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(3, 6), ['4', '3', '1'])
  })
})
