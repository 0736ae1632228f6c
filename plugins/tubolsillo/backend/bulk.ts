import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import {
  TableroError,
  dispatchJob,
  fieldInputError,
  resources,
  toSqlDateTime,
  type ResourceService,
  type User,
} from '#sdk'
import { ACTIONS, BULK_LIMIT } from './access.ts'
import { createToggle } from './toggles.ts'
import { bulkToggle } from './jobs.ts'

export interface BulkSelection {
  /** the clients list's filter tree (as `GET /api/r/clients?filter=` takes it) */
  filter?: unknown
  q?: unknown
  /** chosen rows instead of a filter */
  ids?: unknown
}

const PAGE = 100

/**
 * The clients a selection names, as the user's clients list shows them (the
 * engine's list: its permission, row scope, filter tree and search), by id.
 * More than BULK_LIMIT is a 422 on `filter`.
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
    if (body.ids.length > BULK_LIMIT) {
      throw fieldInputError('ids', `At most ${BULK_LIMIT} clients at once`, 'max')
    }
    service.authorize('clients', 'list')
    const rows = await db
      .from('clients')
      .whereIn('id', body.ids as number[])
      .whereIn('id', resources.visibleKeys('clients', user))
      .orderBy('id')
      .select('id')
    return rows.map((row) => Number(row.id))
  }
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const list = await service.list(
      'clients',
      { filter: body.filter, q: body.q, sort: 'id', perPage: PAGE, page },
      undefined,
      { count: false }
    )
    for (const row of list.data as Array<{ id: number }>) ids.push(Number(row.id))
    if (ids.length > BULK_LIMIT) {
      throw fieldInputError(
        'filter',
        `At most ${BULK_LIMIT} clients at once: narrow the filter`,
        'max'
      )
    }
    if (list.data.length < PAGE) return ids
  }
}

export function setKey(ids: number[]) {
  return createHash('sha1')
    .update([...ids].sort((a, b) => a - b).join(','))
    .digest('hex')
}

/** The clients of `ids` that have a toggle the service has not settled: they are left out. */
async function withPending(ids: number[]) {
  const pending = new Set<number>()
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .from('tubolsillo_toggles')
      .whereIn('client_id', ids.slice(start, start + 500))
      .where('status', 'pending')
      .distinct('client_id')
    for (const row of rows) pending.add(Number(row.client_id))
  }
  return pending
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
 * Starts a bulk toggle: one audited pending toggle per client through the
 * engine, the bulk's row and its job, in one transaction (the job is queued
 * after the commit). Clients with a pending toggle are skipped.
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
  const pending = await withPending(clientIds)
  const ids = clientIds.filter((id) => !pending.has(id))
  if (ids.length === 0) {
    throw fieldInputError(
      'filter',
      'No client to toggle (none selected, or all pending)',
      'required'
    )
  }
  const key = setKey(ids)
  return db.transaction(async (trx) => {
    const [bulkId] = await trx.table('tubolsillo_bulks').insert({
      action: start.action,
      total: ids.length,
      set_key: key,
      retry_of: start.retryOf ?? null,
      created_by: user.id,
      created_at: toSqlDateTime(DateTime.utc()),
    })
    const id = Number(bulkId)
    for (const clientId of ids) {
      await createToggle(
        service,
        { client_id: clientId, action: start.action, reason_id: start.reason_id, note: start.note },
        { bulkId: id },
        trx
      )
    }
    const job = await dispatchJob(bulkToggle, { bulkId: id }, { user, trx })
    await trx.from('tubolsillo_bulks').where('id', id).update({ job_id: job.id })
    return { bulkId: id, jobId: job.id, total: ids.length, skipped: pending.size }
  })
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
