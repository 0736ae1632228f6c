import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  defineResource,
  field,
  fieldInputError,
  type HookContext,
  type ResourceAction,
  type ResourceHooks,
} from '#sdk'
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from './field_types.ts'
import { customFields } from './custom_fields.ts'
import { ColumnManager } from './column_manager.ts'
import { FieldBudget } from './field_budget.ts'
import { KEY_MESSAGES, keyProblem } from './field_key.ts'
import { fieldDefinitionValues, nextOrder, refuseUnsafeUpdate } from './field_checks.ts'

const MANAGERS: ResourceAction[] = ['list', 'show', 'create', 'update', 'export']
const label = (es: string, en: string) => ({ es, en })

/**
 * A new field's clients column, added before the field's row is written:
 * DDL cannot run inside the engine's transaction (MySQL commits it at once),
 * so the engine calls this first and drops the column again (the undo)
 * when the row's transaction fails. The definition's rules, the key and the
 * field budget are checked first, so a refusal costs no DDL; the profile
 * (a relation) is checked in the transaction, where a refusal undoes it.
 */
const addColumn: NonNullable<ResourceHooks['prepare']> = async ({ values }, { client }) => {
  fieldDefinitionValues(values)
  const key = String(values.key)
  const type = values.type as CustomFieldType
  const columns = await ColumnManager.columns()
  const rows = await client.from('cf_fields').select('key')
  const used = new Set<string>(rows.map((row) => row.key))
  const builtin = new Set([...columns].filter((column) => !used.has(column)))
  const problem = keyProblem(key, builtin, used)
  if (problem) throw fieldInputError('key', KEY_MESSAGES[problem], problem)
  await FieldBudget.checkNew(type)
  try {
    await ColumnManager.add(key, type)
  } catch (error) {
    // Another request added the same key a moment ago.
    const now = await ColumnManager.columns()
    if (now.has(key)) {
      throw fieldInputError('key', KEY_MESSAGES.taken, 'taken')
    }
    throw error
  }
  return () => ColumnManager.drop(key, type)
}

/** The client card re-reads the definitions once the change is committed. */
function refreshCard(hook: HookContext) {
  customFields.invalidate()
  if (hook.trx.isTransaction) {
    ;(hook.trx as TransactionClientContract).after('commit', () => customFields.invalidate())
  }
}

/**
 * Fields (P2) as a resource: `POST /api/r/cf_fields` creates one with its
 * clients column (prepare above), the generic REST edits it, archive and
 * restore retire it and bring it back with its values (P5), and the engine
 * audits each write. Key, type and profile are set on create: the key names
 * the column, and a type change converts values (fields_controller).
 */
export const fieldResource = defineResource({
  name: 'cf_fields',
  table: 'cf_fields',
  label: label('Campos personalizados', 'Custom fields'),
  defaultSort: 'sort_order',
  // Parámetros → Perfiles y campos edits them, profile by profile
  menu: false,
  fields: [
    field.id(),
    field.relation('profile_id', {
      label: label('Perfil', 'Profile'),
      relation: { resource: 'cf_profiles', labelField: 'name' },
      required: true,
      createOnly: true,
      listable: true,
      filterable: true,
    }),
    field.text('key', {
      label: label('Clave', 'Key'),
      required: true,
      createOnly: true,
      maxLength: 40,
      listable: true,
      filterable: true,
      sortable: true,
      searchable: true,
      help: label(
        'Nombre de la columna: minúsculas, dígitos y _; no cambia después',
        'Column name: lower-case letters, digits and _; fixed afterwards'
      ),
    }),
    field.select('type', {
      label: label('Tipo', 'Type'),
      options: CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: label(type, type) })),
      required: true,
      createOnly: true,
      listable: true,
      filterable: true,
    }),
    field.text('label_es', {
      label: label('Etiqueta (es)', 'Label (es)'),
      required: true,
      maxLength: 120,
      listable: true,
      filterable: true,
      sortable: true,
      searchable: true,
    }),
    field.text('label_en', {
      label: label('Etiqueta (en)', 'Label (en)'),
      required: true,
      maxLength: 120,
      filterable: true,
      searchable: true,
    }),
    field.text('help_es', { label: label('Ayuda (es)', 'Help (es)'), maxLength: 300 }),
    field.text('help_en', { label: label('Ayuda (en)', 'Help (en)'), maxLength: 300 }),
    field.boolean('required', {
      label: label('Obligatorio', 'Required'),
      defaultValue: false,
      listable: true,
      filterable: true,
    }),
    field.textarea('options', {
      label: label('Opciones (JSON)', 'Options (JSON)'),
      maxLength: 60000,
    }),
    field.text('default_value', {
      label: label('Valor por defecto', 'Default value'),
      maxLength: 255,
    }),
    field.decimal('min', { label: label('Mínimo', 'Minimum') }),
    field.decimal('max', { label: label('Máximo', 'Maximum') }),
    field.text('group_name', {
      label: label('Grupo', 'Group'),
      maxLength: 60,
      listable: true,
      filterable: true,
    }),
    field.number('sort_order', {
      label: label('Orden', 'Order'),
      readOnly: true,
      listable: true,
      sortable: true,
    }),
    field.datetime('archived_at', {
      label: label('Retirado', 'Retired'),
      readOnly: true,
      listable: true,
      filterable: true,
      sortable: true,
    }),
    ...field.timestamps(),
  ],
  // Retired, never deleted: the column keeps the values for a restore.
  archivable: true,
  // Agents hold no action: the client card's meta gives them the fields to fill.
  permissions: { admin: MANAGERS, supervisor: MANAGERS },
  hooks: {
    prepare: addColumn,
    beforeCreate: async (values, hook) => {
      Object.assign(values, fieldDefinitionValues(values))
      values.sort_order = await nextOrder(hook.trx, Number(values.profile_id))
    },
    beforeUpdate: refuseUnsafeUpdate,
    afterCreate: (_row, hook) => refreshCard(hook),
    afterUpdate: (_row, _before, hook) => refreshCard(hook),
  },
})
