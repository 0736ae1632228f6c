import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { authCache } from '#services/auth_cache'

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
    await client
      .insertQuery()
      .table('audit_logs')
      .insert({
        actor_id: actor.actorId,
        action: entry.action,
        resource: entry.resource,
        record_id:
          entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        subject: entry.subject ?? null,
        subject_id:
          entry.subjectId === undefined || entry.subjectId === null
            ? null
            : String(entry.subjectId),
        ip: actor.ip,
        request_id: actor.requestId,
        created_at: toSqlDateTime(DateTime.utc()),
      })
  }
}

/**
 * UTC 'yyyy-MM-dd HH:mm:ss', understood by SQLite and MySQL DATETIME alike.
 */
export function toSqlDateTime(value: DateTime) {
  return value.toUTC().toFormat('yyyy-LL-dd HH:mm:ss')
}
