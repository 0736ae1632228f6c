import db from '@adonisjs/lucid/services/db'
import type { PluginUninstall } from '#sdk'
import { ColumnManager } from './column_manager.ts'
import type { CustomFieldType } from './field_types.ts'

/** Every field's clients column that is still there, retired fields included. */
async function fieldColumns() {
  if (!(await db.connection().schema.hasTable('cf_fields'))) return []
  const fields = (await db.from('cf_fields').select('key', 'type').orderBy('id')) as Array<{
    key: string
    type: CustomFieldType
  }>
  const columns = await ColumnManager.columns()
  return fields.filter((field) => columns.has(field.key))
}

/**
 * `plugin:rollback custom-fields --force`: the fields' columns (and their
 * indexes) leave `clients` before the plugin's tables go, so no column is
 * left behind that nothing describes any more. Their values go with them.
 */
const uninstall: PluginUninstall = {
  async plan() {
    const fields = await fieldColumns()
    return fields.map(
      (field) => `drop the clients column ${field.key} (${field.type}) and its values`
    )
  },
  async run(log) {
    for (const field of await fieldColumns()) {
      await ColumnManager.drop(field.key, field.type)
      log(`dropped the clients column ${field.key}`)
    }
  },
}

export default uninstall
