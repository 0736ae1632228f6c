import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, toSqlDateTime, type AuditActor } from '#sdk'
import { validPhone } from './list_builder.ts'
import { dialerIsolation } from './isolation.ts'
import { settingsFrom, settingsOf } from './settings.ts'

/** What tipificaciones tells the dialer after a gestión (its `gestion.recorded` payload). */
export interface RecordedGestion {
  gestionId: number
  clientId: number
  campaignId: number
  resultPath: string
  action: string | null
  deleteScheduled: boolean
  callbackAt: string | null
  alternatePhone: string | null
  /** "Para mí": the callback is the recording agent's own */
  forMe: boolean
  userId: number
}

type Trx = TransactionClientContract
type ContactRow = Record<string, any>

/**
 * T3: moves the client's dialer contact as the result says (seed 001):
 * Rellamar back at the end on the same phone, Rellamar alternativo at the
 * end on the next alternate phone, No volver a llamar into do-not-call,
 * a scheduled callback due in the hopper at its time, Sin acción done.
 * A result that deletes earlier scheduled events also drops the client's
 * other pending contacts. The agent's wrap-up ends. One transaction,
 * audited under the client.
 */
export class ContactMoves {
  static async afterGestion(gestion: RecordedGestion, actor: AuditActor) {
    const campaign = await db.from('campaigns').where('id', gestion.campaignId).first()
    if (!campaign || campaign.type !== 'outbound_dialer') return null
    const settings = await settingsOf(gestion.campaignId)
    return db.transaction(async (trx) => {
      const now = DateTime.utc()
      const nowSql = toSqlDateTime(now)
      const contact = await currentContact(trx, gestion)
      if (gestion.deleteScheduled)
        await dropPending(trx, gestion, contact?.id ?? null, actor, nowSql)
      if (contact?.status === 'claimed') {
        // the wrap-up of the contact the agent held ends with its gestión
        await trx
          .from('dialer_agent_states')
          .where({ user_id: gestion.userId, contact_id: contact.id })
          .update({ state: 'available', contact_id: null, updated_at: nowSql })
      }
      if (!contact && gestion.callbackAt) {
        return callbackContact(trx, gestion, actor, nowSql)
      }
      if (!contact) {
        if (gestion.action === 'do_not_call') {
          const client = await trx
            .from('clients')
            .where('id', gestion.clientId)
            .select('primary_phone')
            .first()
          const phone = validPhone(client?.primary_phone)
          if (phone) await addDoNotCall(trx, phone.e164, gestion, nowSql)
        }
        return null
      }
      const change = await ContactMoves.change(trx, contact, gestion, settings.maxAttempts, nowSql)
      await trx.from('dialer_hopper').where('contact_id', contact.id).delete()
      await trx
        .from('dialer_contacts')
        .where('id', contact.id)
        .update({ ...change, updated_at: nowSql })
      await AuditLog.record(trx, actor, {
        action: 'dialer.gestion',
        resource: 'dialer_contacts',
        recordId: contact.id,
        before: { status: contact.status, phone: contact.phone },
        after: { ...change, gestion_id: gestion.gestionId },
        subject: 'clients',
        subjectId: gestion.clientId,
      })
      return { contactId: Number(contact.id), ...change }
    }, dialerIsolation())
  }

