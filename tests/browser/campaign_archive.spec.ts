import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { openConfirmation, signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'
import { openDropdown, waitForNotice } from './support/antd_widgets.ts'
import { seedClient } from './support/client_fixtures.ts'

let sequence = 0

async function seedCampaign(stem: string) {
  const name = `${stem} ${Date.now()}-${++sequence}`
  const [id] = await db.table('campaigns').insert({
    name,
    type: 'outbound_dialer',
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  return { id: Number(id), name }
}

test.group('Campaigns: archive instead of delete (item 8)', (group) => {
  const ui = useAdminUi(group)

  test('an admin is told why a campaign with clients is not deleted, archives it, finds it among the archived and restores it', async ({
    assert,
  }) => {
    const { page } = ui
    const campaign = await seedCampaign('Cobranzas vieja')
    await seedClient({ first_name: 'Lucía', campaign_id: campaign.id })
    await signInAs(page, 'admin', `/r/campaigns/${campaign.id}`)
    await page.getByTestId('record-title').filter({ hasText: campaign.name }).waitFor()

    await page.getByTestId('delete-button').click()
    await openConfirmation(page).getByRole('button', { name: 'Eliminar' }).click()
    await waitForNotice(page, 'No se puede borrar porque tiene 1 cliente(s)')
    // The notice would cover the next question.
    const notice = page.locator('.ant-notification-notice').first()
    await notice.locator('.ant-notification-notice-close').click()
    await notice.waitFor({ state: 'detached' })

    await page.getByTestId('archive-button').click()
    await openConfirmation(page).getByRole('button', { name: 'Archivar' }).click()
    await page.getByTestId('archived-tag').waitFor()
    await page.getByTestId('restore-button').waitFor()

    await page.goto('/admin/r/campaigns')
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: campaign.name })
    await page.getByTestId('resource-list').locator('.ant-table-tbody').waitFor()
    await page.locator('.ant-table-wrapper .ant-spin-blur').waitFor({ state: 'detached' })
    assert.equal(await row.count(), 0)
    await page.getByTestId('archived-view').getByText('Archivados').click()
    await row.waitFor()

    await row.getByTestId('row-show').click()
    await page.getByTestId('restore-button').click()
    await openConfirmation(page).getByRole('button', { name: 'Restaurar' }).click()
    await page.getByTestId('archived-tag').waitFor({ state: 'detached' })
    const stored = await db.from('campaigns').where('id', campaign.id).firstOrFail()
    assert.isNull(stored.archived_at)
  }).timeout(60_000)

  test("the client form's campaign picker does not offer an archived campaign", async ({
    assert,
  }) => {
    const { page } = ui
    const stamp = String(Date.now())
    const stem = `Picker ${stamp}`
    const open = await seedCampaign(`${stem} abierta`)
    const closed = await seedCampaign(`${stem} cerrada`)
    await db.from('campaigns').where('id', closed.id).update({ archived_at: '2026-01-02 00:00:00' })
    await signInAs(page, 'supervisor', '/r/clients/create')

    const picker = page.getByTestId('input-campaign_id')
    await picker.click()
    const searched = page.waitForResponse(
      (response) => response.url().includes('/api/r/campaigns') && response.url().includes(stamp)
    )
    await picker.locator('input').fill(stem)
    await searched
    const options = openDropdown(page).locator('.ant-select-item-option')
    // Only the search's answer is left once the first page's other campaigns are gone.
    await options.filter({ hasNotText: stem }).first().waitFor({ state: 'detached' })
    assert.deepEqual(await options.allInnerTexts(), [open.name])
  }).timeout(60_000)
})
