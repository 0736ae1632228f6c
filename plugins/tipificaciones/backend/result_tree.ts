import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { TableroError, notFound, type ResourceService, type WriteOptions } from '#sdk'
import { MANAGE } from './access.ts'
import type { ResultPlacement } from './result_hooks.ts'
import { DEFAULT_ACTION, type ResultAction, type ResultRow } from './result_rules.ts'

export interface NewResult {
  name: string
  action?: ResultAction | null
  allowsScheduling?: boolean
  deleteScheduled?: boolean
  gamificationMeasure?: number | null
}

/**
 * Writes to the result tree (T1–T5), shared by the screen and the CSV
 * import so both follow the same rules (the resource's hooks).
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
    // "Sin acción" (the default) does nothing anywhere: nothing for voice campaigns to ignore
    if (!action || action === DEFAULT_ACTION || confirmed) return
    const voice = await db
      .from('campaigns')
      .whereIn('id', campaignIds)
      .where('type', 'inbound_voice')
      .select('name')
    if (voice.length === 0) return
    const names = voice.map((row) => `"${row.name}"`).join(', ')
    const which =
      voice.length === 1 ? `${names} is a voice campaign` : `${names} are voice campaigns`
    throw new TableroError(
      'VOICE_IGNORES_ACTION',
      `The action applies only to dialer campaigns; ${which} and will ignore it. Confirm to continue.`,
      409,
      [
        {
          field: 'confirmVoiceIgnoresAction',
          message: 'Confirm that voice campaigns ignore the action',
          rule: 'confirm',
        },
      ],
      { list: names, count: voice.length }
    )
  }

  /**
   * One result in one campaign, written by the engine inside the caller's
   * transaction (so a result in several campaigns, or a CSV file, is all or
   * nothing): validated, authorized by `tipificaciones.manage`, placed in
   * the tree by the resource's beforeCreate (result_hooks.ts), audited.
   */
  static async create(
    service: ResourceService,
    trx: TransactionClientContract,
    source: WriteOptions['source'],
    placement: ResultPlacement,
    input: NewResult
  ) {
    const values = {
      name: input.name,
      action: input.action ?? null,
      allows_scheduling: input.allowsScheduling ?? false,
      delete_scheduled: input.deleteScheduled ?? false,
      gamification_measure: input.gamificationMeasure ?? null,
    }
    const options: WriteOptions = { source, permission: MANAGE, input: placement, trx }
    const { data } = await service.create('tip_results', values, options)
    return Number(data.id)
  }

  /**
   * Finds or creates a result by name under a parent (CSV import reuses
   * existing branches).
   */
  static async findOrCreate(
    service: ResourceService,
    trx: TransactionClientContract,
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
    const id = await this.create(service, trx, 'import', { campaignId, parent }, input)
    return { row: await this.find(trx, id), created: true }
  }
}