  static async change(
    trx: Trx,
    contact: ContactRow,
    gestion: RecordedGestion,
    maxAttempts: number,
    nowSql: string
  ) {
    const base = {
      claimed_by: null,
      reserved_for: null as number | null,
      last_result: gestion.resultPath.slice(0, 120),
    }
    if (gestion.callbackAt) {
      const phone = validPhone(gestion.alternatePhone) ?? {
        e164: contact.phone,
        country: contact.country,
      }
      return {
        ...base,
        reserved_for: gestion.forMe ? gestion.userId : null,
        status: 'callback',
        next_at: toSqlDateTime(DateTime.fromISO(gestion.callbackAt)),
        phone: phone.e164,
        country: phone.country,
      }
    }
    switch (gestion.action) {
      case 'recall':
      case 'recall_alternate': {
        if (Number(contact.attempts) >= maxAttempts) return { ...base, status: 'done' }
        const phone =
          gestion.action === 'recall_alternate'
            ? await nextPhone(trx, contact)
            : { e164: contact.phone, country: contact.country }
        // next_at = now: behind every recall already waiting, the end of the list
        return {
          ...base,
          status: 'recall',
          next_at: nowSql,
          phone: phone.e164,
          country: phone.country,
        }
      }
      case 'do_not_call':
        await addDoNotCall(trx, contact.phone, gestion, nowSql)
        return { ...base, status: 'dnc' }
      default:
        return { ...base, status: 'done' }
    }
  }
}

/** The contact the gestión is about: the one the agent holds, else the client's latest in the campaign. */
async function currentContact(trx: Trx, gestion: RecordedGestion) {
  const held = await trx
    .from('dialer_contacts')
    .where({
      client_id: gestion.clientId,
      campaign_id: gestion.campaignId,
      status: 'claimed',
      claimed_by: gestion.userId,
    })
    .orderBy('id', 'desc')
    .first()
  if (held) return held as ContactRow
  return (
    (await trx
      .from('dialer_contacts')
      .where({ client_id: gestion.clientId, campaign_id: gestion.campaignId })
      // another agent's contact stays with that agent
      .whereNotIn('status', ['dnc', 'claimed'])
      .orderBy('id', 'desc')
      .first()) as ContactRow | null
  )
}

/**
 * The client's phone after the one dialed (primary, then the others by
 * id, round again to the first); the same one when it has no other.
 */
async function nextPhone(trx: Trx, contact: ContactRow) {
  const client = await trx
    .from('clients')
    .where('id', contact.client_id)
    .select('primary_phone')
    .first()
  const others = await trx
    .from('client_phones')
    .where('client_id', contact.client_id)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .select('e164')
  const phones: Array<{ e164: string; country: string | null }> = []
  for (const raw of [client?.primary_phone, ...others.map((row) => row.e164)]) {
    const phone = validPhone(raw)
    if (phone && !phones.some((known) => known.e164 === phone.e164)) phones.push(phone)
  }
  const at = phones.findIndex((phone) => phone.e164 === contact.phone)
  if (phones.length === 0)
    return { e164: contact.phone as string, country: contact.country as string | null }
  return phones[(at + 1) % phones.length]
}

/**
 * A callback scheduled for a client the campaign's lists never held (or
 * hold no more): it gets a contact in the campaign's newest active list,
 * due at the callback's time, so it reaches the hopper like any other.
 * Nothing when no list is active or the client's row there is taken
 * (do-not-call, another agent's claim).
 */
async function callbackContact(
  trx: Trx,
  gestion: RecordedGestion,
  actor: AuditActor,
  nowSql: string
) {
  const list = await trx
    .from('dialer_lists')
    .where({ campaign_id: gestion.campaignId, active: true, building: false })
    .orderBy('id', 'desc')
    .select('id')
    .first()
  if (!list) return null
  const taken = await trx
    .from('dialer_contacts')
    .where({ list_id: list.id, client_id: gestion.clientId })
    .first()
  if (taken) return null
  const client = await trx
    .from('clients')
    .where('id', gestion.clientId)
    .select('primary_phone')
    .first()
  const phone = validPhone(gestion.alternatePhone) ?? validPhone(client?.primary_phone)
  if (!phone) return null
  const values = {
    status: 'callback',
    next_at: toSqlDateTime(DateTime.fromISO(gestion.callbackAt!)),
    phone: phone.e164,
    country: phone.country,
    reserved_for: gestion.forMe ? gestion.userId : null,
    last_result: gestion.resultPath.slice(0, 120),
  }
  const [id] = await trx.table('dialer_contacts').insert({
    list_id: list.id,
    campaign_id: gestion.campaignId,
    client_id: gestion.clientId,
    attempts: 0,
    created_at: nowSql,
    ...values,
  })
  await AuditLog.record(trx, actor, {
    action: 'dialer.gestion',
    resource: 'dialer_contacts',
    recordId: Number(id),
    after: { ...values, list_id: list.id, gestion_id: gestion.gestionId },
    subject: 'clients',
    subjectId: gestion.clientId,
  })
  return { contactId: Number(id), ...values }
}

