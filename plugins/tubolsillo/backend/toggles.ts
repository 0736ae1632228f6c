import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import {
  AuditLog,
  TableroError,
  presentDateTime,
  toSqlDateTime,
  type AuditActor,
  type ResourceService,
} from '#sdk'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { TOGGLE } from './access.ts'
import type { ToggleInput } from './resources.ts'
import { wallet, type WalletAnswer } from './wallet_adapter.ts'

export interface ToggleRow {
  id: number
  client_id: number
  action: 'activate' | 'deactivate'
  reason_id: number | null
  note: string | null
  status: 'pending' | 'confirmed' | 'failed'
  error: string | null
  idempotency_key: string
  bulk_id: number | null
  retry_of: number | null
  requested_by: number | null
  attempts: number
  settled_at: unknown
  created_at: unknown
}

/** A wallet as the client page shows it: `unknown` only when nobody ever asked. */
export type WalletStatus = 'active' | 'inactive' | 'pending' | 'failed' | 'unknown'

export interface ToggleRequest {
  client_id: number
  action: unknown
  reason_id: unknown
  note?: unknown
}

/**
 * `client` is always the caller's: inside a transaction, its transaction (on
 * SQLite a second connection would wait for it until the pool's timeout).
 */
export async function findToggle(id: number, client: QueryClientContract) {
  const row = await client.from('tubolsillo_toggles').where('id', id).first()
  if (!row) throw new TableroError('NOT_FOUND', 'No such toggle', 404)
  return row as ToggleRow
}

/** 409 while the client has a toggle the service has not settled: a second one could cross it. */
export async function requireNothingPending(clientId: number, client: QueryClientContract) {
  const pending = await client
    .from('tubolsillo_toggles')
    .where('client_id', clientId)
    .where('status', 'pending')
    .first()
  if (pending) {
    throw new TableroError(
      'TUBOLSILLO_PENDING',
      'This wallet has a toggle the service has not confirmed yet: check it first',
      409
    )
  }
}

/**
 * Writes a pending toggle through the engine (validation, the
 * `tubolsillo.toggle` permission, the audit entry in the client's log).
 */
export async function createToggle(
  service: ResourceService,
  request: ToggleRequest,
  input: ToggleInput = {},
  trx?: TransactionClientContract
) {
  const created = await service.create(
    'tubolsillo_toggles',
    {
      client_id: request.client_id,
      action: request.action,
      reason_id: request.reason_id,
      note: request.note ?? null,
    },
    { source: 'api', permission: TOGGLE, input, trx }
  )
  return (created.data as { id: number }).id
}

/**
 * A bulk's pending toggles for `clientIds`, written through the engine's
 * batch create in `trx`: the same checks and hooks as one toggle, asked of
 * the database once, one multi-row insert, and each toggle's audit entry in
 * its client's log.
 */
export async function createToggles(
  service: ResourceService,
  clientIds: number[],
  request: Omit<ToggleRequest, 'client_id'>,
  input: ToggleInput,
  trx: TransactionClientContract
) {
  const bodies = clientIds.map((clientId) => ({
    client_id: clientId,
    action: request.action,
    reason_id: request.reason_id,
    note: request.note ?? null,
  }))
  return service.createMany('tubolsillo_toggles', bodies, {
    source: 'api',
    permission: TOGGLE,
    input,
    trx,
  })
}

/** The clients of `clientIds` with a toggle the service has not settled, asked through `client`. */
export async function withPending(clientIds: number[], client: QueryClientContract) {
  const pending = new Set<number>()
  for (let start = 0; start < clientIds.length; start += 500) {
    const rows = await client
      .from('tubolsillo_toggles')
      .whereIn('client_id', clientIds.slice(start, start + 500))
      .where('status', 'pending')
      .distinct('client_id')
    for (const row of rows) pending.add(Number(row.client_id))
  }
  return pending
}

/**
 * Records the service's answer: a settled one (confirmed or failed) in the
 * same transaction as its audit entry, filed under the client; a pending one
 * keeps the toggle pending with the reason (timeout, malformed answer) so a
 * check settles it later.
 */
