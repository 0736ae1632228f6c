import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AuditLog, toSqlDateTime, type AuditActor } from '#services/audit_log'
import { yieldToRequests } from '#resources/batch_create'

/** Clients per transaction, and per audit entry. */
export const ASSIGN_BATCH = 1_000

/** What an assignment did: clients per agent (unassigned under "none"), in how many batches. */
export interface AssignmentOutcome {
  mode: 'assign' | 'unassign'
  clients: number
  perUser: Record<string, number>
  batches: number
}

/** Fisher–Yates with the crypto generator: every order equally likely. */
function shuffle<T>(items: T[]) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * Shares `clientIds` out evenly at random between `userIds` (D2): 100 to
 * 5 agents gives 20 each; of 103, three agents drawn at random get one
 * more. Each agent's share comes back ascending, ready to write in batches.
 */
export function dealClients(clientIds: number[], userIds: number[]) {
  const clients = shuffle([...clientIds])
  const agents = shuffle([...userIds])
  const shares = new Map<number, number[]>(agents.map((id) => [id, []]))
  clients.forEach((clientId, i) => shares.get(agents[i % agents.length])!.push(clientId))
  for (const share of shares.values()) share.sort((a, b) => a - b)
  return shares
}

/**
 * Writes an assignment in batches of ASSIGN_BATCH clients, each batch one
 * transaction: the clients' assigned user and ONE audit entry naming the
 * batch's clients (`records`), so every client's history shows it.
 */
export class ClientAssigner {
  #done = 0
  #batches = 0

  constructor(
    private actor: AuditActor,
    private campaignId: number,
    private total: number,
    private onProgress: (done: number, total: number) => Promise<void> = async () => {}
  ) {}

  async assign(clientIds: number[], userIds: number[]): Promise<AssignmentOutcome> {
    const perUser: Record<string, number> = {}
    for (const [userId, share] of dealClients(clientIds, userIds)) {
      perUser[userId] = share.length
      await this.#write(share, userId)
    }
    return { mode: 'assign', clients: clientIds.length, perUser, batches: this.#batches }
  }

  async unassign(clientIds: number[]): Promise<AssignmentOutcome> {
    await this.#write(clientIds, null)
    return {
      mode: 'unassign',
      clients: clientIds.length,
      perUser: { none: clientIds.length },
      batches: this.#batches,
    }
  }

  async #write(ids: number[], userId: number | null) {
    for (let start = 0; start < ids.length; start += ASSIGN_BATCH) {
      const batch = ids.slice(start, start + ASSIGN_BATCH)
      await db.transaction(async (trx) => {
        await trx
          .from('clients')
          .whereIn('id', batch)
          .where('campaign_id', this.campaignId)
          .update({ assigned_user_id: userId, updated_at: toSqlDateTime(DateTime.utc()) })
        await AuditLog.record(trx, this.actor, {
          action: userId === null ? 'unassign' : 'assign',
          resource: 'clients',
          after: { assigned_user_id: userId, clients: batch.length, campaign_id: this.campaignId },
          records: batch,
        })
      })
      this.#batches += 1
      this.#done += batch.length
      await this.onProgress(this.#done, this.total)
      await yieldToRequests()
    }
  }
}
