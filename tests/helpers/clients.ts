import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'
import { documentKey, searchName } from '#services/client_names'
import { ClientNameWords } from '#services/client_name_words'

let sequence = 0

/**
 * Inserts a client (and its primary phone) directly, for tests that are
 * not about creating clients.
 */
export async function makeClient(values: Record<string, unknown> = {}) {
  sequence += 1
  const now = toSqlDateTime(DateTime.utc())
  const row = {
    first_name: 'Cliente',
    last_name: `Prueba ${sequence}`,
    email: `cliente${sequence}.${Date.now()}@correo.test`,
    document: null as unknown,
    primary_phone: null as string | null,
    status: 'new',
    vip: 0,
    bad: 0,
    created_at: now,
    ...values,
  }
  const [id] = await db.table('clients').insert({
    ...row,
    search_name: searchName(row.first_name, row.last_name),
    document_key: documentKey(row.document),
  })
  await ClientNameWords.add(db.connection(), [{ ...row, id }])
  if (row.primary_phone) {
    await db.table('client_phones').insert({
      client_id: id,
      e164: row.primary_phone,
      country: (values.country as string | undefined) ?? null,
      is_primary: 1,
      verified: 0,
      created_at: now,
    })
  }
  return Number(id)
}
