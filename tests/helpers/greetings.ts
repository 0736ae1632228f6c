import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'

/**
 * Inserts rows of the fixture plugin's `greetings` resource directly.
 */
export async function seedGreetings(rows: Array<Record<string, unknown>>) {
  const ids: number[] = []
  for (const row of rows) {
    const [id] = await db.table('greetings').insert({
      language: 'es',
      urgent: 0,
      created_at: toSqlDateTime(DateTime.utc()),
      ...row,
    })
    ids.push(Number(id))
  }
  return ids
}