async function record(row: ToggleRow, answer: WalletAnswer, actor: AuditActor) {
  const now = toSqlDateTime(DateTime.utc())
  await db.transaction(async (trx) => {
    if (answer.status === 'pending') {
      await trx
        .from('tubolsillo_toggles')
        .where('id', row.id)
        .where('status', 'pending')
        .update({ error: answer.error ?? null, updated_at: now })
      return
    }
    const changed = await trx
      .from('tubolsillo_toggles')
      .where('id', row.id)
      .where('status', 'pending')
      .update({
        status: answer.status,
        error: answer.error ?? null,
        settled_at: now,
        updated_at: now,
      })
    if (Number(changed) === 0) return // settled meanwhile (a check and a send crossed)
    await AuditLog.record(trx, actor, {
      action: `tubolsillo.${answer.status}`,
      resource: 'tubolsillo_toggles',
      recordId: row.id,
      before: { status: 'pending' },
      after: { status: answer.status, action: row.action, error: answer.error ?? null },
      subject: 'clients',
      subjectId: row.client_id,
    })
  })
  return findToggle(row.id, db.connection())
}

/** Sends a pending toggle to the wallet service (again, with the same key, after a lost answer). */
export async function sendToggle(id: number, actor: AuditActor) {
  const row = await findToggle(id, db.connection())
  if (row.status !== 'pending') return row
  await db
    .from('tubolsillo_toggles')
    .where('id', id)
    .update({ attempts: db.raw('attempts + 1') })
  const answer = await wallet.use().toggle({
    clientId: row.client_id,
    action: row.action,
    idempotencyKey: row.idempotency_key,
  })
  return record(row, answer, actor)
}

/**
 * Settles a pending toggle: asks the service what became of its key; one
 * the service never got is sent again (same key, so never twice).
 */
export async function checkToggle(id: number, actor: AuditActor) {
  const row = await findToggle(id, db.connection())
  if (row.status !== 'pending') return row
  const answer = await wallet.use().check(row.idempotency_key)
  if (answer.status === 'unknown') return sendToggle(id, actor)
  return record(row, answer, actor)
}

/** The wallet's state from its latest toggle, and the last one the service confirmed. */
export async function walletStatus(clientId: number) {
  const latest = (await db
    .from('tubolsillo_toggles')
    .where('client_id', clientId)
    .orderBy('id', 'desc')
    .first()) as ToggleRow | null
  const confirmed = (await db
    .from('tubolsillo_toggles')
    .where('client_id', clientId)
    .where('status', 'confirmed')
    .orderBy('id', 'desc')
    .first()) as ToggleRow | null
  const status = statusOf(latest)
  return {
    clientId,
    status,
    /** what the service last confirmed: the wallet's real state while a toggle is pending or failed */
    confirmed: confirmed ? (confirmed.action === 'activate' ? 'active' : 'inactive') : null,
    latest: latest ? presentToggle(latest) : null,
  }
}

function statusOf(latest: { status: string; action: string } | null | undefined): WalletStatus {
  if (!latest) return 'unknown'
  if (latest.status === 'pending' || latest.status === 'failed') return latest.status
  return latest.action === 'activate' ? 'active' : 'inactive'
}

/** The statuses of many clients at once (the clients list's column): two queries. */
export async function walletStatuses(clientIds: number[]) {
  const statuses: Record<number, WalletStatus> = {}
  for (const id of clientIds) statuses[id] = 'unknown'
  if (clientIds.length === 0) return statuses
  const latest = await db
    .from('tubolsillo_toggles')
    .whereIn(
      'id',
      db
        .from('tubolsillo_toggles')
        .whereIn('client_id', clientIds)
        .groupBy('client_id')
        .max('id as id')
    )
    .select('client_id', 'status', 'action')
  for (const row of latest) statuses[Number(row.client_id)] = statusOf(row)
  return statuses
}

export function presentToggle(row: ToggleRow) {
  return {
    id: row.id,
    clientId: row.client_id,
    action: row.action,
    status: row.status,
    error: row.error,
    bulkId: row.bulk_id,
    attempts: Number(row.attempts),
    settledAt: row.settled_at ? presentDateTime(row.settled_at) : null,
    createdAt: row.created_at ? presentDateTime(row.created_at) : null,
  }
}
