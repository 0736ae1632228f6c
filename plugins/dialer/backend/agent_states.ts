import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AuditLog, TableroError, fieldInputError, toSqlDateTime, type AuditActor } from '#sdk'

/** What an agent may set by hand; in_call comes from a claim, wrap-up ends with the gestión. */
export const AGENT_STATES = ['available', 'in_call', 'wrap_up', 'paused'] as const
export type AgentState = (typeof AGENT_STATES)[number]

export async function agentState(userId: number) {
  const row = await db.from('dialer_agent_states').where('user_id', userId).first()
  const contact = row?.contact_id
    ? await db
        .from('dialer_contacts as c')
        .join('clients as k', 'k.id', 'c.client_id')
        .where({ 'c.id': row.contact_id, 'c.claimed_by': userId, 'c.status': 'claimed' })
        .select('c.*', 'k.first_name', 'k.last_name')
        .first()
    : null
  return {
    state: (row?.state ?? 'available') as AgentState,
    pauseReason: row?.pause_reason ?? null,
    campaignId: row?.campaign_id ?? null,
    contact: contact
      ? {
          id: Number(contact.id),
          clientId: Number(contact.client_id),
          clientName: [contact.first_name, contact.last_name].filter(Boolean).join(' '),
          phone: contact.phone,
          campaignId: Number(contact.campaign_id),
        }
      : null,
  }
}

/**
 * The agent's console changes its state: pause (with a reason), back to
 * available, or wrap-up after hanging up. Available is refused while the
 * agent holds a contact without a gestión (409): the gestión ends it.
 */
export async function setAgentState(
  userId: number,
  input: { state?: unknown; reason?: unknown },
  actor: AuditActor
) {
  const state = input.state as AgentState
  if (!['available', 'wrap_up', 'paused'].includes(state)) {
    throw fieldInputError('state', 'available, wrap_up or paused', 'agentState')
  }
  const reason = typeof input.reason === 'string' ? input.reason.trim().slice(0, 120) : ''
  if (state === 'paused' && !reason)
    throw fieldInputError('reason', 'Say why you pause', 'required')
  const current = await agentState(userId)
  if (state === 'available' && current.contact) {
    throw new TableroError(
      'DIALER_WRAP_UP',
      'Record the gestión of your current contact first',
      409
    )
  }
  const now = toSqlDateTime(DateTime.utc())
  await db.transaction(async (trx) => {
    const values = { state, pause_reason: state === 'paused' ? reason : null, updated_at: now }
    const known = await trx.from('dialer_agent_states').where('user_id', userId).first()
    if (known) await trx.from('dialer_agent_states').where('user_id', userId).update(values)
    else await trx.table('dialer_agent_states').insert({ user_id: userId, ...values })
    await AuditLog.record(trx, actor, {
      action: 'dialer.agent-state',
      resource: 'dialer_agent_states',
      recordId: userId,
      before: { state: current.state },
      after: { state, reason: values.pause_reason },
    })
  })
  return agentState(userId)
}

/**
 * The console's "Iniciar marcador": the agent waits for calls in the
 * campaign (state `available`, its campaign set), which a progressive,
 * ratio or adaptive campaign's pacer puts through. 409 while the agent
 * holds a contact without a gestión.
 */
export async function joinCampaign(userId: number, campaignId: number, actor: AuditActor) {
  const current = await agentState(userId)
  if (current.contact) {
    throw new TableroError(
      'DIALER_WRAP_UP',
      'Record the gestión of your current contact first',
      409
    )
  }
  const now = toSqlDateTime(DateTime.utc())
  await db.transaction(async (trx) => {
    const values = {
      state: 'available',
      campaign_id: campaignId,
      pause_reason: null,
      updated_at: now,
    }
    const known = await trx.from('dialer_agent_states').where('user_id', userId).first()
    if (known) await trx.from('dialer_agent_states').where('user_id', userId).update(values)
    else await trx.table('dialer_agent_states').insert({ user_id: userId, ...values })
    await AuditLog.record(trx, actor, {
      action: 'dialer.agent-state',
      resource: 'dialer_agent_states',
      recordId: userId,
      before: { state: current.state, campaign_id: current.campaignId },
      after: { state: 'available', campaign_id: campaignId },
    })
  })
  return agentState(userId)
}
