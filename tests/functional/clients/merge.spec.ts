import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import { CORE_CLIENT_TABLES } from '#services/client_merge'
import { signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { refuse } from '#tests/fixtures/plugins/hello/backend/on_client_merging'

/**
 * Tables of the migrated schema (core, plugins and test fixtures) with a
 * foreign key to clients, read from the database itself.
 */
async function tablesReferencingClients(): Promise<string[]> {
  const connection = db.connection()
  if (connection.dialect.name === 'mysql') {
    const [rows] = await connection.rawQuery(
      `SELECT DISTINCT TABLE_NAME AS name FROM information_schema.KEY_COLUMN_USAGE
       WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = 'clients'`
    )
    return (rows as Array<{ name: string }>).map((row) => row.name).sort()
  }
  const rows = await connection.rawQuery(
    `SELECT DISTINCT m.name AS name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table' AND f."table" = 'clients'`
  )
  return (rows as Array<{ name: string }>).map((row) => row.name).sort()
}

/** What the core and every discovered plugin say a merge does, per table. */
function declaredFates() {
  const fates = new Map(Object.entries(CORE_CLIENT_TABLES))
  for (const manifest of plugins.manifests) {
    for (const [table, fate] of Object.entries(manifest.clientTables ?? {})) fates.set(table, fate)
  }
  return fates
}

test.group('Clients: merge covers every table', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every table that references clients is moved by a merge or declared dropped', async ({
    assert,
  }) => {
    const referencing = await tablesReferencingClients()
    assert.include(referencing, 'client_notes')
    const fates = declaredFates()
    const undeclared = referencing.filter((table) => !fates.has(table))
    assert.deepEqual(
      undeclared,
      [],
      'each table with a foreign key to clients must be listed in CORE_CLIENT_TABLES or in its plugin manifest clientTables (moved, or dropped on purpose)'
    )
    const stale = [...fates.keys()].filter((table) => !referencing.includes(table))
    assert.deepEqual(stale, [], 'a declared table has no foreign key to clients')
  })

  test('an error in a plugin merge hook leaves both clients as they were', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const survivor = await makeClient({ last_name: null })
    const other = await makeClient({ last_name: 'Ruiz' })
    await admin.post('/api/r/client_notes').json({ client_id: other, body: 'nota' })

    refuse.merges = true
    const response = await admin
      .post(`/api/clients/${survivor}/merge`)
      .json({ otherId: other, survivorId: survivor, confirm: true })
      .finally(() => (refuse.merges = false))

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'MERGE_REFUSED')
    assert.isNotNull(await db.from('clients').where('id', other).first())
    const kept = await db.from('clients').where('id', survivor).firstOrFail()
    assert.isNull(kept.last_name)
    assert.lengthOf(await db.from('client_notes').where('client_id', other), 1)
  })
})
