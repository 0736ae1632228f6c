import { DateTime } from 'luxon'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import db from '@adonisjs/lucid/services/db'
import {
  TableroError,
  bulkInsert,
  fieldInputError,
  toSqlDateTime,
  tryNormalizePhone,
  type ResourceService,
} from '#sdk'
import { MANAGE, dialerCampaign } from './access.ts'
import { DoNotCall } from './do_not_call.ts'

export interface ListRequest {
  name?: unknown
  campaignId?: unknown
  /** the engine's filter tree over clients, as Asignaciones sends it */
  filter?: unknown
  /** Asignaciones' "Tipo de registros" and "cantidad máxima" */
  recordType?: unknown
  limit?: unknown
}

/** Clients read per page while materializing (each page one multi-row insert). */
const PAGE = 1000
/** The most contacts one list holds. */
export const LIST_MAX = 200_000

interface Candidate {
  client_id: number
  phone: string
  country: string | null
}

/**
 * D3: a list from the clients a filter selects (the engine's filter tree,
 * row scope and `clients.list` permission, in the list's campaign), each
 * materialized as a contact with its first valid phone (primary first,
 * then the others by id). Clients with no valid E.164 phone are skipped
 * and counted. A filter that selects nobody is a 422 on `filter`.
 */
export class ListBuilder {
  static async build(service: ResourceService, request: ListRequest) {
    const name = typeof request.name === 'string' ? request.name.trim() : ''
    if (!name) throw fieldInputError('name', 'Give the list a name', 'required')
    const campaign = await dialerCampaign(request.campaignId)
    // the campaign as the user may see it (its permission and row scope)
    await service.visibleRow('campaigns', campaign.id, 'show')
    const { query } = service.matching('clients', { filter: request.filter }, 'list')
    query.where('clients.campaign_id', campaign.id)
    if (request.recordType === 'assigned') query.whereNotNull('clients.assigned_user_id')
    if (request.recordType === 'unassigned') query.whereNull('clients.assigned_user_id')
    const limit = Number(request.limit)
    const cap = Number.isSafeInteger(limit) && limit > 0 ? Math.min(limit, LIST_MAX) : LIST_MAX
    const matched: Array<{ id: number }> = await query
      .clone()
      .select('clients.id')
      .orderBy('clients.id')
      .limit(cap + 1)
    const ids = matched.map((row) => Number(row.id))
    if (ids.length === 0) {
      throw new TableroError(
        'DIALER_LIST_EMPTY',
        'The filter matches no client of this campaign',
        422,
        [
          {
            field: 'filter',
            message: 'No client matches this filter in the campaign',
            rule: 'noClients',
          },
        ]
      )
    }
    if (ids.length > cap && cap === LIST_MAX) {
      throw fieldInputError(
        'filter',
        `At most ${LIST_MAX} clients per list: narrow the filter`,
        'listSize',
        { max: LIST_MAX }
      )
    }
    const chosen = ids.slice(0, cap)
    const now = toSqlDateTime(DateTime.utc())
    const inRequest = chosen.length <= inRequestMax()
    const built = await db.transaction(async (trx) => {
      const created = await service.create(
        'dialer_lists',
        {
          name,
          campaign_id: campaign.id,
          active: true,
          filter: request.filter === undefined ? null : JSON.stringify(request.filter),
        },
        { source: 'api', permission: MANAGE, trx }
      )
      const listId = Number((created.data as { id: number }).id)
      await trx
        .from('dialer_lists')
        .where('id', listId)
        .update({ created_by: service.user.id, building: !inRequest })
      const list = { id: listId, name, campaignId: campaign.id }
      if (!inRequest) {
        // staged for the background build (bench: two columns, a few seconds at 200,000)
        for (let start = 0; start < chosen.length; start += PAGE) {
          const page = chosen.slice(start, start + PAGE)
          await trx
            .table('dialer_list_members')
            .multiInsert(page.map((clientId) => ({ list_id: listId, client_id: clientId })))
        }
        return { ...list, total: 0, skippedInvalid: 0, building: true, clients: chosen.length }
      }
      const dnc = await DoNotCall.forCampaign(campaign.id, trx)
      let total = 0
      let skipped = 0
      for (let start = 0; start < chosen.length; start += PAGE) {
        const added = await materialize(trx, list, chosen.slice(start, start + PAGE), dnc, now)
        total += added.total
        skipped += added.skipped
      }
      await trx.from('dialer_lists').where('id', listId).update({ total, skipped_invalid: skipped })
      return { ...list, total, skippedInvalid: skipped, building: false, clients: chosen.length }
    })
    return built
  }

