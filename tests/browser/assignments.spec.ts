import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import db from '@adonisjs/lucid/services/db'
import { makeUser } from '#tests/helpers/auth'
import { menuEntry, openConfirmation, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { chooseOption, openDropdown, waitForNotice } from './support/antd_widgets.ts'
import { keepScreenshot } from './support/screenshots.ts'

const NOW = () => DateTime.utc().toSQL({ includeOffset: false })!

/** Clients of the campaign straight into the table: the test is about sharing them out. */
async function seedClients(campaignId: number, lastName: string, count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({
    first_name: `Cliente ${i}`,
    last_name: lastName,
    search_name: `cliente ${i} ${lastName}`.toLowerCase(),
    status: 'new',
    vip: 0,
    bad: 0,
    campaign_id: campaignId,
    created_at: NOW(),
  }))
  await db.table('clients').multiInsert(rows)
}

/** Types `term` into the team picker once and picks each of `names` among the agents found. */
async function pickAgents(page: Page, term: string, names: string[]) {
  const picker = page.getByTestId('team-picker')
  await picker.click()
  await picker.locator('input').fill(term)
  for (const name of names) {
    const option = openDropdown(page)
      .locator('.ant-select-item-option')
      .filter({ hasText: name })
      .first()
    await option.click()
    await openDropdown(page)
      .locator('.ant-select-item-option-selected')
      .filter({ hasText: name })
      .waitFor()
  }
  await page.keyboard.press('Escape')
}

test.group('Campaign teams and Asignaciones (C16, D2)', (group) => {
  const ui = useAdminUi(group)

  test('a supervisor staffs a campaign and assigns 100 filtered clients to 3 agents', async ({
    assert,
  }) => {
    const { page } = ui
    const stamp = `${Date.now()}`
    const name = `Equipo ${stamp}`
    const [campaignId] = await db
      .table('campaigns')
      .insert({ name, type: 'outbound_dialer', active: 1, created_at: NOW() })
    const agents = await Promise.all(
      ['Ana', 'Beto', 'Carla', 'Dario'].map((given) =>
        makeUser('agent', { fullName: `${given} Equipo${stamp}` })
      )
    )
    const marker = `Filtro${stamp}`
    await seedClients(Number(campaignId), marker, 100)
    await seedClients(Number(campaignId), `Otro${stamp}`, 20)

    // The team: three agents and one too many, removed after the confirmation.
    await signInAs(page, 'supervisor', `/r/campaigns/${campaignId}`)
    await page.getByTestId('team-tab').click()
    await pickAgents(
      page,
      `Equipo${stamp}`,
      agents.map((agent) => agent.fullName)
    )
    await page.getByTestId('team-add').click()
    const team = page.getByTestId('campaign-team')
    await team.locator('tr.ant-table-row').nth(3).waitFor()
    await page.getByTestId(`team-remove-${agents[3].id}`).click()
    await openConfirmation(page).getByRole('button', { name: 'Quitar del equipo' }).click()
    await waitForNotice(page, `${agents[3].fullName} salió del equipo`)
    await team.locator('tr.ant-table-row').nth(3).waitFor({ state: 'detached' })
    await keepScreenshot(page, 'campaign-team')
    const members = await db.from('campaign_agents').where('campaign_id', campaignId)
    assert.sameMembers(
      members.map((row) => Number(row.user_id)),
      agents.slice(0, 3).map((agent) => agent.id)
    )

    // Asignaciones: the campaign, "Apellidos contiene …", the three agents.
    await menuEntry(page, 'Asignaciones').click()
    await page.getByTestId('assignments-page').waitFor()
    await chooseOption(page, page.getByTestId('assignment-campaign'), name)
    const builder = page.getByTestId('filter-builder')
    await builder.getByTestId('filter-add-condition').click()
    const condition = builder.getByTestId('filter-condition').nth(0)
    await chooseOption(page, condition.getByTestId('filter-field'), 'Apellidos')
    await chooseOption(page, condition.getByTestId('filter-operator'), 'contiene')
    await condition.getByTestId('filter-value').fill(marker)
    await builder.getByTestId('filter-apply').click()
    await page.getByTestId('assignment-count').filter({ hasText: /^100$/ }).waitFor()
    const agentList = page.getByTestId('assignment-agents')
    for (const agent of agents.slice(0, 3)) await agentList.getByText(agent.fullName).click()

    await page.getByTestId('assignment-assign').click()
    const question = page.getByTestId('assignment-confirm-text')
    await question.waitFor()
    assert.include(
      await question.innerText(),
      'Se asignarán 100 clientes a 3 agentes, 33 o uno más'
    )
    await keepScreenshot(page, 'assignments-confirm')
    await page.getByTestId('assignment-confirm-ok').click()
    await waitForNotice(page, '100 clientes asignados')

    const shares = await db
      .from('clients')
      .where('campaign_id', campaignId)
      .where('last_name', marker)
      .groupBy('assigned_user_id')
      .select('assigned_user_id')
      .count('* as total')
    assert.sameMembers(
      shares.map((row) => Number(row.assigned_user_id)),
      agents.slice(0, 3).map((agent) => agent.id)
    )
    assert.sameMembers(
      shares.map((row) => Number(row.total)),
      [34, 33, 33]
    )
    const others = await db
      .from('clients')
      .where('campaign_id', campaignId)
      .whereNot('last_name', marker)
      .whereNotNull('assigned_user_id')
    assert.lengthOf(others, 0)
  })
})
