import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  TableroError,
  dispatchJob,
  fieldInputError,
  insertMany,
  resources,
  toSqlDateTime,
  type ResourceService,
  type User,
} from '#sdk'
import { ACTIONS } from './access.ts'
import { createToggles, withPending, type ToggleRequest } from './toggles.ts'
import { bulkToggle } from './jobs.ts'

export interface BulkSelection {
  /** the clients list's filter tree (as `GET /api/r/clients?filter=` takes it) */
  filter?: unknown
  q?: unknown
  /** chosen rows instead of a filter */
  ids?: unknown
}

/** Toggles written per transaction: in the request (the first ones) and by the job. */
export const TOGGLE_BATCH = 500

/**
 * The clients a selection names, as the user's clients list shows them (the
 * engine's list: its permission, row scope, filter tree and search), by id,
 * ascending: any number of them, read in one query.
 */
export async function selectedClients(service: ResourceService, user: User, body: BulkSelection) {
  if (body.ids !== undefined && body.ids !== null) {
    if (
      !Array.isArray(body.ids) ||
      body.ids.length === 0 ||
      !body.ids.every((id) => Number.isInteger(id) && id > 0)
    ) {
      throw fieldInputError('ids', 'A list of client ids', 'array')
    }
    service.authorize('clients', 'list')
    const wanted = [...new Set(body.ids as number[])]
    const ids: number[] = []
    for (let start = 0; start < wanted.length; start += 1000) {
      const rows = await db
        .from('clients')
        .whereIn('id', wanted.slice(start, start + 1000))
        .whereIn('id', resources.visibleKeys('clients', user))
        .select('id')
      for (const row of rows) ids.push(Number(row.id))
    }
    return ids.sort((a, b) => a - b)
  }
  const { query } = service.matching('clients', { filter: body.filter, q: body.q }, 'list')
  const rows = await query.select('clients.id as id').orderBy('clients.id')
  return rows.map((row) => Number(row.id))
}

export function setKey(ids: number[]) {
  return createHash('sha1')
    .update([...ids].sort((a, b) => a - b).join(','))
    .digest('hex')
}

export interface BulkStart {
  action: unknown
  reason_id: unknown
  note?: unknown
  /** the count the confirmation stated: a 409 when the selection changed since */
  count?: unknown
  retryOf?: number
}

/**
 * Starts a bulk toggle of any number of clients: in one transaction, the
 * bulk's row and its client list, the first TOGGLE_BATCH toggles through the
 * engine's batch create (so a refused reason or note is the request's 422),
 * and the job that writes the others batch by batch and sends them all (it
 * is queued after the commit). Clients with a pending toggle are skipped.
 */
export async function startBulk(
  service: ResourceService,
  user: User,
  clientIds: number[],
  start: BulkStart
) {
  if (!ACTIONS.includes(start.action as (typeof ACTIONS)[number])) {
    throw fieldInputError('action', 'activate or deactivate', 'in')
  }
  if (start.count !== undefined && Number(start.count) !== clientIds.length) {
    throw new TableroError(
      'COUNT_CHANGED',
      `The selection now holds ${clientIds.length} clients, not ${start.count}: confirm again`,
      409
    )
  }
  const pending = await withPending(clientIds, db.connection())
  const ids = clientIds.filter((id) => !pending.has(id))
  if (ids.length === 0) {
    throw fieldInputError(
      'filter',
      'No client to toggle (none selected, or all pending)',
      'required'
    )
  }
  const request = { action: start.action, reason_id: start.reason_id, note: start.note ?? null }
  return db.transaction(async (trx) => {
    const [bulkId] = await trx.table('tubolsillo_bulks').insert({
      action: start.action,
      total: ids.length,
      set_key: setKey(ids),
      retry_of: start.retryOf ?? null,
      created_by: user.id,
      created_at: toSqlDateTime(DateTime.utc()),
    })
    const id = Number(bulkId)
    await insertMany(
      trx,
      'tubolsillo_bulk_clients',
      ids.map((clientId) => ({ bulk_id: id, client_id: clientId }))
    )
    await createToggles(service, ids.slice(0, TOGGLE_BATCH), request, { bulkId: id }, trx)
    const job = await dispatchJob(bulkToggle, { bulkId: id, ...request }, { user, trx })
    await trx.from('tubolsillo_bulks').where('id', id).update({ job_id: job.id })
    return { bulkId: id, jobId: job.id, total: ids.length, skipped: pending.size }
  })
}