/** "No volver a llamar": the number joins the global do-not-call list (once). */
async function addDoNotCall(trx: Trx, phone: string, gestion: RecordedGestion, nowSql: string) {
  const known = await trx
    .from('dialer_dnc')
    .where('number', phone)
    .whereNull('campaign_id')
    .where('is_prefix', false)
    .first()
  if (known) return
  await trx.table('dialer_dnc').insert({
    number: phone,
    is_prefix: false,
    campaign_id: null,
    reason: `No volver a llamar (gestión ${gestion.gestionId})`.slice(0, 200),
    created_at: nowSql,
  })
}

/** T3: the client's other pending contacts leave the dialer's queues. */
async function dropPending(
  trx: Trx,
  gestion: RecordedGestion,
  keep: number | null,
  actor: AuditActor,
  nowSql: string
) {
  const pending = await trx
    .from('dialer_contacts')
    .where('client_id', gestion.clientId)
    .whereIn('status', ['new', 'recall', 'callback'])
    .if(keep !== null, (query) => query.whereNot('id', keep!))
    .select('id')
  const ids = pending.map((row) => Number(row.id))
  if (ids.length === 0) return
  await trx.from('dialer_hopper').whereIn('contact_id', ids).delete()
  await trx
    .from('dialer_contacts')
    .whereIn('id', ids)
    .update({ status: 'done', last_result: 'removed by result', updated_at: nowSql })
  await AuditLog.record(trx, actor, {
    action: 'dialer.pending-removed',
    resource: 'dialer_contacts',
    after: { gestion_id: gestion.gestionId, contacts: ids },
    records: ids,
    subject: 'clients',
    subjectId: gestion.clientId,
  })
}

/**
 * Preview dialing: the agent reports the call was not answered. The
 * contact is recycled after the campaign's hours (or done at its maximum
 * attempts); the agent is available again.
 */
export async function recordNoAnswer(contactId: number, userId: number, actor: AuditActor) {
  // the contact and its campaign's rules in one read
  const contact = await db
    .from('dialer_contacts as c')
    .leftJoin('dialer_settings as s', 's.campaign_id', 'c.campaign_id')
    .where({ 'c.id': contactId, 'c.claimed_by': userId, 'c.status': 'claimed' })
    .select('c.client_id', 'c.attempts', 's.*')
    .first()
  if (!contact) return null
  const settings = settingsFrom(contact)
  const now = DateTime.utc()
  const change =
    Number(contact.attempts) >= settings.maxAttempts
      ? { status: 'done', next_at: null }
      : { status: 'recall', next_at: toSqlDateTime(now.plus({ hours: settings.recycleHours })) }
  const nowSql = toSqlDateTime(now)
  return db.transaction(async (trx) => {
    // the conditional write first: still held by this agent, or nothing happens
    const moved = await trx
      .from('dialer_contacts')
      .where({ id: contactId, claimed_by: userId, status: 'claimed' })
      .update({ ...change, claimed_by: null, last_result: 'no answer', updated_at: nowSql })
    if (Number(moved) === 0) return null
    await trx
      .from('dialer_agent_states')
      .where('user_id', userId)
      .update({ state: 'available', contact_id: null, updated_at: nowSql })
    await AuditLog.record(trx, actor, {
      action: 'dialer.no-answer',
      resource: 'dialer_contacts',
      recordId: contactId,
      before: { status: 'claimed' },
      after: change,
      subject: 'clients',
      subjectId: contact.client_id,
    })
    return { contactId, ...change }
  }, dialerIsolation())
}
