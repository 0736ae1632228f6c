import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { AuditLog, SYSTEM_ACTOR, toSqlDateTime } from '#sdk'
import { recordNoAnswer } from './contact_moves.ts'
import { telephony } from './telephony/index.ts'
import type { CallEvent, TelephonyAdapter } from './telephony/types.ts'
import { wallboardChanged } from './wallboard.ts'

/** Correlation ids of agent-placed calls start with this (the pacer's start with `c<campaign>`). */
const PREFIX = 'agent-'

export interface AgentCallRequest {
  agentId: number
  campaignId: number
  clientId: number
  phone: string
  /** the hopper contact the agent holds (preview); none for click-to-call */
  contactId?: number | null
}

/**
 * Calls an agent places itself (D6 click-to-call, preview after "Siguiente contacto"), through
 * the process's telephony adapter (`DIALER_TELEPHONY`: simulated or asterisk-ari), for the
 * agent: the platform puts the call through to the agent's extension when it is answered.
 *
 * Each call is a `dialer_calls` row (`origin` agent), written before the originate so that its
 * first events find it, and followed from the adapter's events: answered, the agent is
 * `in_call`; hung up after an answer, the agent goes to wrap-up (the gestión ends it); never
 * answered, a preview contact is recycled as "No contesta" would. Each move is one transaction,
 * audited under the client, so the call's fate is in the client's log.
 */
export const AgentCalls = {
  async place(request: AgentCallRequest) {
    const adapter = telephony()
    follow(adapter)
    if (request.contactId) {
      // the console asked again for a contact it holds: its call is not placed twice
      const live = await db
        .from('dialer_calls')
        .where({ contact_id: request.contactId, agent_id: request.agentId, origin: 'agent' })
        .whereNot('state', 'ended')
        .first()
      if (live)
        return { callId: String(live.call_id), mode: 'preview' as const, telephony: adapter.kind }
    }
    const callId = `${PREFIX}${request.agentId}-${randomUUID().slice(0, 12)}`
    await db.table('dialer_calls').insert({
      call_id: callId,
      origin: 'agent',
      campaign_id: request.campaignId,
      contact_id: request.contactId ?? null,
      client_id: request.clientId,
      agent_id: request.agentId,
      state: 'dialing',
      created_at: toSqlDateTime(DateTime.utc()),
    })
    wallboardChanged(request.campaignId)
    try {
      await adapter.originate({
        to: request.phone,
        callerId: process.env.DIALER_CALLER_ID || 'Tablero',
        correlationId: callId,
        // the agent's extension on the PBX is its user id, as for paced calls
        agent: { agentId: request.agentId, extension: String(request.agentId) },
      })
    } catch (error) {
      // not placed; an uncertain originate stays `dialing` until the adapter sees its end
      if ((error as { code?: string }).code !== 'TELEPHONY_UNCERTAIN') {
        await db
          .from('dialer_calls')
          .where('call_id', callId)
          .update({ state: 'ended', outcome: 'failed', ended_at: toSqlDateTime(DateTime.utc()) })
        wallboardChanged(request.campaignId)
      }
      throw error
    }
    return { callId, mode: 'preview' as const, telephony: adapter.kind }
  },
}

let following: TelephonyAdapter | null = null
/** each call's events are kept one after the other, in the order the adapter gave them */
const queues = new Map<string, Promise<void>>()

/** Listens to the adapter's agent calls once (a test that swaps the adapter gets a new one). */
function follow(adapter: TelephonyAdapter) {
  if (following === adapter) return
  following = adapter
  adapter.onEvent((event) => {
    if (event.type === 'connection' || !event.callId.startsWith(PREFIX)) return
    const queued = (queues.get(event.callId) ?? Promise.resolve())
      .then(() => onCallEvent(event))
      .catch((error) =>
        logger.warn(
          { err: error, callId: event.callId },
          'dialer: an agent call event was not kept'
        )
      )
      .finally(() => {
        if (queues.get(event.callId) === queued) queues.delete(event.callId)
      })
    queues.set(event.callId, queued)
  })
}

/** Resolves once every agent call event heard so far is kept (tests, shutdown). */
export async function agentCallsSettled() {
  while (queues.size > 0) await Promise.all(queues.values())
}

async function onCallEvent(event: CallEvent) {
  if (event.type === 'answered' || event.type === 'bridged') return answered(event.callId)
  if (event.type === 'hangup') return ended(event.callId, event.cause)
}

/** The client picked up: the call is the agent's, who is now in a call. */
async function answered(callId: string) {
  const call = await db.transaction(async (trx) => {
    const now = toSqlDateTime(DateTime.utc())
    const moved = await trx
      .from('dialer_calls')
      .where({ call_id: callId, state: 'dialing' })
      .update({ state: 'connected' })
    if (Number(moved) === 0) return null
    const row = await trx.from('dialer_calls').where('call_id', callId).first()
    const agentId = Number(row.agent_id)
    const values = { state: 'in_call', campaign_id: row.campaign_id, pause_reason: null }
    const known = await trx.from('dialer_agent_states').where('user_id', agentId).first()
    if (known) {
      await trx
        .from('dialer_agent_states')
        .where('user_id', agentId)
        .update({ ...values, updated_at: now })
    } else {
      await trx
        .table('dialer_agent_states')
        .insert({ user_id: agentId, ...values, updated_at: now })
    }
    await AuditLog.record(trx, SYSTEM_ACTOR, {
      action: 'dialer.call-answered',
      resource: 'dialer_calls',
      recordId: Number(row.id),
      before: { state: 'dialing', agent_state: known?.state ?? null },
      after: { state: 'connected', call_id: callId, agent_state: 'in_call' },
      subject: 'clients',
      subjectId: Number(row.client_id),
    })
    return row
  })
  if (call) wallboardChanged(Number(call.campaign_id))
}

/**
 * The call ended. After an answer the agent wraps up (unless its gestión already ended the
 * call); unanswered, a preview contact the agent still holds goes back as a no-answer.
 */
async function ended(callId: string, cause: string) {
  const call = await db.from('dialer_calls').where('call_id', callId).first()
  if (!call || call.state === 'ended') return
  const wasAnswered = call.state === 'connected'
  const agentId = Number(call.agent_id)
  await db.transaction(async (trx) => {
    const now = toSqlDateTime(DateTime.utc())
    const moved = await trx
      .from('dialer_calls')
      .where('call_id', callId)
      .whereNot('state', 'ended')
      .update({
        state: 'ended',
        outcome: wasAnswered ? 'connected' : 'unanswered',
        ended_at: now,
      })
    if (Number(moved) === 0) return
    if (wasAnswered) {
      await trx
        .from('dialer_agent_states')
        .where({ user_id: agentId, state: 'in_call' })
        .update({ state: 'wrap_up', updated_at: now })
    }
    await AuditLog.record(trx, SYSTEM_ACTOR, {
      action: 'dialer.call-ended',
      resource: 'dialer_calls',
      recordId: Number(call.id),
      before: { state: call.state },
      after: { state: 'ended', cause, answered: wasAnswered, call_id: callId },
      subject: 'clients',
      subjectId: Number(call.client_id),
    })
  })
  if (!wasAnswered && call.contact_id) {
    await recordNoAnswer(Number(call.contact_id), agentId, SYSTEM_ACTOR)
  }
  wallboardChanged(Number(call.campaign_id))
}
