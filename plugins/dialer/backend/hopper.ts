import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, SYSTEM_ACTOR, toSqlDateTime, withLock } from '#sdk'
import { withinCallingHours } from './calling_hours.ts'
import { dialerClock } from './clock.ts'
import { DoNotCall } from './do_not_call.ts'
import { settingsOf } from './settings.ts'

/** Hopper order: due callbacks first, then new contacts, then recalls. */
export const PRIORITY = { callback: 0, new: 1, recall: 2 } as const

/** Candidates read per pass while refilling (some fail the hours or do-not-call checks). */
const PASS = 500
/**
 * Passes per kind and refill: when most contacts are outside their calling
 * hours (a night), a refill reads at most this many pages instead of the
 * whole campaign on every claim that finds the hopper empty.
 */
const MAX_PASSES = 20

export interface RefillOutcome {
  queued: number
  blocked: number
  returned: number
}

/**
 * D4: keeps one campaign's hopper at its size. Exactly one caller fills a
 * campaign at a time, on any node (the lock); contacts already queued are
 * left alone (unique contact_id), do-not-call ones are marked `dnc` and
 * never queued, ones outside calling hours wait for a later refill.
 */
export class HopperRefill {
  static lockKey(campaignId: number) {
    return `dialer:hopper:${campaignId}`
  }

  /** Under the campaign's lock: waits `wait` for it (or answers 409 LOCKED at once). */
  static async run(campaignId: number, wait?: string): Promise<RefillOutcome> {
    return withLock(HopperRefill.lockKey(campaignId), () => HopperRefill.fill(campaignId), {
      ttl: '2m',
      wait,
    })
  }

  /** The work itself; callers hold the lock. */
  static async fill(campaignId: number): Promise<RefillOutcome> {
    const settings = await settingsOf(campaignId)
    const returned = await StaleClaims.release(campaignId, settings.claimTimeoutMinutes)
    const depth = await hopperDepth(campaignId)
    let room = settings.hopperSize - depth
    const outcome = { queued: 0, blocked: 0, returned }
    if (room <= 0) return outcome
    const dnc = await DoNotCall.forCampaign(campaignId)
    const now = DateTime.utc()
    const nowSql = toSqlDateTime(now)
    for (const status of ['callback', 'new', 'recall'] as const) {
      let afterKey: { next: string | null; id: number } | null = null
      for (let pass = 0; room > 0 && pass < MAX_PASSES; pass++) {
        const rows = await candidates(campaignId, status, nowSql, settings.maxAttempts, afterKey)
        if (rows.length === 0) break
        const last = rows[rows.length - 1]
        afterKey = { next: last.next_at ?? null, id: Number(last.id) }
        const blocked = rows.filter((row) => dnc.blocks(row.phone)).map((row) => Number(row.id))
        if (blocked.length) {
          await db
            .from('dialer_contacts')
            .whereIn('id', blocked)
            .whereNot('status', 'claimed')
            .update({ status: 'dnc', last_result: 'do-not-call', updated_at: nowSql })
          outcome.blocked += blocked.length
        }
        const callable = rows
          .filter((row) => !dnc.blocks(row.phone))
          .filter((row) => withinCallingHours(row.country, settings.window, dialerClock.now()))
          .slice(0, room)
        if (callable.length) {
          await db.table('dialer_hopper').multiInsert(
            callable.map((row) => ({
              campaign_id: campaignId,
              contact_id: row.id,
              priority: PRIORITY[status],
              reserved_for: row.reserved_for ?? null,
              created_at: nowSql,
            }))
          )
          room -= callable.length
          outcome.queued += callable.length
        }
        if (rows.length < PASS) break
      }
    }
    return outcome
  }
}

/**
 * The next contacts of one kind, in hopper order, not queued yet, of the
 * campaign's active lists: callbacks due by their time, new ones by id,
 * recalls due by when they were put back (the end of the queue).
 */
