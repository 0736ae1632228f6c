import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { resourceService } from '#services/resource_context'
import { TableroError } from '#exceptions/tablero_error'
import { actorFromContext } from '#services/audit_log'
import { ClientDuplicates } from '#services/client_duplicates'
import { ClientMerge } from '#services/client_merge'
import { ClientNotifier } from '#services/client_notifier'
import { tryNormalizePhone } from '#services/phone_number'
import { PHONE_SUFFIX_MIN, PHONE_TAIL_LENGTH } from '#services/client_search'
import { lookupValidator, mergeValidator, notifyValidator } from '#validators/client'

/**
 * Client actions beside the generic REST: caller-ID lookup (C14),
 * duplicates and merge (C12), notifications (C6). Each authorizes through
 * ResourceService, so roles and row scopes are the same as everywhere.
 */
export default class ClientActionsController {
  /**
   * Screen-pop: the clients (visible to the user: an agent's, those of
   * their campaigns) having this number, typed whole (E.164, with or
   * without "+") or in part: its last 6-8 digits, or the number without
   * its country code, match any phone ending in them.
   */
  async lookup(ctx: HttpContext) {
    const { phone } = await lookupValidator.validate(ctx.request.qs())
    const digits = phone.replace(/[\s().+-]/g, '')
    if (!/^\d+$/.test(digits) || digits.length < PHONE_SUFFIX_MIN) {
      throw new TableroError(
        'VALIDATION_FAILED',
        `phone: type at least the last ${PHONE_SUFFIX_MIN} digits of the phone`,
        422,
        [
          {
            field: 'phone',
            message: `Type at least the last ${PHONE_SUFFIX_MIN} digits of the phone`,
            rule: 'phoneDigits',
            meta: { min: PHONE_SUFFIX_MIN },
          },
        ]
      )
    }
    const e164 = tryNormalizePhone(digits)
    const service = await resourceService(ctx)
    // Screen-pop sits on the call path: rows only, no count.
    const list = await service.list(
      'clients',
      { perPage: 20, sort: 'id' },
      {
        sql: 'id in (select client_id from client_phones where e164 = ? or (tail = ? and e164 like ?))',
        bindings: [e164 ?? '', digits.slice(-PHONE_TAIL_LENGTH), `%${digits}`],
      },
      { count: false }
    )
    return { data: list.data, meta: { phone: e164 ?? digits } }
  }

  async duplicates(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const client = await service.visibleRow('clients', ctx.params.id, 'show')
    const phones = await db
      .from('client_phones')
      .where('client_id', client.id as number)
      .select('e164')
    const emails = await db
      .from('client_emails')
      .where('client_id', client.id as number)
      .select('email')
    const matches = await ClientDuplicates.find(db.connection(), {
      phones: phones.map((row) => row.e164),
      emails: [client.email as string | null, ...emails.map((row) => row.email)].filter(
        (email): email is string => Boolean(email)
      ),
      exceptId: client.id as number,
    })
    // Only the clients this user may read are listed; the others are counted.
    const readable = await service.readableIds(
      'clients',
      matches.map((match) => match.id)
    )
    const visible = matches.filter((match) => readable.has(match.id))
    return { data: visible, meta: { hidden: matches.length - visible.length } }
  }

  async merge(ctx: HttpContext) {
    const { otherId, survivorId } = await ctx.request.validateUsing(mergeValidator)
    const id = Number(ctx.params.id)
    if (otherId === id) {
      throw new TableroError('MERGE_SELF', 'A client cannot be merged into itself', 422, [
        { field: 'otherId', message: 'Pick another client', rule: 'different' },
      ])
    }
    if (survivorId !== id && survivorId !== otherId) {
      throw new TableroError(
        'VALIDATION_FAILED',
        'survivorId: must be one of the two clients',
        422,
        [{ field: 'survivorId', message: 'Must be one of the two clients', rule: 'in' }]
      )
    }
    const service = await resourceService(ctx)
    await db.transaction(async (trx) => {
      const survivor = await service.visibleRow('clients', survivorId, 'update', trx)
      const mergedId = survivorId === id ? otherId : id
      const merged = await service.visibleRow('clients', mergedId, 'delete', trx)
      await ClientMerge.merge(trx, survivor, merged, actorFromContext(ctx))
    })
    return { data: { survivorId } }
  }

  async notify(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(notifyValidator)
    const service = await resourceService(ctx)
    const client = await service.visibleRow('clients', ctx.params.id, 'update')
    const message = await ClientNotifier.notify(client, input, actorFromContext(ctx))
    return ctx.response.created({ data: message })
  }
}
