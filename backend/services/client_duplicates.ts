import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError } from '#exceptions/tablero_error'

export interface DuplicateMatch {
  id: number
  first_name: string
  last_name: string | null
  /** which contact matched: `primary_phone` or `email` */
  reason: string
}

type Readable = Set<unknown>

const ASK_SUPERVISOR = 'ask a supervisor to look it up or to assign it to you'

/**
 * C12: clients sharing a phone or an e-mail. A duplicate is named (id and
 * full name) only to a user who may read it, as the clients list decides;
 * to anyone else its existence is told without saying whose it is, with
 * what to do next: ask a supervisor.
 */
export class ClientDuplicates {
  static async find(
    trx: QueryClientContract,
    { phones, emails, exceptId }: { phones: string[]; emails: string[]; exceptId: number | null }
  ): Promise<DuplicateMatch[]> {
    const found = new Map<number, DuplicateMatch>()
    if (phones.length > 0) {
      const byPhone = await trx
        .from('client_phones')
        .join('clients', 'clients.id', 'client_phones.client_id')
        .whereIn('client_phones.e164', phones)
        .if(exceptId, (q) => q.whereNot('clients.id', exceptId!))
        .select('clients.id', 'clients.first_name', 'clients.last_name')
        .limit(20)
      for (const row of byPhone) found.set(row.id, { ...row, reason: 'primary_phone' })
    }
    if (emails.length > 0) {
      const lowered = emails.map((email) => email.toLowerCase())
      const byEmail = await trx
        .from('clients')
        .whereIn('email', lowered)
        .if(exceptId, (q) => q.whereNot('id', exceptId!))
        .select('id', 'first_name', 'last_name')
        .limit(20)
      for (const row of byEmail)
        if (!found.has(row.id)) found.set(row.id, { ...row, reason: 'email' })
      const byOtherEmail = await trx
        .from('client_emails')
        .join('clients', 'clients.id', 'client_emails.client_id')
        .whereIn('client_emails.email', lowered)
        .if(exceptId, (q) => q.whereNot('clients.id', exceptId!))
        .select('clients.id', 'clients.first_name', 'clients.last_name')
        .limit(20)
      for (const row of byOtherEmail)
        if (!found.has(row.id)) found.set(row.id, { ...row, reason: 'email' })
    }
    return [...found.values()]
  }

  /**
   * The clients holding any of `phones` (E.164, among all their phones)
   * or `emails` (lower case, main or other e-mails): three queries for a
   * whole batch of new clients, by contact value (`phone:…`, `email:…`).
   */
  static async findByContact(
    trx: QueryClientContract,
    { phones, emails }: { phones: string[]; emails: string[] }
  ) {
    const found = new Map<string, DuplicateMatch[]>()
    const add = (key: string, match: DuplicateMatch) => {
      const list = found.get(key) ?? []
      if (!list.some((known) => known.id === match.id)) list.push(match)
      found.set(key, list)
    }
    if (phones.length > 0) {
      const byPhone = await trx
        .from('client_phones')
        .join('clients', 'clients.id', 'client_phones.client_id')
        .whereIn('client_phones.e164', [...new Set(phones)])
        .select(
          'client_phones.e164 as value',
          'clients.id',
          'clients.first_name',
          'clients.last_name'
        )
      for (const { value, ...row } of byPhone) {
        add(`phone:${value}`, { ...row, reason: 'primary_phone' })
      }
    }
    if (emails.length > 0) {
      const lowered = [...new Set(emails.map((email) => email.toLowerCase()))]
      const byEmail = await trx
        .from('clients')
        .whereIn('email', lowered)
        .select('email as value', 'id', 'first_name', 'last_name')
      const byOtherEmail = await trx
        .from('client_emails')
        .join('clients', 'clients.id', 'client_emails.client_id')
        .whereIn('client_emails.email', lowered)
        .select(
          'client_emails.email as value',
          'clients.id',
          'clients.first_name',
          'clients.last_name'
        )
      for (const { value, ...row } of [...byEmail, ...byOtherEmail]) {
        add(`email:${String(value).toLowerCase()}`, { ...row, reason: 'email' })
      }
    }
    return found
  }

  /** The matches of one new client's phone, then e-mail, each client once (as `find`). */
  static matchesOf(found: Map<string, DuplicateMatch[]>, values: Record<string, unknown>) {
    const matches: DuplicateMatch[] = []
    const keys = [
      values.primary_phone ? `phone:${values.primary_phone}` : null,
      values.email ? `email:${String(values.email).toLowerCase()}` : null,
    ]
    for (const key of keys) {
      for (const match of (key && found.get(key)) || []) {
        if (!matches.some((known) => known.id === match.id)) matches.push(match)
      }
    }
    return matches.slice(0, 20)
  }

  /**
   * The 409 for a new or changed client whose phone or e-mail others have:
   * the readable matches by id and name, the others only counted.
   */
  static refusal(matches: DuplicateMatch[], readable: Readable) {
    const named = matches.filter((match) => readable.has(match.id))
    const list = named.map(nameOf).join(', ')
    const fields = matches.map((match) =>
      readable.has(match.id)
        ? {
            field: match.reason,
            message: `Client ${nameOf(match)} has it`,
            rule: 'duplicate',
            meta: { client: nameOf(match) },
          }
        : {
            field: match.reason,
            message: 'A client you cannot see has it',
            rule: 'duplicateHidden',
          }
    )
    if (named.length === matches.length) {
      return new TableroError(
        'DUPLICATE_CLIENT',
        `Another client has this phone or e-mail: ${list}`,
        409,
        fields,
        { list }
      )
    }
    const also = list ? `; you can see ${list}` : ''
    return new TableroError(
      'DUPLICATE_CLIENT',
      `A client with this phone or e-mail already exists${also}: ${ASK_SUPERVISOR}`,
      409,
      fields,
      { list, i18n: 'DUPLICATE_CLIENT_HIDDEN' }
    )
  }

  /** The 409 for a phone added to a client when another client has it. */
  static phoneRefusal(clientId: number, phone: string, readable: Readable) {
    if (readable.has(clientId)) {
      return new TableroError(
        'DUPLICATE_PHONE',
        `Client #${clientId} already has ${phone}`,
        409,
        [
          {
            field: 'e164',
            message: `Client #${clientId} already has this number`,
            rule: 'duplicate',
            meta: { client: `#${clientId}` },
          },
        ],
        { client: clientId, phone }
      )
    }
    return new TableroError(
      'DUPLICATE_PHONE',
      `Another client already has ${phone}: ${ASK_SUPERVISOR}`,
      409,
      [{ field: 'e164', message: 'A client you cannot see has it', rule: 'duplicateHidden' }],
      { phone, i18n: 'DUPLICATE_PHONE_HIDDEN' }
    )
  }
}

function nameOf(match: DuplicateMatch) {
  return `#${match.id} ${match.first_name} ${match.last_name ?? ''}`.trim()
}
