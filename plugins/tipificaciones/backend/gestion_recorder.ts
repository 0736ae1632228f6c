import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  TableroError,
  fieldInputError,
  notFound,
  parseDateTimeInput,
  presentDateTime,
  toSqlDateTime,
  ClientInteractions,
  normalizePhone,
  type HookContext,
  type ResourceHooks,
  type WriteOptions,
} from '#sdk'
import { RECORD, findCampaign, requireCampaignMember, requireOpenCampaign } from './access.ts'
import type { ResultRow } from './result_rules.ts'

export interface GestionInput {
  clientId: number
  campaignId: number
  level1Id: number
  level2Id?: number
  level3Id?: number
  notes?: string
  callbackAt?: string
  alternatePhone?: string
  forMe?: boolean
}

export interface GestionRecorded {
  gestionId: number
  clientId: number
  campaignId: number
  resultId: number
  resultPath: string
  action: string | null
  deleteScheduled: boolean
  /** ISO UTC (`…Z`), as the API presents instants */
  callbackAt: string | null
  alternatePhone: string | null
  forMe: boolean
  userId: number
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'gestion.recorded': GestionRecorded
  }
}

/** What each gestión's hooks worked out, for the endpoint's event once committed. */
const recordedBy = new WeakMap<WriteOptions, GestionRecorded>()

export function recordedFor(options: WriteOptions) {
  return recordedBy.get(options)
}

function formOf(hook: HookContext) {
  if (hook.options.permission !== RECORD || !hook.options.input) {
    // the generic POST /api/r/tip_gestiones: a gestión comes from the agent's form only
    throw new TableroError('FORBIDDEN', 'Gestiones are recorded from the gestión form', 403)
  }
  return hook.options.input as GestionInput
}

/**
 * T6, as the hooks of `tip_gestiones` (the engine validates the declared
 * fields, authorizes by `tipificaciones.record`, writes, audits and
 * commits): beforeCreate checks the campaign, the client, the chosen path
 * down the campaign's tree (stopping at any level), the scheduling rules
 * and "Para mí",
 * and sets the row's values; afterCreate writes the callback and the
 * client's interaction in the same transaction.
 */