/**
 * The clients of a bulk still without its toggle, TOGGLE_BATCH at a time,
 * each batch written in one transaction (those that got a pending toggle
 * elsewhere meanwhile are left out). Calls `onBatch` with how many toggles
 * the bulk has.
 */
export async function createBulkToggles(
  service: ResourceService,
  bulkId: number,
  request: Omit<ToggleRequest, 'client_id'>,
  onBatch: (created: number) => Promise<void>
) {
  for (;;) {
    const created = await db.transaction(async (trx) => {
      const rows = await trx
        .from('tubolsillo_bulk_clients as b')
        .where('b.bulk_id', bulkId)
        .whereNotExists((toggle) =>
          toggle
            .from('tubolsillo_toggles as t')
            .whereColumn('t.client_id', 'b.client_id')
            .where('t.bulk_id', bulkId)
        )
        .orderBy('b.client_id')
        .limit(TOGGLE_BATCH)
        .select('b.client_id')
      if (rows.length === 0) return null
      const ids = rows.map((row) => Number(row.client_id))
      const pending = await withPending(ids, trx)
      // A client pending elsewhere leaves the bulk, so the next batch does not find it again.
      if (pending.size > 0) {
        await trx
          .from('tubolsillo_bulk_clients')
          .where('bulk_id', bulkId)
          .whereIn('client_id', [...pending])
          .delete()
      }
      const fresh = ids.filter((id) => !pending.has(id))
      if (fresh.length > 0) await createToggles(service, fresh, request, { bulkId }, trx)
      return countToggles(bulkId, trx)
    })
    if (created === null) return
    await onBatch(created)
  }
}

async function countToggles(bulkId: number, client: QueryClientContract) {
  const [row] = await client.from('tubolsillo_toggles').where('bulk_id', bulkId).count('* as total')
  return Number(row.total)
}

/** A bulk's outcome: counts by status and the clients the service refused, with its error. */
export async function bulkReport(bulkId: number) {
  const bulk = await db.from('tubolsillo_bulks').where('id', bulkId).first()
  if (!bulk) throw new TableroError('NOT_FOUND', 'No such bulk toggle', 404)
  const counts = await db
    .from('tubolsillo_toggles')
    .where('bulk_id', bulkId)
    .select('status')
    .count('* as total')
    .groupBy('status')
  const byStatus = { pending: 0, confirmed: 0, failed: 0 } as Record<string, number>
  for (const row of counts) byStatus[row.status] = Number(row.total)
  const failed = await db
    .from('tubolsillo_toggles as t')
    .join('clients as c', 'c.id', 't.client_id')
    .where('t.bulk_id', bulkId)
    .where('t.status', 'failed')
    .orderBy('t.id')
    .select('t.id', 't.client_id', 't.error', 'c.first_name', 'c.last_name')
  return {
    id: Number(bulk.id),
    action: bulk.action,
    total: Number(bulk.total),
    jobId: bulk.job_id === null ? null : Number(bulk.job_id),
    retryOf: bulk.retry_of === null ? null : Number(bulk.retry_of),
    createdBy: bulk.created_by === null ? null : Number(bulk.created_by),
    counts: byStatus,
    failed: failed.map((row) => ({
      toggleId: Number(row.id),
      clientId: Number(row.client_id),
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      error: row.error,
    })),
  }
}

/** The failed clients of a bulk whose wallet nobody toggled since: what a retry sends again. */
export async function failedToRetry(bulkId: number) {
  const rows = await db
    .from('tubolsillo_toggles as t')
    .where('t.bulk_id', bulkId)
    .where('t.status', 'failed')
    .whereNotExists((later) =>
      later
        .from('tubolsillo_toggles as l')
        .whereColumn('l.client_id', 't.client_id')
        .whereColumn('l.id', '>', 't.id')
    )
    .orderBy('t.id')
    .select('t.client_id', 't.reason_id', 't.note')
  return rows as Array<{ client_id: number; reason_id: number; note: string | null }>
}
