import { createHmac } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { openMenuEntry, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { appUrl } from './support/app_url.ts'
import { chooseOption, searchAndChoose } from './support/antd_widgets.ts'
import { seedClient } from './support/client_fixtures.ts'
import { demoUser } from './support/demo_users.ts'
import { keepScreenshot } from './support/screenshots.ts'

const NOW = () => DateTime.utc().toSQL({ includeOffset: false })!

/**
 * collections-alerts on screen (issue 17 browser test, steps 1–2): the agent's gestión "No
 * quiere pagar" puts the red badge beside the client's name and in the clients list; a
 * payment lifts it. The plugin's tables are reached through the database, as a fixture.
 */
test.group('Collections alerts on screen (issue 17)', (group) => {
  const ui = useAdminUi(group)

  test('a gestión "No quiere pagar" shows the red badge on the card and in the list; a payment lifts it', async ({
    assert,
  }) => {
    const { page } = ui
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const marker = `Alerta${Date.now()}`
    const [campaignId] = await db
      .table('campaigns')
      .insert({ name: `Cobranza ${marker}`, type: 'outbound_dialer', active: 1, created_at: NOW() })
    await db
      .table('campaign_agents')
      .insert({ campaign_id: campaignId, user_id: agent.id, created_at: NOW() })
    const [resultId] = await db.table('tip_results').insert({
      campaign_id: campaignId,
      parent_id: null,
      level: 1,
      name: 'No quiere pagar',
      action: 'no_action',
      allows_scheduling: 0,
      delete_scheduled: 0,
      sort_order: 1,
      active: 1,
      created_at: NOW(),
      updated_at: NOW(),
    })
    const type = await db.from('ca_alert_types').where('key', 'no_quiere_pagar').first()
    await db.table('ca_alert_mappings').insert({
      result_id: resultId,
      alert_type_id: type.id,
      created_at: NOW(),
    })
    const clientId = await seedClient({
      first_name: 'Moroso',
      last_name: marker,
      campaign_id: Number(campaignId),
      assigned_user_id: agent.id,
    })

    await signInAs(page, 'agent', `/r/clients/${clientId}`)
    const form = page.getByTestId('client-info-plugins').getByTestId('gestion-form')
    await form.waitFor()
    await chooseOption(page, form.getByTestId('gestion-level1'), 'No quiere pagar')
    await form.getByTestId('gestion-save').click()

    // beside the name, red, with its hover text
    const badge = page.locator('[data-testid="alert-badge"][data-color="red"]').first()
    await badge.waitFor()
    assert.equal(await badge.getAttribute('data-alert'), 'No quiere pagar')
    await badge.hover()
    await page.getByTestId('alert-lift').waitFor()
    await keepScreenshot(page, 'collections-alert-badge')

    // and in the clients list, on the client's row
    await page.goto('/admin/r/clients')
    await page.getByTestId('list-search').fill(marker)
    await page.getByTestId('list-search').press('Enter')
    const row = page.locator('tr.ant-table-row', { hasText: marker })
    await row.locator('[data-testid="alert-badge"][data-color="red"]').waitFor()
    // "Alerta" is the column right after "Apellidos" (seed 003)
    const headers = (await page.locator('thead th').allInnerTexts()).map((text) => text.trim())
    assert.equal(headers[headers.indexOf('Apellidos') + 1], 'Alerta')

    // the search results (Búsqueda) show it beside the name too
    await page.goto('/admin/busqueda')
    await page.getByTestId('list-search').fill(marker)
    await page.getByTestId('list-search').press('Enter')
    await page
      .locator('tr.ant-table-row', { hasText: marker })
      .locator('[data-testid="alert-badge"][data-color="red"]')
      .waitFor()

    // and the agenda, on the client's callback
    const [callbackId] = await db.table('tip_callbacks').insert({
      client_id: clientId,
      campaign_id: campaignId,
      user_id: agent.id,
      due_at: DateTime.utc().plus({ minutes: 5 }).toSQL({ includeOffset: false }),
      status: 'pending',
      created_at: NOW(),
      updated_at: NOW(),
    })
    await page.goto('/admin/agenda')
    await page.locator('.fc-timeGridDay-button').click()
    const event = page.getByTestId(`agenda-event-${callbackId}`)
    await event.locator('[data-testid="alert-badge"][data-color="red"]').waitFor()
    await keepScreenshot(page, 'collections-alert-agenda')
    await event.click()
    await page
      .getByTestId('agenda-event-modal')
      .locator('[data-testid="alert-badge"][data-color="red"]')
      .waitFor()
    await page.keyboard.press('Escape')

    // a payment, recorded by the agent, lifts it
    const cookies = await ui.context.cookies()
    const token = decodeURIComponent(cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '')
    const status = await page.evaluate(
      async ({ id, xsrf }) => {
        const response = await fetch('/api/r/ca_payments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf },
          body: JSON.stringify({
            client_id: id,
            amount: 150,
            paid_on: new Date().toISOString().slice(0, 10),
          }),
        })
        return response.status
      },
      { id: clientId, xsrf: token }
    )
    assert.equal(status, 201)
    await page.goto(`/admin/r/clients/${clientId}`)
    await page.getByTestId('client-info-plugins').getByTestId('gestion-form').waitFor()
    await page.getByTestId('alert-badges').waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('alert-badge').count(), 0)
    const [alert] = await db.from('ca_client_alerts').where('client_id', clientId)
    assert.equal(alert.lifted_reason, 'Pago registrado')

    // the Cartera tab: the debt with its days overdue, and the payment
    await db.table('ca_debts').insert({
      client_id: clientId,
      product: `Tarjeta ${marker}`,
      amount: 900,
      currency: 'PEN',
      due_date: DateTime.utc().minus({ days: 40 }).toISODate(),
      created_at: NOW(),
    })
    await page.goto(`/admin/r/clients/${clientId}?tab=plugin:collections-alerts`)
    const debts = page.getByTestId('portfolio-ca_debts')
    await debts.locator('tr.ant-table-row', { hasText: marker }).waitFor()
    assert.include(await debts.locator('tr.ant-table-row').first().innerText(), '40')
    await page.getByTestId('portfolio-ca_payments').locator('tr.ant-table-row').first().waitFor()
  })
})

