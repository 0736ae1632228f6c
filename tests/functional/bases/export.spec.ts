import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import { signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'
import { makeBase } from '#tests/helpers/bases'

/** The CSV's rows as objects by header. */
function rowsOf(text: string) {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  const names = header.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])))
}

test.group('Bases: exporting a base', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))

  test('the export streams the base clients as they are now, and only them', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase({ name: 'Mora 90' })
    const first = await makeClient({ base_id: baseId, first_name: 'Ana', document: 'D-1' })
    await makeClient({ base_id: baseId, first_name: 'Bea', document: 'D-2' })
    await makeClient({ base_id: await makeBase({ name: 'Otra' }), first_name: 'Otro' })
    await makeClient({ first_name: 'Suelto' })

    const supervisor = await signIn(client, 'supervisor')
    ;(
      await supervisor.patch(`/api/r/clients/${first}`).json({ first_name: 'Anabel' })
    ).assertStatus(200)
    const exported = await supervisor.get(`/api/bases/${baseId}/export.csv`).qs({ headers: 'keys' })
    exported.assertStatus(200)
    exported.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(exported.header('content-disposition'), `base-${baseId}.csv`)
    const rows = rowsOf(exported.text())
    assert.deepEqual(
      rows.map((row) => [row.first_name, row.document, row.base_id]),
      [
        // The base by its name (issue 20.10).
        ['Anabel', 'D-1', 'Mora 90'],
        ['Bea', 'D-2', 'Mora 90'],
      ]
    )
  })

  test('a base whose clients left is an export with only the header', async ({
    client,
    assert,
  }) => {
    const baseId = await makeBase()
    const supervisor = await signIn(client, 'supervisor')
    const exported = await supervisor.get(`/api/bases/${baseId}/export.csv`).qs({ lang: 'es' })
    exported.assertStatus(200)
    assert.lengthOf(rowsOf(exported.text()), 0)
    assert.include(exported.text(), 'Nombres')
  })

  test('agents may not export bases; an unknown base is a 404', async ({ client, assert }) => {
    const baseId = await makeBase()
    await makeClient({ base_id: baseId })
    const agent = await signIn(client, 'agent')
    const refused = await agent.get(`/api/bases/${baseId}/export.csv`)
    refused.assertStatus(403)
    assert.notInclude(refused.text(), 'Cliente')
    const admin = await signIn(client, 'admin')
    ;(await admin.get('/api/bases/999999/export.csv')).assertStatus(404)
    assert.lengthOf(await db.from('bases'), 1)
  })
})