function candidates(
  campaignId: number,
  status: 'callback' | 'new' | 'recall',
  nowSql: string,
  maxAttempts: number,
  after: { next: string | null; id: number } | null
) {
  const query = db
    .from('dialer_contacts as c')
    .where('c.campaign_id', campaignId)
    .where('c.status', status)
    .whereIn('c.list_id', (lists) =>
      lists.from('dialer_lists').select('id').where('campaign_id', campaignId).where('active', true)
    )
    .whereNotExists((queued) =>
      queued.from('dialer_hopper as h').select('h.id').whereColumn('h.contact_id', 'c.id')
    )
    .select('c.id', 'c.phone', 'c.country', 'c.next_at', 'c.reserved_for')
    .limit(PASS)
  if (status === 'new') {
    // new contacts have no due time: (campaign, status, next_at null) then id is the index's order
    query.whereNull('c.next_at').orderBy('c.id')
    if (after) query.where('c.id', '>', after.id)
  } else {
    query.where('c.next_at', '<=', nowSql).orderBy('c.next_at').orderBy('c.id')
    if (status === 'recall') query.where('c.attempts', '<', maxAttempts)
    if (after) {
      query.where((keyset) =>
        keyset
          .where('c.next_at', '>', after.next!)
          .orWhere((same) => same.where('c.next_at', after.next!).where('c.id', '>', after.id))
      )
    }
  }
  return query as unknown as Promise<
    Array<{
      id: number
      phone: string
      country: string | null
      next_at: string | null
      reserved_for: number | null
    }>
  >
}

export async function hopperDepth(
  campaignId: number,
  client: QueryClientContract = db.connection()
) {
  const row = await client
    .from('dialer_hopper')
    .where('campaign_id', campaignId)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

/**
 * An agent whose browser vanished mid-contact: past the campaign's claim
 * timeout the contact goes back to the hopper as a recall, once
 * (`returned_at`); a second stale claim of it ends it as done
 * ("abandoned") rather than bouncing it between agents for ever.
 */
export class StaleClaims {
  static async release(campaignId: number, timeoutMinutes: number) {
    const now = DateTime.utc()
    const cutoff = toSqlDateTime(now.minus({ minutes: timeoutMinutes }))
    const nowSql = toSqlDateTime(now)
    const stale = await db
      .from('dialer_contacts')
      .where('campaign_id', campaignId)
      .where('status', 'claimed')
      .where('claimed_at', '<', cutoff)
      .select('id', 'client_id', 'claimed_by', 'returned_at')
    if (stale.length === 0) return 0
    return db.transaction(async (trx) => {
      const first = stale.filter((row) => !row.returned_at).map((row) => Number(row.id))
      const again = stale.filter((row) => row.returned_at).map((row) => Number(row.id))
      // still claimed and still stale: each release happens once, and a fresh claim is left alone
      const back = first.length
        ? await trx
            .from('dialer_contacts')
            .whereIn('id', first)
            .where('status', 'claimed')
            .where('claimed_at', '<', cutoff)
            .update({
              status: 'recall',
              next_at: nowSql,
              claimed_by: null,
              returned_at: nowSql,
              reserved_for: null,
              last_result: 'claim timed out',
              updated_at: nowSql,
            })
        : 0
      if (again.length) {
        await trx
          .from('dialer_contacts')
          .whereIn('id', again)
          .where('status', 'claimed')
          .where('claimed_at', '<', cutoff)
          .update({
            status: 'done',
            claimed_by: null,
            last_result: 'abandoned',
            updated_at: nowSql,
          })
      }
      for (const row of stale) {
        await trx
          .from('dialer_agent_states')
          .where({ user_id: row.claimed_by, contact_id: row.id })
          .update({ state: 'available', contact_id: null, updated_at: nowSql })
      }
      await AuditLog.record(trx, SYSTEM_ACTOR, {
        action: 'dialer.claims-released',
        resource: 'dialer_contacts',
        after: { returned: first, abandoned: again },
        records: [...first, ...again],
      })
      return Number(back)
    })
  }
}
