import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AuditLog, SYSTEM_ACTOR, toSqlDateTime } from '#sdk'
import { HopperRefill } from './hopper.ts'
import { takeContact } from './hopper_claim.ts'
import { dialerIsolation } from './isolation.ts'
import type { ClaimedContact } from './telephony/campaign_pacer.ts'

const isMysql = () => db.connection().dialect.name === 'mysql'

/**
 * The pacer's claim (progressive, ratio, adaptive): up to `count` contacts
 * taken from the campaign's hopper for calls that have no agent yet. The
 * same guarantees as an agent's claim (`HopperClaim`): one transaction,
 * hopper rows taken with `FOR UPDATE SKIP LOCKED` on MySQL (SQLite: the
 * one writer), deleted, re-checked against do-not-call. Each contact
 * becomes `claimed` with no agent (`claimed_by` null, so a pacer that dies
 * mid-call leaves it to the stale-claim sweep) and gets a `dialer_calls`
 * row in state `dialing`, audited under its client.
 */
export class PacedClaim {
  /**
   * On an empty hopper, when `mayRefill()` agrees, it is filled (under its
   * lock, shared with the refill job) and tried again.
   */
  static async take(
    campaignId: number,
    count: number,
    mayRefill: () => boolean = () => true
  ): Promise<ClaimedContact[]> {
    if (count <= 0) return []
    const first = await PacedClaim.attempt(campaignId, count)
    if (first.length > 0 || !mayRefill()) return first
    await HopperRefill.run(campaignId, '5s').catch(() => null)
    return PacedClaim.attempt(campaignId, count)
  }

  static attempt(campaignId: number, count: number) {
    return db.transaction(async (trx) => {
      const now = toSqlDateTime(DateTime.utc())
      const next = trx
        .from('dialer_hopper')
        .where('campaign_id', campaignId)
        // a callback kept by an agent ("Para mí") waits for that agent's own claim
        .whereNull('reserved_for')
        .orderBy('priority')
        .orderBy('id')
        .select('id', 'contact_id')
        .limit(count)
      if (isMysql()) next.forUpdate().skipLocked()
      const rows = await next
      if (rows.length === 0) return []
      await trx
        .from('dialer_hopper')
        .whereIn(
          'id',
          rows.map((row) => row.id)
        )
        .delete()
      const contacts = await trx
        .from('dialer_contacts')
        .whereIn(
          'id',
          rows.map((row) => row.contact_id)
        )
        .orderBy('id')
      const claimed: ClaimedContact[] = []
      for (const contact of contacts) {
        if (contact.status === 'claimed') continue
        if (!(await takeContact(trx, contact, campaignId, null, now))) continue
        await trx.table('dialer_calls').insert({
          campaign_id: campaignId,
          contact_id: contact.id,
          client_id: contact.client_id,
          state: 'dialing',
          created_at: now,
        })
        await AuditLog.record(trx, SYSTEM_ACTOR, {
          action: 'dialer.dial',
          resource: 'dialer_contacts',
          recordId: contact.id,
          before: { status: contact.status },
          after: { status: 'claimed', phone: contact.phone },
          subject: 'clients',
          subjectId: contact.client_id,
        })
        claimed.push({ contactId: Number(contact.id), phone: contact.phone })
      }
      return claimed
    }, dialerIsolation())
  }
}