export const gestionHooks: ResourceHooks = {
  async beforeCreate(values, hook) {
    const input = formOf(hook)
    const campaign = await findCampaign(input.campaignId, hook.trx)
    requireOpenCampaign(campaign)
    const readable = await hook.readableIds('clients', [input.clientId])
    if (readable.size === 0) throw notFound('clients')
    await requireCampaignMember(hook.user, campaign.id, hook.trx)
    const path = await GestionRecorder.path(input, hook.trx)
    // the deepest result chosen decides: its action, its scheduling
    const leaf = path[path.length - 1]
    const scheduling = Boolean(Number(leaf.allows_scheduling))
    const callbackAt = GestionRecorder.callback(input.callbackAt, scheduling)
    if (input.alternatePhone && !scheduling) {
      throw fieldInputError(
        'alternatePhone',
        'This result does not allow scheduling a callback',
        'scheduling'
      )
    }
    const alternatePhone = input.alternatePhone
      ? normalizePhone(input.alternatePhone, 'alternatePhone').e164
      : null
    if (input.forMe && campaign.type !== 'outbound_dialer') {
      throw fieldInputError('forMe', '"Para mí" is only for dialer campaigns', 'dialerOnly')
    }
    if (input.forMe && !callbackAt) {
      throw fieldInputError('callbackAt', '"Para mí" needs a callback date and time', 'required')
    }
    const resultPath = path.map((result) => result.name).join(' > ')
    const deleteScheduled = path.some((result) => Boolean(Number(result.delete_scheduled)))
    if (deleteScheduled) {
      // T3: the result clears the client's earlier callbacks.
      await hook.trx
        .from('tip_callbacks')
        .where({ client_id: input.clientId, status: 'pending' })
        .update({ status: 'removed', updated_at: toSqlDateTime(DateTime.utc()) })
    }
    Object.assign(values, {
      result_id: leaf.id,
      level1_id: path[0].id,
      level2_id: path[1]?.id ?? null,
      level3_id: path[2]?.id ?? null,
      result_path: resultPath,
      callback_at: callbackAt,
      alternate_phone: alternatePhone,
      for_me: input.forMe ? 1 : 0,
      user_id: hook.user.id,
    })
    recordedBy.set(hook.options, {
      gestionId: 0,
      clientId: input.clientId,
      campaignId: input.campaignId,
      resultId: leaf.id,
      resultPath,
      action: leaf.action ?? 'no_action',
      deleteScheduled,
      callbackAt: callbackAt === null ? null : presentDateTime(callbackAt),
      alternatePhone,
      forMe: Boolean(input.forMe),
      userId: hook.user.id,
    })
  },

  async afterCreate(row, hook) {
    const recorded = recordedBy.get(hook.options)!
    recorded.gestionId = Number(row.id)
    if (recorded.callbackAt) {
      const client = await hook.trx
        .from('clients')
        .where('id', recorded.clientId)
        .select('primary_phone')
        .first()
      const now = toSqlDateTime(DateTime.utc())
      await hook.trx
        .insertQuery()
        .table('tip_callbacks')
        .insert({
          gestion_id: recorded.gestionId,
          client_id: recorded.clientId,
          campaign_id: recorded.campaignId,
          user_id: recorded.forMe ? recorded.userId : null,
          due_at: toSqlDateTime(DateTime.fromISO(recorded.callbackAt)),
          phone: recorded.alternatePhone ?? client?.primary_phone ?? null,
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
    }
    await ClientInteractions.record(hook.trx, {
      clientId: recorded.clientId,
      channel: 'voice',
      direction: 'out',
      campaignId: recorded.campaignId,
      result: recorded.resultPath.slice(0, 120),
      source: 'gestion',
      userId: recorded.userId,
    })
  },
}

/** The tree and scheduling checks of a gestión's form. */
export class GestionRecorder {
  /**
   * The ids must form a path from a level-1 result of the campaign down
   * the tree. Level 1 is required; the agent may stop at any level (seed
   * 001: "hasta 3 niveles de resultados donde el primero siempre es
   * obligatorio"), and the deepest chosen result's action applies.
   */
  static async path(input: GestionInput, trx: QueryClientContract): Promise<ResultRow[]> {
    const ids = [input.level1Id, input.level2Id, input.level3Id]
    if (ids[2] && !ids[1])
      throw fieldInputError('level2Id', 'Choose level 2 before level 3', 'required')
    const chosen = ids.filter((id): id is number => Boolean(id))
    const rows: ResultRow[] = await trx.from('tip_results').whereIn('id', chosen).where('active', 1)
    const path: ResultRow[] = []
    for (const [index, id] of chosen.entries()) {
      const row = rows.find((candidate) => candidate.id === id)
      const parent = path[index - 1]
      const field = `level${index + 1}Id`
      if (!row || row.campaign_id !== input.campaignId || row.level !== index + 1) {
        throw fieldInputError(field, `Not a level-${index + 1} result of this campaign`, 'exists')
      }
      if ((parent?.id ?? null) !== row.parent_id) {
        throw fieldInputError(field, `Not a child of the chosen level-${index} result`, 'parent')
      }
      path.push(row)
    }
    return path
  }

  static callback(raw: string | undefined, scheduling: boolean) {
    if (!raw) return null
    if (!scheduling) {
      throw fieldInputError(
        'callbackAt',
        'This result does not allow scheduling a callback',
        'scheduling'
      )
    }
    const when = parseDateTimeInput(raw, 'callbackAt')
    if (when <= DateTime.utc()) {
      throw new TableroError('CALLBACK_IN_PAST', 'The callback must be in the future', 422, [
        { field: 'callbackAt', message: 'Pick a future date and time', rule: 'future' },
      ])
    }
    return toSqlDateTime(when)
  }
}
