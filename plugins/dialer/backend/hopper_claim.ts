import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, TableroError, toSqlDateTime, type AuditActor, type User } from '#sdk'
import { HopperRefill } from './hopper.ts'
import { DoNotCall } from './do_not_call.ts'
import { dialerIsolation } from './isolation.ts'

export interface ClaimedContact {
  id: number
  clientId: number
  listId: number
  campaignId: number
  phone: string
  attempts: number
  /** true when the agent already held it (a second "Siguiente contacto" before the gestión) */
  resumed: boolean
}

const isMysql = () => db.connection().dialect.name === 'mysql'

/**
 * A contact taken off the hopper, in the claim's transaction: one added to
 * do-not-call since it was queued is marked so and never dialed (false);
 * any other becomes `claimed` (by `claimedBy`, or by no agent yet for the
 * pacer's calls) with one more attempt.
 */
export async function takeContact(
  trx: TransactionClientContract,
  contact: { id: number; phone: string; attempts: number | string },
  campaignId: number,
  claimedBy: number | null,
  now: string
) {
  if (await DoNotCall.blocksPhone(contact.phone, campaignId, trx)) {
    await trx
      .from('dialer_contacts')
      .where('id', contact.id)
      .update({ status: 'dnc', last_result: 'do-not-call', updated_at: now })
    return false
  }
  await trx
    .from('dialer_contacts')
    .where('id', contact.id)
    .update({
      status: 'claimed',
      claimed_by: claimedBy,
      claimed_at: now,
      attempts: Number(contact.attempts) + 1,
      updated_at: now,
    })
  return true
}

/**
 * D4: hands an agent the next contact of a campaign, never the same one
 * to two agents, on any number of nodes. One transaction: the agent's
 * state row is locked (one claim per agent at a time; a contact it still
 * holds is answered again), then the first hopper row nobody else has locked is taken with
 * its contact (`FOR UPDATE SKIP LOCKED` on MySQL 8 / MariaDB 10.6+; SQLite
 * has one writer, the transaction itself) and deleted, and the contact
 * becomes `claimed` by the agent, audited. An empty hopper is refilled
 * (under its lock) and tried once more; null when nothing is due.
 */
export class HopperClaim {
  static async next(user: User, campaignId: number, actor: AuditActor) {
    const first = await HopperClaim.attempt(user, campaignId, actor)
    if (first !== 'empty') return first
    await refillOnce(campaignId)
    const second = await HopperClaim.attempt(user, campaignId, actor)
    return second === 'empty' ? null : second
  }

  static attempt(user: User, campaignId: number, actor: AuditActor) {
    return db.transaction(async (trx): Promise<ClaimedContact | 'empty'> => {
      const now = toSqlDateTime(DateTime.utc())
      const agent = await lockAgent(trx, user.id, now)
      if (agent.state === 'paused') {
        throw new TableroError('DIALER_PAUSED', 'You are paused: become available first', 409)
      }
      const held = agent.contact_id
        ? await trx
            .from('dialer_contacts')
            .where({ id: agent.contact_id, claimed_by: user.id, status: 'claimed' })
            .first()
        : null
      if (held && Number(held.campaign_id) === campaignId) return present(held, true)
      if (held) {
        throw new TableroError(
          'DIALER_CONTACT_OPEN',
          'Record the gestión of your contact in the other campaign first',
          409
        )
      }
      for (;;) {
        // the hopper row with its contact: one statement
        const next = trx
          .from('dialer_hopper as h')
          .join('dialer_contacts as c', 'c.id', 'h.contact_id')
          .where('h.campaign_id', campaignId)
          // a callback an agent kept for itself ("Para mí") goes to that agent only
          .where((mine) => mine.whereNull('h.reserved_for').orWhere('h.reserved_for', user.id))
          .orderBy('h.priority')
          .orderBy('h.id')
          .select('h.id as hopper_id', 'c.*')
          .limit(1)
        if (isMysql()) next.forUpdate().skipLocked()
        const [contact] = await next
        if (!contact) return 'empty'
        await trx.from('dialer_hopper').where('id', contact.hopper_id).delete()
        if (!(await takeContact(trx, contact, campaignId, user.id, now))) continue
        await trx.from('dialer_agent_states').where('user_id', user.id).update({
          state: 'in_call',
          campaign_id: campaignId,
          contact_id: contact.id,
          pause_reason: null,
          updated_at: now,
        })
        await AuditLog.record(trx, actor, {
          action: 'dialer.claim',
          resource: 'dialer_contacts',
          recordId: contact.id,
          before: { status: contact.status },
          after: { status: 'claimed', claimed_by: user.id, phone: contact.phone },
          subject: 'clients',
          subjectId: contact.client_id,
        })
        return present({ ...contact, attempts: Number(contact.attempts) + 1 }, false)
      }
    }, dialerIsolation())
  }
}

/**
 * The refill of an empty hopper, one per campaign on this node at a time:
 * the agents of a node that find it empty together wait for the same fill
 * instead of queuing behind the lock one after another, each filling again
 * (with 50 agents, the last of them waited past the lock's 10 s and its
 * claim failed 409 LOCKED). Across nodes the lock still lets one fill.
 */
const refilling = new Map<number, Promise<unknown>>()
function refillOnce(campaignId: number) {
  let running = refilling.get(campaignId)
  if (!running) {
    running = HopperRefill.run(campaignId, '10s').finally(() => refilling.delete(campaignId))
    refilling.set(campaignId, running)
  }
  return running
}

/**
 * The agent's state row, created if missing, locked for the transaction.
 * MySQL: a locking read. SQLite: a write first, so that SQLite takes its
 * one write lock at once (waiting its busy timeout for another process)
 * rather than failing when a read transaction later tries to write.
 */
async function lockAgent(trx: TransactionClientContract, userId: number, now: string) {
  const read = () => {
    const query = trx
      .from('dialer_agent_states')
      .where('user_id', userId)
      .select('state', 'contact_id')
    return (isMysql() ? query.forUpdate() : query).first() as Promise<AgentRow | null>
  }
  if (isMysql()) {
    const row = await read()
    if (row) return row
    await trx.rawQuery(
      'insert ignore into dialer_agent_states (user_id, state, updated_at) values (?, ?, ?)',
      [userId, 'available', now]
    )
    return (await read())!
  }
  const touched = await trx
    .from('dialer_agent_states')
    .where('user_id', userId)
    .update({ updated_at: now })
  if (Number(touched) === 0) {
    await trx
      .table('dialer_agent_states')
      .insert({ user_id: userId, state: 'available', updated_at: now })
  }
  return (await read())!
}

interface AgentRow {
  state: string
  contact_id: number | null
}

function present(row: Record<string, any>, resumed: boolean): ClaimedContact {
  return {
    id: Number(row.id),
    clientId: Number(row.client_id),
    listId: Number(row.list_id),
    campaignId: Number(row.campaign_id),
    phone: row.phone,
    attempts: Number(row.attempts),
    resumed,
  }
}
