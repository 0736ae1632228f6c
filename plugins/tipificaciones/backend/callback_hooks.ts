import { DateTime } from 'luxon'
import {
  type HookContext,
  type ResourceHooks,
  TableroError,
  can,
  notFound,
  toSqlDateTime,
} from '#sdk'
import {
  AGENDA,
  RECORD,
  findCampaign,
  requireCampaignMember,
  requireOpenCampaign,
} from './access.ts'
import {
  type CallbackChange,
  type CallbackEvent,
  callbackTaken,
  checkedPhone,
  futureDue,
  requireCampaignAgent,
} from './callback_changes.ts'

function changeOf(hook: HookContext) {
  if (hook.options.permission !== RECORD) {
    throw new TableroError('FORBIDDEN', 'Callbacks are changed from the agenda', 403)
  }
  return hook.options.input as CallbackChange | undefined
}

/**
 * Taking a callback from the campaign's queue (15.4) is one conditional
 * UPDATE: it succeeds only while nobody holds the callback and it is still
 * pending, so of two agents asking at once exactly one gets it (the row
 * lock on MariaDB, the single writer on SQLite); the other gets 409.
 */
async function claim(values: Record<string, unknown>, id: unknown, hook: HookContext) {
  const taken = await hook.trx
    .from('tip_callbacks')
    .where('id', id as number)
    .whereNull('user_id')
    .where('status', 'pending')
    .update({ user_id: hook.user.id, updated_at: toSqlDateTime(DateTime.utc()) })
  if (Number(taken) !== 1) throw callbackTaken()
  values.user_id = hook.user.id
}

/**
 * A move, reassignment, phone or note change of an event (D5). An agent
 * changes its own events; moving one to another agent (or back to the
 * queue) takes `tipificaciones.agenda` (supervisors). The client card is
 * never touched: only the callback's row changes.
 */
async function edit(
  values: Record<string, unknown>,
  before: Record<string, unknown>,
  change: Extract<CallbackChange, { op: 'edit' }>,
  hook: HookContext
) {
  const manages = can(hook.user, AGENDA)
  if (!manages && before.user_id !== hook.user.id) {
    throw new TableroError('FORBIDDEN', 'Take the callback from the queue to change it', 403)
  }
  if (change.dueAt !== undefined) values.due_at = futureDue(change.dueAt)
  if (change.userId !== undefined && change.userId !== before.user_id) {
    if (!manages) {
      throw new TableroError('FORBIDDEN', 'Only a supervisor reassigns an event', 403)
    }
    if (change.userId !== null) {
      await requireCampaignAgent(hook.trx, Number(before.campaign_id), change.userId)
    }
    values.user_id = change.userId
  }
  if (change.phone !== undefined && change.phone !== before.phone) {
    values.phone = await checkedPhone(hook.trx, change.phone, change.confirmUnknownPhone)
  }
  if (change.notes !== undefined) values.notes = change.notes
}

/**
 * The writes of `tip_callbacks`, all through the engine by
 * `tipificaciones.record` (the resource's generic create and update belong
 * to no role), audited under the client:
 * - create: an agenda event the user adds (D5), for itself, or for an
 *   agent of the campaign by a supervisor;
 * - update without input: "Quitar" (T7), the status becomes `removed`;
 * - update `claim`: taking a callback from the queue;
 * - update `edit`: moving, reassigning, changing the phone or notes.
 */
export const callbackHooks: ResourceHooks = {
  async beforeCreate(values, hook) {
    if (hook.options.permission !== RECORD || !hook.options.input) {
      throw new TableroError('FORBIDDEN', 'Events are created from the agenda', 403)
    }
    const input = hook.options.input as CallbackEvent
    const campaign = await findCampaign(input.campaignId, hook.trx)
    requireOpenCampaign(campaign)
    const readable = await hook.readableIds('clients', [input.clientId])
    if (readable.size === 0) throw notFound('clients')
    await requireCampaignMember(hook.user, campaign.id, hook.trx)
    const owner = input.userId ?? hook.user.id
    if (owner !== hook.user.id) {
      if (!can(hook.user, AGENDA)) {
        throw new TableroError('FORBIDDEN', 'Only a supervisor plans for another agent', 403)
      }
      await requireCampaignAgent(hook.trx, campaign.id, owner)
    }
    const dueAt = futureDue(input.dueAt)
    const client = await hook.trx
      .from('clients')
      .where('id', input.clientId)
      .select('primary_phone')
      .first()
    const phone = input.phone
      ? await checkedPhone(hook.trx, input.phone, input.confirmUnknownPhone)
      : (client?.primary_phone ?? null)
    Object.assign(values, {
      gestion_id: null,
      client_id: input.clientId,
      campaign_id: campaign.id,
      user_id: owner,
      due_at: dueAt,
      phone,
      notes: input.notes ?? null,
      status: 'pending',
    })
  },

  async beforeUpdate(values, before, hook) {
    const change = changeOf(hook)
    if (before.status !== 'pending') {
      throw new TableroError('NOT_FOUND', 'No such pending callback', 404)
    }
    if (!change) {
      // the queue is the agent's to take, not to remove: as if it were not there
      if (before.user_id !== hook.user.id && !can(hook.user, AGENDA)) {
        throw new TableroError('NOT_FOUND', 'No such pending callback', 404)
      }
      values.status = 'removed'
    } else if (change.op === 'claim') {
      await claim(values, before.id, hook)
    } else {
      await edit(values, before, change, hook)
    }
  },
}
