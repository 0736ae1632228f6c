import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, ClientInteractions, SYSTEM_ACTOR, toSqlDateTime } from '#sdk'
import { settingsOf } from './settings.ts'
import type { AttemptOutcome } from './telephony/campaign_pacer.ts'

type Trx = TransactionClientContract

/** A call put through to an agent: what the screen-pop tells that agent's browser. */
export interface Connected {
  agentId: number
  contactId: number
  clientId: number
  clientName: string
  phone: string
  callId: string
}

/** What settling one attempt did: the agent to pop, or a call to hang up (no agent took it). */
export type Settled =
  | { kind: 'connected'; connected: Connected }
  | { kind: 'hangup'; callId: string }
  | { kind: 'moved' }

/**
 * The dialer's side of a paced call's outcome (`PacerPorts.settle`), one
 * transaction each, audited under the client. A connected call becomes
 * the agent's claim exactly as "Siguiente contacto" would make it (agent
 * `in_call` holding the contact, `dialer.claim` in the client's log) and
 * lands in the client's interactions; the other outcomes put the contact
 * back by the campaign's rules: an abandoned call is dialed again first
 * among the recalls, a machine, busy or no-answer is recycled after
 * `recycle_hours`, both done at `max_attempts`; an invalid number ends it;
 * a call lost by the platform returns once; a call never placed goes back
 * without counting the attempt.
 */
export async function settleAttempt(
  campaignId: number,
  contactId: number,
  outcome: AttemptOutcome
): Promise<Settled> {
  const settings = await settingsOf(campaignId)
  return db.transaction(async (trx) => {
    const now = DateTime.utc()
    const nowSql = toSqlDateTime(now)
    const contact = await trx
      .from('dialer_contacts')
      .where({ id: contactId, status: 'claimed' })
      .whereNull('claimed_by')
      .first()
    // settled already (or taken back by the stale-claim sweep): nothing is moved twice
    if (!contact) return outcome.kind === 'connected' ? hangup(outcome.callId) : { kind: 'moved' }
    if (outcome.kind === 'connected') {
      const connected = await giveToAgent(trx, contact, outcome.agentId, outcome.callId, nowSql)
      if (connected) return { kind: 'connected', connected }
    }
    const change = nextStep(contact, outcome, settings, now)
    await trx
      .from('dialer_contacts')
      .where('id', contactId)
      .update({ ...change, claimed_by: null, updated_at: nowSql })
    await trx
      .from('dialer_calls')
      .where({ contact_id: contactId })
      .whereNot('state', 'ended')
      .update({
        state: 'ended',
        outcome: outcome.kind === 'connected' ? 'abandoned' : outcome.kind,
        ended_at: nowSql,
      })
    await AuditLog.record(trx, SYSTEM_ACTOR, {
      action: 'dialer.attempt',
      resource: 'dialer_contacts',
      recordId: contactId,
      before: { status: 'claimed' },
      after: { ...change, outcome: describe(outcome) },
      subject: 'clients',
      subjectId: contact.client_id,
    })
    // put through to an agent who took another contact meanwhile: the client is not kept waiting
    return outcome.kind === 'connected' ? hangup(outcome.callId) : { kind: 'moved' }
  })
}

function hangup(callId: string): Settled {
  return { kind: 'hangup', callId }
}

function describe(outcome: AttemptOutcome) {
  if (outcome.kind === 'unanswered') return `unanswered: ${outcome.cause}`
  if (outcome.kind === 'failed') return `failed: ${outcome.code}`
  if (outcome.kind === 'connected') return 'abandoned: the agent took another contact'
  return outcome.kind
}

/**
 * The agent's claim of an answered contact, as `HopperClaim` writes it;
 * null when the agent holds another contact by now (its own claim won).
 */
