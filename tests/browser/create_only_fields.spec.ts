import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'

/**
 * The fixture's greeting_channels: its name is `createOnly` and its create
 * runs a `prepare` hook. The generated screens need no code for either.
 */
test.group('Generated forms: create-only fields', (group) => {
  const ui = useAdminUi(group)
  const marker = `Canal ${Date.now()}`
  group.teardown(async () => {
    await db.from('greeting_channels').where('name', marker).delete()
    await db.from('greetings').where('message', `Canal ${marker} abierto`).delete()
  })

  test('the create form asks for the name; the edit form leaves it out', async ({ assert }) => {
    const { page } = ui
    await signInAs(page, 'admin', '/r/greeting_channels/create')
    await page.getByTestId('input-name').fill(marker)
    await page.getByTestId('save-button').click()
    await page.waitForURL(/\/admin\/r\/greeting_channels\/\d+$/)
    // prepare ran: the welcome greeting was posted outside the channel's transaction.
    assert.lengthOf(await db.from('greetings').where('message', `Canal ${marker} abierto`), 1)

    await page.getByTestId('edit-button').click()
    await page.waitForURL(/\/edit$/)
    await page.getByTestId('input-owner_id').waitFor()
    assert.equal(await page.getByTestId('input-name').count(), 0)
  })
})
