import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ensureCatalogue, isDuplicate } from './catalogue.ts'
import { refreshContactability } from './contactability.ts'
import { AuditLog, LiveUpdates, TableroError, toSqlDateTime, type AuditActor } from '#sdk'

export interface RaiseInput {
  clientId: number
  typeId: number
  detail?: string | null
  channel?: string | null
  channelValue?: string | null
  source: 'gestion' | 'webhook' | 'job' | 'manual'
  reason: string
}

export interface AlertRow {
  id: number
  client_id: number
  alert_type_id: number
  detail: string | null
  channel: string | null
  channel_value: string | null
  active_key: string | null
}

/**
 * Inserts a row that a unique key may already hold; answers whether this call
 * inserted it. A refused insert aborts only its statement on MySQL and SQLite,
 * so the caller's transaction goes on.
 */
async function insertOnce(trx: QueryClientContract, table: string, row: Record<string, unknown>) {
  try {
    const [id] = await trx.insertQuery().table(table).insert(row)
    return { inserted: true, id: Number(id) }
  } catch (error) {
    if (isDuplicate(error)) return { inserted: false, id: null }
    throw error
  }
}

/** A contactability alert changed: the client's contactability state follows. */
async function refreshIfContact(trx: QueryClientContract, clientId: number, typeId: number) {
  const type = await trx.from('ca_alert_types').where('id', typeId).select('alert_group').first()
  if (type?.alert_group === 'contact') await refreshContactability(trx, clientId)
}

/**
 * AlertRaiser: one active alert per client, type and channel. The unique key on
 * (client, type, active_key) decides between concurrent raises: the loser
 * finds the winner's row and neither raises twice nor audits twice.
 */
export async function raiseAlert(trx: QueryClientContract, actor: AuditActor, input: RaiseInput) {
  const activeKey = input.channel ?? '-'
  const now = toSqlDateTime(DateTime.utc())
  const row = {
    client_id: input.clientId,
    alert_type_id: input.typeId,
    detail: input.detail ?? null,
    channel: input.channel ?? null,
    channel_value: input.channelValue ?? null,
    source: input.source,
    active_key: activeKey,
    raised_at: now,
    raised_by: actor.actorId,
    raised_reason: input.reason.slice(0, 255),
  }
  const { inserted, id } = await insertOnce(trx, 'ca_client_alerts', row)
  if (!inserted) {
    const existing = await trx
      .from('ca_client_alerts')
      .where({ client_id: input.clientId, alert_type_id: input.typeId, active_key: activeKey })
      .first()
    return { raised: false, id: Number(existing?.id) }
  }
  await insertOnce(trx, 'ca_client_alert_flags', {
    client_id: input.clientId,
    alert_type_id: input.typeId,
  })
  await refreshIfContact(trx, input.clientId, input.typeId)
  await AuditLog.record(trx, actor, {
    action: 'collections-alerts.raised',
    resource: 'ca_client_alerts',
    recordId: id,
    after: { ...row, active_key: undefined },
    subject: 'clients',
    subjectId: input.clientId,
  })
  return { raised: true, id: id! }
}

/**
 * AlertLifter: lifts one active alert (409 ALREADY_LIFTED when it is not),
 * drops the client's flag when no other channel keeps that type up, and
 * audits who or what lifted it and why.
 */
export async function liftAlert(
  trx: QueryClientContract,
  actor: AuditActor,
  alert: AlertRow,
  reason: string
) {
  const now = toSqlDateTime(DateTime.utc())
  const changed = await trx
    .from('ca_client_alerts')
    .where('id', alert.id)
    .whereNotNull('active_key')
    .update({
      active_key: null,
      lifted_at: now,
      lifted_by: actor.actorId,
      lifted_reason: reason.slice(0, 255),
    })
  if (Number(changed) === 0) {
    throw new TableroError('ALREADY_LIFTED', 'This alert was already lifted', 409)
  }
  const stillUp = await trx
    .from('ca_client_alerts')
    .where({ client_id: alert.client_id, alert_type_id: alert.alert_type_id })
    .whereNotNull('active_key')
    .first()
  if (!stillUp) {
    await trx
      .from('ca_client_alert_flags')
      .where({ client_id: alert.client_id, alert_type_id: alert.alert_type_id })
      .delete()
  }
  await refreshIfContact(trx, alert.client_id, alert.alert_type_id)
  await AuditLog.record(trx, actor, {
    action: 'collections-alerts.lifted',
    resource: 'ca_client_alerts',
    recordId: alert.id,
    before: { active: true },
    after: { active: false, lifted_at: now, lifted_by: actor.actorId, lifted_reason: reason },
    subject: 'clients',
    subjectId: alert.client_id,
  })
}

/**
 * Lifts every active alert of a client whose type is lifted by `rule`
 * (`payment` or `contact`), on one channel when given. Answers how many.
 */
export async function liftByRule(
  trx: QueryClientContract,
  actor: AuditActor,
  clientId: number,
  rule: 'payment' | 'contact',
  reason: string,
  channels?: string[]
) {
  const alerts: AlertRow[] = await trx
    .from('ca_client_alerts')
    .join('ca_alert_types', 'ca_alert_types.id', 'ca_client_alerts.alert_type_id')
    .where('ca_client_alerts.client_id', clientId)
    .whereNotNull('ca_client_alerts.active_key')
    .where('ca_alert_types.lifted_by', rule)
    .if(channels, (query) => query.whereIn('ca_client_alerts.channel', channels!))
    .select('ca_client_alerts.*')
  for (const alert of alerts) await liftAlert(trx, actor, alert, reason)
  return alerts.length
}

/** A seeded type by its key, or a supervisor's type by id, if it exists and is not archived. */
export async function liveType(client: QueryClientContract, by: { key?: string; id?: number }) {
  if (by.key) await ensureCatalogue(client)
  const query = client.from('ca_alert_types').whereNull('archived_at')
  if (by.key) query.where('key', by.key)
  else query.where('id', by.id ?? 0)
  return query.first()
}

/** Tells these users' screens that a client's alerts changed: their badges ask again. */
export function alertsChanged(userIds: Iterable<number>, clientId: number) {
  LiveUpdates.toUsers(userIds, { type: 'collections-alerts.changed', payload: { clientId } })
}
