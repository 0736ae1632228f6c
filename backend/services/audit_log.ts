import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { authCache } from '#services/auth_cache'
import { insertMany } from '#resources/bulk_insert'

/**
 * Who did it and from where: taken from the request, or `system` for
 * commands and background work.
 */
export interface AuditActor {
  actorId: number | null
  ip: string | null
  requestId: string | null
}

export interface AuditEntry {
  action: string
  resource: string
  recordId?: string | number | null
  before?: unknown
  after?: unknown
  /** the record whose log shows this entry (a phone's client), when not the record itself */
  subject?: string | null
  subjectId?: string | number | null
  /**
   * The consecutive ids one entry covers (a batch of an import writes one
   * entry for its rows, instead of one per row): each record in the range
   * shows the entry in its history.
   */
  range?: { from: number; to: number }
}

export const SYSTEM_ACTOR: AuditActor = { actorId: null, ip: null, requestId: null }

export function actorFromContext(ctx: HttpContext): AuditActor {
  return {
    actorId: (ctx.auth?.user as { id?: number } | undefined)?.id ?? null,
    ip: ctx.request.ip(),
    requestId: ctx.request.id() ?? null,
  }
}

/**
 * The audit trail (K11). Every mutation calls `record` with the transaction
 * that performs it, so the entry and the change commit or roll back together.
 */
export class AuditLog {
  static async record(client: QueryClientContract, actor: AuditActor, entry: AuditEntry) {
    // Every write to users is audited, so this is where the auth cache
    // learns that a role, a password or an account's state changed.
    if (entry.resource === 'users') authCache.forget(client)
    await client.insertQuery().table('audit_logs').insert(auditRow(actor, entry))
  }

  /**
   * Several entries in multi-row inserts (a batch of an import's updates:
   * one entry per changed record, so each record's history shows its own
   * change), in the caller's transaction like `record`.
   */
  static async recordMany(client: QueryClientContract, actor: AuditActor, entries: AuditEntry[]) {
    if (entries.some((entry) => entry.resource === 'users')) authCache.forget(client)
    await insertMany(
      client,
      'audit_logs',
      entries.map((entry) => auditRow(actor, entry))
    )
  }
}

function auditRow(actor: AuditActor, entry: AuditEntry) {
  return {
    actor_id: actor.actorId,
    action: entry.action,
    resource: entry.resource,
    record_id:
      entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    subject: entry.subject ?? null,
    subject_id:
      entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    ...(entry.range ? { range_from: entry.range.from, range_to: entry.range.to } : {}),
    ip: actor.ip,
    request_id: actor.requestId,
    created_at: toSqlDateTime(DateTime.utc()),
  }
}

/**
 * The batch entry whose id range holds record `id` of `resource` (the
 * import that created it), as a row of `audit_logs` joined to its actor's
 * name, or null. Ranges of a resource never overlap, so the first range
 * ending at or after the id is the only one that can hold it: one index
 * seek on (resource, range_to, range_from).
 */
export async function batchEntryFor(resource: string, id: unknown) {
  const numeric = Number(id)
  if (!Number.isSafeInteger(numeric)) return null
  const entry = await db
    .from('audit_logs')
    .leftJoin('users', 'users.id', 'audit_logs.actor_id')
    .where('audit_logs.resource', resource)
    .where('audit_logs.range_to', '>=', numeric)
    .orderBy('audit_logs.range_to', 'asc')
    .select('audit_logs.*', 'users.full_name as actor_name')
    .first()
  return entry && Number(entry.range_from) <= numeric ? (entry as Record<string, any>) : null
}

/**
 * `entries` (newest first) with the record's batch entry in its place, if
 * it has one.
 */
export async function withBatchEntry<T extends { id: unknown }>(
  entries: T[],
  resource: string,
  id: unknown
) {
  const batch = await batchEntryFor(resource, id)
  if (!batch) return entries
  return [...entries, batch as T].sort((a, b) => Number(b.id) - Number(a.id))
}

/**
 * UTC 'yyyy-MM-dd HH:mm:ss', understood by SQLite and MySQL DATETIME alike.
 */
export function toSqlDateTime(value: DateTime) {
  return value.toUTC().toFormat('yyyy-LL-dd HH:mm:ss')
}