test.group('Collections alerts from the channels (issue 17)', (group) => {
  const ui = useAdminUi(group)
  group.each.setup(() => {
    process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET = 'browser-secret'
    return () => {
      delete process.env.COLLECTIONS_ALERTS_WEBHOOK_SECRET
    }
  })

  test('an e-mail bounce raises "correo no encontrado" on the e-mail; "Quitar alerta" lifts it after confirming', async ({
    assert,
  }) => {
    const { page } = ui
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const marker = `Rebote${Date.now()}`
    const email = `${marker.toLowerCase()}@correo.test`
    const clientId = await seedClient({
      first_name: 'Correo',
      last_name: marker,
      email,
      assigned_user_id: agent.id,
    })
    // the e-mail is one of the client's Contactos
    await db.table('client_emails').insert({
      client_id: clientId,
      email,
      is_primary: 1,
      verified: 0,
      created_at: NOW(),
    })
    const body = JSON.stringify({ eventId: marker, type: 'email.bounce', email })
    const signature = createHmac('sha256', 'browser-secret').update(body).digest('hex')
    const answer = await fetch(`${appUrl()}/api/webhooks/collections-alerts/channel-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tablero-signature': `sha256=${signature}` },
      body,
    })
    assert.equal(answer.status, 200)

    // the e-mail itself is marked in Contactos, with the detail
    await signInAs(page, 'agent', `/r/clients/${clientId}?tab=contacts`)
    const mark = page
      .getByTestId('client-emails')
      .locator('tr.ant-table-row', { hasText: email })
      .getByTestId('contact-alert')
    await mark.waitFor()
    assert.equal(await mark.innerText(), 'Correo no encontrado')
    await keepScreenshot(page, 'collections-alert-contact')

    const badge = page.locator('[data-testid="alert-badge"][data-color="orange"]').first()
    await badge.waitFor()
    await badge.hover()
    const hover = page.getByTestId('alert-hover')
    await hover.waitFor()
    assert.include(await hover.innerText(), 'Correo no encontrado')
    assert.include(await hover.innerText(), email)
    await page.getByTestId('alert-lift').click()
    const modal = page.locator('.ant-modal').filter({ hasText: 'Problema de contactabilidad' })
    await modal.waitFor()
    await page.getByTestId('alert-lift-reason').fill('Correo corregido por teléfono')
    await keepScreenshot(page, 'collections-alert-lift')
    await modal.getByRole('button', { name: 'Quitar' }).click()
    await page.getByTestId('alert-badges').waitFor({ state: 'detached' })
    const [alert] = await db.from('ca_client_alerts').where('client_id', clientId)
    assert.equal(alert.lifted_reason, 'Correo corregido por teléfono')
    assert.equal(Number(alert.lifted_by), agent.id)
  })
})

test.group('Collections segments (issue 17)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor builds "no puede pagar OR (con problemas de contactabilidad AND apellido)" and sees its count', async ({
    assert,
  }) => {
    const { page } = ui
    const marker = `Segmento${Date.now()}`
    const cannotPay = await seedClient({ first_name: 'NoPuede', last_name: `Otro${marker}` })
    const troubled = await seedClient({ first_name: 'Problemas', last_name: marker })
    const elsewhere = await seedClient({ first_name: 'Problemas', last_name: `Lejos${Date.now()}` })
    const type = async (key: string) =>
      Number((await db.from('ca_alert_types').where('key', key).first()).id)
    const troubledState = await db
      .from('ca_contactability_states')
      .where('key', 'with_problems')
      .first()
    const noPuede = await type('no_puede_pagar')
    const contact = await type('contactabilidad')
    const at = NOW()
    for (const [clientId, typeId, channel] of [
      [cannotPay, noPuede, null],
      [troubled, contact, 'email'],
      [elsewhere, contact, 'email'],
    ] as const) {
      await db.table('ca_client_alerts').insert({
        client_id: clientId,
        alert_type_id: typeId,
        channel,
        source: 'manual',
        active_key: channel ?? '-',
        raised_at: at,
        raised_reason: 'fixture',
      })
      await db.table('ca_client_alert_flags').insert({ client_id: clientId, alert_type_id: typeId })
      if (channel) {
        await db
          .table('ca_client_contactability')
          .insert({ client_id: clientId, state_id: troubledState.id })
      }
    }
    const expected = Number(
      (
        await db
          .from('ca_client_alert_flags')
          .where('alert_type_id', noPuede)
          .count('* as total')
          .first()
      ).total
    )

    await signInAs(page, 'supervisor', '/segmentos')
    await page.getByTestId('segments-page').waitFor()
    await page.getByTestId('segment-name').fill(`Cobranza ${marker}`)
    const builder = page.getByTestId('filter-builder')
    const top = builder.getByTestId('filter-group').nth(0)
    await top.getByTestId('filter-join').getByText('alguna (O)', { exact: true }).click()
    await builder.getByTestId('filter-add-condition').click()
    const first = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, first.getByTestId('filter-field'), 'Alerta')
    await chooseOption(page, first.getByTestId('filter-operator'), 'contiene')
    await searchAndChoose(page, first.getByTestId('filter-value'), 'No puede', 'No puede pagar')
    await builder.getByTestId('filter-add-group').click()
    const nested = builder.getByTestId('filter-group').nth(1)
    await nested.getByTestId('filter-join').getByText('todas (Y)', { exact: true }).click()
    const byState = nested.getByTestId('filter-condition').nth(0)
    await chooseOption(page, byState.getByTestId('filter-field'), 'Contactabilidad')
    await chooseOption(page, byState.getByTestId('filter-operator'), 'contiene')
    await searchAndChoose(
      page,
      byState.getByTestId('filter-value'),
      'Con problemas',
      'Con problemas de contactabilidad'
    )
    await nested.getByTestId('filter-add-condition').click()
    const byName = nested.getByTestId('filter-condition').nth(1)
    await chooseOption(page, byName.getByTestId('filter-field'), 'Apellidos')
    await chooseOption(page, byName.getByTestId('filter-operator'), 'contiene')
    await byName.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-apply').click()

    await page
      .getByTestId('segment-count')
      .filter({ hasText: String(expected + 1) })
      .waitFor()
    await keepScreenshot(page, 'collections-segment')
    await page.getByTestId('segment-save').click()
    await page
      .getByTestId('segment-saved')
      .filter({ hasText: `Cobranza ${marker}` })
      .waitFor()
    const saved = await db.from('ca_segments').where('name', `Cobranza ${marker}`).first()
    assert.include(saved.filter, '"or"')
  })

  test('a saved segment is the filter of Asignaciones, and the clients export names the alerts', async ({
    assert,
  }) => {
    const { page } = ui
    const stamp = `${Date.now()}`
    const name = `Segmentada ${stamp}`
    const [campaignId] = await db
      .table('campaigns')
      .insert({ name, type: 'outbound_dialer', active: 1, created_at: NOW() })
    const noPuede = Number(
      (await db.from('ca_alert_types').where('key', 'no_puede_pagar').first()).id
    )
    const marker = `Fuente${stamp}`
    const inSegment: number[] = []
    for (const index of [1, 2, 3]) {
      const clientId = await seedClient({
        first_name: `Cliente${index}`,
        last_name: marker,
        campaign_id: Number(campaignId),
      })
      if (index === 3) continue
      inSegment.push(clientId)
      await db.table('ca_client_alerts').insert({
        client_id: clientId,
        alert_type_id: noPuede,
        source: 'manual',
        active_key: '-',
        raised_at: NOW(),
        raised_reason: 'fixture',
      })
      await db
        .table('ca_client_alert_flags')
        .insert({ client_id: clientId, alert_type_id: noPuede })
    }
    await db.table('ca_segments').insert({
      name: `No pueden pagar ${stamp}`,
      filter: JSON.stringify({ field: 'alerts', op: 'contains', value: noPuede }),
      created_at: NOW(),
      updated_at: NOW(),
    })

    await signInAs(page, 'supervisor', '/assignments')
    await page.getByTestId('assignments-page').waitFor()
    await chooseOption(page, page.getByTestId('assignment-campaign'), name)
    await page.getByTestId('assignment-count').filter({ hasText: /^3$/ }).waitFor()
    await searchAndChoose(
      page,
      page.getByTestId('segment-source'),
      `No pueden pagar ${stamp}`,
      `No pueden pagar ${stamp}`
    )
    // the segment's tree opens in the builder and counts through the engine
    await page.getByTestId('assignment-count').filter({ hasText: /^2$/ }).waitFor()
    const condition = page.getByTestId('filter-builder').getByTestId('filter-condition').nth(0)
    assert.include(await condition.innerText(), 'Alerta')
    await keepScreenshot(page, 'collections-segment-assignments')
    // "Ir a Marcador" carries the segment's selection to the dialer's list form
    await page.getByTestId('go-to-dialer').click()
    await page.getByText('Con el filtro de Asignaciones: 2 clientes').waitFor()

    // the clients export writes the alerts' names, after "Apellidos"
    await page.goto('/admin/r/clients')
    await page.getByTestId('list-search').fill(marker)
    await page.getByTestId('list-search').press('Enter')
    await page.locator('tr.ant-table-row', { hasText: marker }).nth(2).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/)
    assert.match(lines[0], /Nombres,Apellidos,Alerta,/)
    const alerted = lines.filter((line) => line.includes(`,${marker},No puede pagar,`))
    assert.lengthOf(alerted, 2)
  })
})

test.group('Collections contactability indicators (issue 17, A5)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor opens Estadísticas → Contactabilidad: the four counts, the donut and the table of a campaign', async ({
    assert,
  }) => {
    const { page } = ui
    const agent = await User.findByOrFail('email', demoUser('agent').email)
    const marker = `Contacto${Date.now()}`
    const [campaignId] = await db.table('campaigns').insert({
      name: `Indicadores ${marker}`,
      type: 'outbound_dialer',
      active: 1,
      created_at: NOW(),
    })
    const owned = { campaign_id: Number(campaignId), assigned_user_id: agent.id, last_name: marker }
    const reached = await seedClient({ ...owned, first_name: 'Gestionado' })
    await db.from('clients').where('id', reached).update({ last_interaction_at: NOW() })
    await seedClient({ ...owned, first_name: 'Nuevo' })
    await seedClient({ ...owned, first_name: 'Nueva' })
    const troubled = await seedClient({
      ...owned,
      first_name: 'Rebotado',
      email: `${marker}@x.test`,
    })
    const contact = await db.from('ca_alert_types').where('key', 'contactabilidad').first()
    await db.table('ca_client_alerts').insert({
      client_id: troubled,
      alert_type_id: contact.id,
      channel: 'email',
      source: 'webhook',
      active_key: 'email',
      raised_at: NOW(),
      raised_reason: 'fixture',
    })

    await signInAs(page, 'supervisor', '/')
    await openMenuEntry(page, 'Estadísticas', 'Contactabilidad')
    await page.getByText('Indicadores de contactabilidad').waitFor()
    await chooseOption(page, page.getByTestId('indicators-campaign'), `Indicadores ${marker}`)
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          ['no_contactable', 'with_problems', 'contactable', 'new'].map(async (state) => [
            state,
            (await page.getByTestId(`indicators-${state}`).innerText()).trim(),
          ])
        )
      )
    await page.getByTestId('indicators-new').filter({ hasText: /^2$/ }).waitFor()
    assert.deepEqual(await counts(), {
      no_contactable: '0',
      with_problems: '1',
      contactable: '1',
      new: '2',
    })
    const legend = page.getByTestId('indicators-chart-legend')
    await legend.getByText('Nuevos:').waitFor()
    assert.deepEqual(await legend.locator('li').allInnerTexts(), [
      'Con problemas: 1',
      'Contactable: 1',
      'Nuevos: 2',
    ])
    await page.getByTestId('indicators-chart').locator('canvas').first().waitFor()
    const row = page.getByTestId('indicators-table').locator('tbody tr.ant-table-row')
    assert.equal(await row.count(), 1)
    assert.deepEqual(
      (await row.locator('td').allInnerTexts()).map((cell) => cell.trim()),
      [`Indicadores ${marker}`, agent.fullName, '0', '1', '1', '2', '4']
    )
    await keepScreenshot(page, 'collections-contactability')
  })
})
