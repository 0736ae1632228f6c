import { DateTime } from 'luxon'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { BatchRow, HookContext } from '#resources/types'
import { TableroError } from '#exceptions/tablero_error'
import { toSqlDateTime } from '#services/audit_log'
import { normalizePhone, tryNormalizePhone } from '#services/phone_number'
import { foldForSearch, searchName } from '#services/client_names'
import { ClientDuplicates } from '#services/client_duplicates'
import { insertMany } from '#resources/bulk_insert'

type Values = Record<string, unknown>

/**
 * The business rules of the client card that the generic engine cannot
 * know: phone normalization and the country that follows it, duplicate
 * detection, who may (re)assign a client, and the index-friendly search.
 */
export class ClientRules {
  static async beforeCreate(values: Values, hook: HookContext) {
    this.#prepare(values, hook)
    if (!hook.options.allowDuplicate) {
      await this.refuseDuplicates(hook, values, null)
    }
  }

  /**
   * beforeCreate for a batch (an import): each row prepared as one
   * create would be, then the duplicates of the whole batch found with
   * one query per kind of contact.
   */
  static async beforeCreateMany(rows: BatchRow[], hook: HookContext) {
    for (const row of rows) {
      try {
        this.#prepare(row.values, hook)
      } catch (error) {
        row.error = error
      }
    }
    if (hook.options.allowDuplicate) return
    const pending = rows.filter((row) => !row.error)
    const phones = pending.map((row) => row.values.primary_phone).filter(Boolean) as string[]
    const emails = pending.map((row) => row.values.email).filter(Boolean) as string[]
    const found = await ClientDuplicates.findByContact(hook.trx, { phones, emails })
    if (found.size === 0) return
    const readable = await hook.readableIds(
      'clients',
      [...found.values()].flat().map((match) => match.id)
    )
    for (const row of pending) {
      const matches = ClientDuplicates.matchesOf(found, row.values)
      if (matches.length > 0) row.error = ClientDuplicates.refusal(matches, readable)
    }
  }

  /** A key of an update by file as the client stores it: a phone in E.164. */
  static importKey(field: string, value: unknown) {
    if (field === 'primary_phone' && typeof value === 'string') {
      return normalizePhone(value, 'primary_phone').e164
    }
    return value
  }

