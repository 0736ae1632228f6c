import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError, notFound, AuditLog, toSqlDateTime, type AuditActor } from '#sdk'
import { checkBehaviour, childLevel, type ResultAction, type ResultRow } from './result_rules.ts'

export interface NewResult {
  name: string
  action?: ResultAction | null
  allowsScheduling?: boolean
  deleteScheduled?: boolean
  gamificationMeasure?: number | null
}

/**
 * Writes to the result tree (T1–T5), shared by the screen and the CSV
 * import so both follow the same rules.
 */
export class ResultTree {
  static async find(client: QueryClientContract, rawId: unknown): Promise<ResultRow> {
    const id = Number(rawId)
    const row = Number.isSafeInteger(id)
      ? await client.from('tip_results').where('id', id).first()
      : null
    if (!row) throw notFound('tip_results')
    return row
  }

  /**
   * T5: an action means nothing to an inbound voice campaign; applying one
   * to voice campaigns needs the supervisor's explicit confirmation.
   */
  static async warnVoice(campaignIds: number[], action: unknown, confirmed: boolean | undefined) {
    if (!action || confirmed) return
    const voice = await db
      .from('campaigns')
      .whereIn('id', campaignIds)
      .where('type', 'inbound_voice')
      .select('name')
    if (voice.length === 0) return
    const names = voice.map((row) => `"${row.name}"`).join(', ')
    throw new TableroError(
      'VOICE_IGNORES_ACTION',
      `The action applies only to dialer campaigns; ${names} are voice campaigns and will ignore it. Confirm to continue.`,
      409,
      [
        {
          field: 'confirmVoiceIgnoresAction',
          message: 'Confirm that voice campaigns ignore the action',
          rule: 'confirm',
        },
      ],
      { list: names }
    )
  }

  static async create(
    trx: QueryClientContract,
    actor: AuditActor,
    campaignId: number,
    parent: ResultRow | null,
    input: NewResult
  ) {
    checkBehaviour(input.action, input.allowsScheduling)
    const level = childLevel(parent)
    const [top] = await trx
      .from('tip_results')
      .where('campaign_id', campaignId)
      .if(
        parent,
        (q) => q.where('parent_id', parent!.id),
        (q) => q.whereNull('parent_id')
      )
      .max('sort_order as top')
    const now = toSqlDateTime(DateTime.utc())
    const row = {
      campaign_id: campaignId,
      parent_id: parent?.id ?? null,
      level,
      name: input.name,
      action: input.action ?? null,
      allows_scheduling: input.allowsScheduling ? 1 : 0,
      delete_scheduled: input.deleteScheduled ? 1 : 0,
      gamification_measure: input.gamificationMeasure ?? null,
      sort_order: Number(top?.top ?? 0) + 1,
      active: 1,
      created_at: now,
      updated_at: now,
    }
    const [id] = await trx.insertQuery().table('tip_results').insert(row)
    await AuditLog.record(trx, actor, {
      action: 'create',
      resource: 'tip_results',
      recordId: id,
      after: { ...row, id: Number(id) },
    })
    return Number(id)
  }

  /**
   * Finds or creates a result by name under a parent (CSV import reuses
   * existing branches).
   */
  static async findOrCreate(
    trx: QueryClientContract,
    actor: AuditActor,
    campaignId: number,
    parent: ResultRow | null,
    input: NewResult
  ) {
    const existing = await trx
      .from('tip_results')
      .where({ campaign_id: campaignId, name: input.name })
      .if(
        parent,
        (q) => q.where('parent_id', parent!.id),
        (q) => q.whereNull('parent_id')
      )
      .first()
    if (existing) return { row: existing as ResultRow, created: false }
    const id = await this.create(trx, actor, campaignId, parent, input)
    return { row: await this.find(trx, id), created: true }
  }
}