async function giveToAgent(
  trx: Trx,
  contact: Record<string, any>,
  agentId: number,
  callId: string,
  nowSql: string
): Promise<Connected | null> {
  // the agent's row first, locked by the write, as a claim takes it
  await trx.from('dialer_agent_states').where('user_id', agentId).update({ updated_at: nowSql })
  const agent = await trx.from('dialer_agent_states').where('user_id', agentId).first()
  if (!agent || agent.contact_id) return null
  await trx.from('dialer_contacts').where('id', contact.id).update({
    claimed_by: agentId,
    claimed_at: nowSql,
    updated_at: nowSql,
  })
  await trx.from('dialer_agent_states').where('user_id', agentId).update({
    state: 'in_call',
    campaign_id: contact.campaign_id,
    contact_id: contact.id,
    pause_reason: null,
    updated_at: nowSql,
  })
  await trx
    .from('dialer_calls')
    .where({ contact_id: contact.id, state: 'dialing' })
    .update({ state: 'connected', agent_id: agentId, call_id: callId })
  await AuditLog.record(trx, SYSTEM_ACTOR, {
    action: 'dialer.claim',
    resource: 'dialer_contacts',
    recordId: contact.id,
    before: { status: 'claimed' },
    after: { status: 'claimed', claimed_by: agentId, phone: contact.phone, call_id: callId },
    subject: 'clients',
    subjectId: contact.client_id,
  })
  await ClientInteractions.record(trx, {
    clientId: Number(contact.client_id),
    channel: 'voice',
    direction: 'out',
    campaignId: Number(contact.campaign_id),
    result: `Llamada a ${contact.phone}`,
    source: 'call',
    userId: agentId,
  })
  const client = await trx
    .from('clients')
    .where('id', contact.client_id)
    .select('first_name', 'last_name')
    .first()
  return {
    agentId,
    contactId: Number(contact.id),
    clientId: Number(contact.client_id),
    clientName: [client?.first_name, client?.last_name].filter(Boolean).join(' '),
    phone: contact.phone,
    callId,
  }
}

/** Where the contact goes after an attempt that reached no agent. */
function nextStep(
  contact: Record<string, any>,
  outcome: AttemptOutcome,
  settings: Awaited<ReturnType<typeof settingsOf>>,
  now: DateTime
) {
  const nowSql = toSqlDateTime(now)
  const attempts = Number(contact.attempts)
  const spent = attempts >= settings.maxAttempts
  switch (outcome.kind) {
    case 'connected':
    case 'abandoned':
      // the client picked up and nobody was there: first in line among the recalls
      return spent
        ? { status: 'done', next_at: null, last_result: 'abandoned call' }
        : { status: 'recall', next_at: nowSql, last_result: 'abandoned call' }
    case 'failed':
      if (outcome.code === 'INVALID_PHONE') {
        return { status: 'done', next_at: null, last_result: 'invalid phone' }
      }
      // never dialed: back in the queue, the attempt not counted
      return {
        status: 'recall',
        next_at: nowSql,
        attempts: Math.max(0, attempts - 1),
        last_result: `not dialed: ${outcome.code}`.slice(0, 120),
      }
    case 'unanswered':
      if (outcome.cause === 'invalid-number') {
        return { status: 'done', next_at: null, last_result: 'invalid number' }
      }
      if (outcome.cause === 'lost') {
        // the platform lost the call: back once, then done (as a vanished agent's claim)
        return contact.returned_at
          ? { status: 'done', next_at: null, last_result: 'call lost' }
          : { status: 'recall', next_at: nowSql, returned_at: nowSql, last_result: 'call lost' }
      }
      break
  }
  const result = outcome.kind === 'machine' ? 'machine' : `no answer (${outcome.cause})`
  return spent
    ? { status: 'done', next_at: null, last_result: result }
    : {
        status: 'recall',
        next_at: toSqlDateTime(now.plus({ hours: settings.recycleHours })),
        last_result: result,
      }
}

/** A connected call hung up: its row ends (the wallboard's calls in progress). */
export async function endConnectedCall(callId: string) {
  const ended = await db
    .from('dialer_calls')
    .where({ call_id: callId, state: 'connected' })
    .update({ state: 'ended', outcome: 'connected', ended_at: toSqlDateTime(DateTime.utc()) })
  return Number(ended) > 0
}
