import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'

/**
 * `@tablero/admin`'s data hooks (useResourceList/Record/Create/Update/Delete) as a plugin
 * screen uses them: the fixture `hello` page /hello/board works on its `greetings` resource.
 */
test.group('Admin SDK data hooks', (group) => {
  const ui = useAdminUi(group)

  test('a plugin page lists, reads, creates, updates and deletes a resource, with 422 on the input', async ({
    assert,
  }) => {
    const { page } = ui
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
    await db.from('greetings').where('message', 'like', '%board%').delete()
    const [low] = await db
      .table('greetings')
      .insert({
        message: 'board low',
        language: 'es',
        priority: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
    await db.table('greetings').insert({
      message: 'board high',
      language: 'es',
      priority: 4,
      created_at: now,
      updated_at: now,
    })
    await db.table('greetings').insert({
      message: 'sdk hooks other',
      language: 'es',
      priority: 5,
      created_at: now,
      updated_at: now,
    })
    const lowId = Number(typeof low === 'object' ? low.id : low)

    await signInAs(page, 'admin', '/hello/board')
    // Filtered ("board") and sorted (priority, highest first); the record hook reads the first.
    await page.getByTestId('board-total').filter({ hasText: /^2$/ }).waitFor()
    await page.getByTestId('board-first').filter({ hasText: 'board high' }).waitFor()

    // The engine refuses priority 9 (max 5): the 422 lands on the input, nothing is written.
    await page.getByTestId('board-message').fill('board new')
    await page.getByTestId('board-priority').fill('9')
    await page.getByTestId('board-save').click()
    await page.locator('.ant-form-item-explain-error').first().waitFor()
    assert.lengthOf(await db.from('greetings').where('message', 'board new'), 0)

    await page.getByTestId('board-priority').fill('5')
    await page.getByTestId('board-save').click()
    await page.getByTestId('board-total').filter({ hasText: /^3$/ }).waitFor()
    await page.getByTestId('board-first').filter({ hasText: 'board new' }).waitFor()

    // Update and delete refresh the list through Refine's invalidation.
    await page.getByTestId(`board-bump-${lowId}`).click()
    await page.getByTestId(`board-row-${lowId}`).filter({ hasText: 'board low · 2' }).waitFor()
    const [bumped] = await db.from('greetings').where('id', lowId)
    assert.equal(bumped.priority, 2)
    await page.getByTestId(`board-delete-${lowId}`).click()
    await page.getByTestId(`board-row-${lowId}`).waitFor({ state: 'detached' })
    assert.lengthOf(await db.from('greetings').where('id', lowId), 0)
    await db
      .from('greetings')
      .whereIn('message', ['board high', 'board new', 'sdk hooks other'])
      .delete()
  })
})
