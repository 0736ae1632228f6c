import db from '@adonisjs/lucid/services/db'
import { AuditLog } from '#services/audit_log'
import type { ShowContext } from '#resources/types'

/**
 * C14: an agent may open any client of their campaigns (an inbound call,
 * a search with "Solo mis clientes" off), but opening one that another
 * agent holds, or nobody does, leaves an audit entry "viewed" on the
 * client, so a supervisor sees who looked. Reopening it while that entry
 * is still the client's latest adds no second one (a page reloads).
 */
export class ClientViews {
  static async afterShow(row: Record<string, unknown>, { user, actor }: ShowContext) {
    if (user.role !== 'agent' || row.assigned_user_id === user.id) return
    const recordId = String(row.id)
    await db.transaction(async (trx) => {
      const latest = await trx
        .from('audit_logs')
        .where({ resource: 'clients', record_id: recordId })
        .orderBy('id', 'desc')
        .select('action', 'actor_id')
        .first()
      if (latest?.action === 'viewed' && latest.actor_id === user.id) return
      await AuditLog.record(trx, actor, {
        action: 'viewed',
        resource: 'clients',
        recordId,
        after: { assigned_user_id: row.assigned_user_id ?? null },
        subject: 'clients',
        subjectId: recordId,
      })
    })
  }
}