  /** Search name, lower-case e-mail, phone in E.164 with its country, an agent's own client. */
  static #prepare(values: Values, hook: HookContext) {
    values.search_name = searchName(values.first_name, values.last_name)
    if (typeof values.email === 'string') values.email = values.email.toLowerCase()
    if (typeof values.primary_phone === 'string') {
      const phone = normalizePhone(values.primary_phone, 'primary_phone')
      values.primary_phone = phone.e164
      values.country = phone.country
    }
    if (hook.user.role === 'agent') values.assigned_user_id = hook.user.id
  }

  static async afterCreate(row: Values, hook: HookContext) {
    await this.afterCreateMany([row], hook)
  }

  /** Each new client's primary phone becomes its first row in client_phones. */
  static async afterCreateMany(rows: Values[], hook: HookContext) {
    const createdAt = toSqlDateTime(DateTime.utc())
    const phones = rows
      .filter((row) => row.primary_phone)
      .map((row) => ({
        client_id: row.id,
        e164: row.primary_phone,
        country: row.country ?? null,
        is_primary: 1,
        verified: 0,
        created_at: createdAt,
      }))
    await insertMany(hook.trx, 'client_phones', phones)
  }

  static async beforeUpdate(values: Values, before: Values, hook: HookContext) {
    if ('first_name' in values || 'last_name' in values) {
      values.search_name = searchName(
        values.first_name ?? before.first_name,
        'last_name' in values ? values.last_name : before.last_name
      )
    }
    if (typeof values.email === 'string') values.email = values.email.toLowerCase()
    if ('assigned_user_id' in values && values.assigned_user_id !== before.assigned_user_id) {
      // C11: only an admin or the currently assigned user may change or remove it.
      if (hook.user.role !== 'admin' && before.assigned_user_id !== hook.user.id) {
        throw new TableroError(
          'FORBIDDEN',
          'Only an administrator or the assigned user may change the assigned user',
          403
        )
      }
    }
    if (typeof values.primary_phone === 'string') {
      const phone = normalizePhone(values.primary_phone, 'primary_phone')
      values.primary_phone = phone.e164
      values.country = phone.country
      await this.refuseDuplicates(hook, { primary_phone: phone.e164 }, before.id as number)
    } else if (values.primary_phone === null) {
      values.country = null
    }
    if (values.email)
      await this.refuseDuplicates(hook, { email: values.email }, before.id as number)
  }

  /**
   * A new primary phone typed in the card becomes (or is added as) the
   * client's primary phone in client_phones.
   */
  static async afterUpdate(row: Values, before: Values, hook: HookContext) {
    if (!('primary_phone' in row) || row.primary_phone === before.primary_phone) return
    await this.makePrimary(hook.trx, row.id as number, row.primary_phone as string | null)
  }

  static async makePrimary(trx: QueryClientContract, clientId: number, e164: string | null) {
    await trx.from('client_phones').where('client_id', clientId).update({ is_primary: 0 })
    if (!e164) return
    const existing = await trx.from('client_phones').where({ client_id: clientId, e164 }).first()
    if (existing) {
      await trx.from('client_phones').where('id', existing.id).update({ is_primary: 1 })
      return
    }
    await trx
      .insertQuery()
      .table('client_phones')
      .insert({
        client_id: clientId,
        e164,
        country: normalizePhone(e164).country,
        is_primary: 1,
        verified: 0,
        created_at: toSqlDateTime(DateTime.utc()),
      })
  }

  /**
   * C12: a phone or e-mail that another client already has is a 409
   * (see ClientDuplicates), unless the write says allowDuplicate (the API's
   * allowDuplicate=1; an import never does).
   */
  static async refuseDuplicates(hook: HookContext, values: Values, exceptId: number | null) {
    const matches = await ClientDuplicates.find(hook.trx, {
      phones: values.primary_phone ? [values.primary_phone as string] : [],
      emails: values.email ? [values.email as string] : [],
      exceptId,
    })
    if (matches.length === 0) return
    const readable = await hook.readableIds(
      'clients',
      matches.map((match) => match.id)
    )
    throw ClientDuplicates.refusal(matches, readable)
  }

  /**
   * C14 search, always on an index: an e-mail prefix, a phone (any of the
   * client's phones) or document, else a name prefix on search_name.
   */
  static search(query: DatabaseQueryBuilderContract, q: string) {
    const text = q.trim()
    if (text.includes('@')) {
      query.whereRaw(`?? LIKE ? ESCAPE '!'`, ['email', `${escapeLike(text.toLowerCase())}%`])
      return
    }
    const digits = text.replace(/[\s().-]/g, '')
    if (/^\+?\d{4,20}$/.test(digits)) {
      const e164 = tryNormalizePhone(digits)
      query.where((sub) => {
        sub.where('document', digits.replace(/^\+/, ''))
        if (e164) {
          sub
            .orWhere('primary_phone', e164)
            .orWhereIn('id', (phones: DatabaseQueryBuilderContract) =>
              phones.from('client_phones').select('client_id').where('e164', e164)
            )
        }
      })
      return
    }
    const byName = `${escapeLike(foldForSearch(text))}%`
    // An OR on document makes MySQL merge two indexes and sort the union:
    // only texts with a digit can be documents.
    if (!/\d/.test(text)) {
      query.whereRaw(`?? LIKE ? ESCAPE '!'`, ['search_name', byName])
      return
    }
    query.where((sub) => {
      sub.whereRaw(`?? LIKE ? ESCAPE '!'`, ['search_name', byName]).orWhere('document', text)
    })
  }
}

function escapeLike(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}
