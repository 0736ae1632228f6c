import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { toSqlDateTime } from '#services/audit_log'
import { documentKey, searchName } from '#services/client_names'
import { ClientNameWords } from '#services/client_name_words'
import { demoUser, type DemoRole } from './demo_users.ts'

interface ClientSeed {
  first_name: string
  last_name?: string
  document?: string
  email?: string
  primary_phone?: string
  country?: string
  assigned_user_id?: number | null
  campaign_id?: number | null
}

/**
 * Inserts a client (and its primary phone) straight into the database, the way an import would:
 * the browser specs start from known clients without going through the screens under test.
 */
export async function seedClient(seed: ClientSeed) {
  const now = toSqlDateTime(DateTime.utc())
  const [id] = await db.table('clients').insert({
    search_name: searchName(seed.first_name, seed.last_name),
    document_key: documentKey(seed.document),
    status: 'new',
    vip: 0,
    bad: 0,
    created_at: now,
    ...seed,
  })
  await ClientNameWords.add(db.connection(), [{ ...seed, id }])
  if (seed.primary_phone) {
    await db.table('client_phones').insert({
      client_id: id,
      e164: seed.primary_phone,
      country: seed.country ?? null,
      is_primary: 1,
      verified: 0,
      created_at: now,
    })
  }
  return Number(id)
}

/** The id of a demo account, for assignments. */
export async function demoUserId(role: DemoRole) {
  const user = await User.findByOrFail('email', demoUser(role).email)
  return user.id
}

/** A number nobody else in the run uses: E.164 with a Colombian mobile prefix. */
export function uniquePhone() {
  return `+57300${String(Date.now()).slice(-7)}`
}