  /**
   * The background half of a large list: its staged clients, a batch at a
   * time, each batch one transaction that writes the contacts, removes the
   * batch from the stage and adds to the list's counts (so a run that
   * stops half-way resumes where it was). `progress` gets 0–100.
   */
  static async finish(listId: number, progress: (percent: number) => Promise<void>) {
    const list = await db.from('dialer_lists').where('id', listId).first()
    if (!list || !Number(list.building)) return null
    const staged = await db.from('dialer_list_members').where('list_id', listId).count('* as total')
    const pending = Number(staged[0].total)
    const dnc = await DoNotCall.forCampaign(Number(list.campaign_id))
    const now = toSqlDateTime(DateTime.utc())
    let done = 0
    for (;;) {
      const rows = await db
        .from('dialer_list_members')
        .where('list_id', listId)
        .orderBy('client_id')
        .limit(PAGE)
        .select('client_id')
      if (rows.length === 0) break
      const page = rows.map((row) => Number(row.client_id))
      await db.transaction(async (trx) => {
        const target = { id: listId, campaignId: Number(list.campaign_id) }
        const added = await materialize(trx, target, page, dnc, now)
        await trx
          .from('dialer_list_members')
          .where('list_id', listId)
          .whereIn('client_id', page)
          .delete()
        await trx
          .from('dialer_lists')
          .where('id', listId)
          .update({
            total: db.raw('total + ?', [added.total]),
            skipped_invalid: db.raw('skipped_invalid + ?', [added.skipped]),
          })
      })
      done += page.length
      await progress(Math.min(99, Math.floor((done * 100) / Math.max(pending, 1))))
    }
    await db.from('dialer_lists').where('id', listId).update({ building: false })
    await progress(100)
    const finished = await db.from('dialer_lists').where('id', listId).first()
    return { total: Number(finished.total), skippedInvalid: Number(finished.skipped_invalid) }
  }
}

/** Lists up to this many clients are built in the request; larger ones in the background. */
export function inRequestMax() {
  return Number(process.env.DIALER_LIST_IN_REQUEST_MAX ?? 5000)
}

/** One batch of clients as contacts of the list (the ones with a valid phone). */
async function materialize(
  trx: Parameters<typeof bulkInsert>[0],
  list: { id: number; campaignId: number },
  clientIds: number[],
  dnc: DoNotCall,
  now: string
) {
  const candidates = await phonesOf(trx, clientIds)
  await bulkInsert(
    trx,
    'dialer_contacts',
    'id',
    candidates.map((candidate) => ({
      list_id: list.id,
      campaign_id: list.campaignId,
      ...candidate,
      // on do-not-call already: counted as such from the start, never queued
      status: dnc.blocks(candidate.phone) ? 'dnc' : 'new',
      attempts: 0,
      created_at: now,
    }))
  )
  return { total: candidates.length, skipped: clientIds.length - candidates.length }
}

/** The first valid E.164 phone of each client (primary_phone, then client_phones by id). */
export async function phonesOf(trx: Parameters<typeof bulkInsert>[0], clientIds: number[]) {
  const clients = await trx.from('clients').whereIn('id', clientIds).select('id', 'primary_phone')
  const others = await trx
    .from('client_phones')
    .whereIn('client_id', clientIds)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .select('client_id', 'e164')
  const byClient = new Map<number, string[]>()
  for (const client of clients)
    byClient.set(Number(client.id), client.primary_phone ? [client.primary_phone] : [])
  for (const phone of others) byClient.get(Number(phone.client_id))?.push(phone.e164)
  const candidates: Candidate[] = []
  for (const id of clientIds) {
    for (const raw of byClient.get(id) ?? []) {
      const parsed = validPhone(raw)
      if (parsed) {
        candidates.push({ client_id: id, phone: parsed.e164, country: parsed.country })
        break
      }
    }
  }
  return candidates
}

export function validPhone(raw: string | null | undefined) {
  if (!raw) return null
  const e164 = tryNormalizePhone(String(raw))
  if (!e164) return null
  return { e164, country: countryOf(e164) }
}

/** The phone's country, as libphonenumber reads it. */
export function countryOf(e164: string) {
  return parsePhoneNumberFromString(e164)?.country ?? null
}
