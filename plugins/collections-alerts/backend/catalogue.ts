import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { toSqlDateTime } from '#sdk'
import { forgetRowlessStates } from './contactability_shown.ts'

/** A unique key refused the row: another transaction wrote it first (MySQL or SQLite). */
export function isDuplicate(error: unknown) {
  const code = (error as { code?: string }).code ?? ''
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT')
}

/** Seed 003's types: key, name, colour, icon, group (a payment type is lifted by a payment). */
export const SEED_TYPES = [
  ['no_quiere_pagar', 'No quiere pagar', 'red', 'StopOutlined', 'payment'],
  ['no_puede_pagar', 'No puede pagar', 'gold', 'WarningOutlined', 'payment'],
  [
    'contactabilidad',
    'Problema de contactabilidad',
    'orange',
    'ExclamationCircleOutlined',
    'contact',
  ],
  ['reestructuracion', 'Reestructuración', 'blue', 'ReconciliationOutlined', 'payment'],
  ['refinanciacion', 'Refinanciación', 'purple', 'DollarOutlined', 'payment'],
  ['promesa_incumplida', 'Promesa incumplida', 'volcano', 'FieldTimeOutlined', 'payment'],
] as const

/**
 * Writes the seeded types that are missing (a fresh database, or one whose
 * tables were emptied): the code raises them by key. A type a supervisor
 * deleted is archived, not missing, so it stays deleted.
 */
export async function ensureCatalogue(client: QueryClientContract) {
  const rows = await client.from('ca_alert_types').whereNotNull('key').select('key')
  const present = new Set(rows.map((row) => row.key))
  const now = toSqlDateTime(DateTime.utc())
  const missing = SEED_TYPES.filter(([key]) => !present.has(key)).map(
    ([key, name, color, icon, group]) => ({
      key,
      name,
      color,
      icon,
      alert_group: group,
      lifted_by: group === 'payment' ? 'payment' : 'contact',
      created_at: now,
      updated_at: now,
    })
  )
  await insertEach(client, 'ca_alert_types', missing)
}

/**
 * The four contactability values (A6): the two a client's alerts put it in
 * (a ca_client_contactability row), and the two it is in without one
 * (contactable: contacted at least once; nuevo: never), which the filter
 * offers and reads from the client itself (contactability_filter.ts).
 */
export const CONTACTABILITY_STATES = [
  ['no_contactable', 'No contactable'],
  ['with_problems', 'Con problemas de contactabilidad'],
  ['contactable', 'Contactable'],
  ['new', 'Nuevo'],
] as const

export async function ensureContactabilityStates(client: QueryClientContract) {
  const rows = await client.from('ca_contactability_states').select('key')
  const present = new Set(rows.map((row) => row.key))
  const missing = CONTACTABILITY_STATES.filter(([key]) => !present.has(key))
  if (missing.length > 0) forgetRowlessStates()
  await insertEach(
    client,
    'ca_contactability_states',
    missing.map(([key, name]) => ({ key, name }))
  )
}

/**
 * Seeded rows found missing, one by one: two raises at once may both find
 * them missing, and the second's insert is refused by the unique key.
 */
async function insertEach(client: QueryClientContract, table: string, rows: object[]) {
  for (const row of rows) {
    try {
      await client.insertQuery().table(table).insert(row)
    } catch (error) {
      if (!isDuplicate(error)) throw error
    }
  }
}
