import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { WriteOptions } from '#resources/types'
import { fieldInputError } from '#resources/errors'
import type { ResourceService } from '#resources/resource_service'
import { AuditLog, toSqlDateTime, type AuditActor } from '#services/audit_log'
import { BaseKeepers } from './base_keepers.ts'

const NAME_MAX = 120

/** What an upload of clients says about the base it makes. */
export interface BaseForm {
  name: string
  campaignId: number | null
}

/**
 * Bases as things (issue 14): made by each upload of clients, stamped on
 * every client the import writes, counted for the Bases screen.
 */
export class Bases {
  /**
   * The upload's `base_name` (the file's name without extension when not
   * given) and `campaign_id` (optional: a campaign the user can see, not
   * archived), each a 422 on its field when wrong.
   */
  static async readForm(
    input: { baseName: unknown; campaignId: unknown; filename: string },
    service: ResourceService
  ): Promise<BaseForm> {
    const given = typeof input.baseName === 'string' ? input.baseName.trim() : ''
    if (
      input.baseName !== undefined &&
      input.baseName !== null &&
      typeof input.baseName !== 'string'
    ) {
      throw fieldInputError('base_name', 'Expected the base name as text', 'string')
    }
    const name = given || input.filename.replace(/\.[^.]*$/, '').trim() || 'Base'
    if (name.length > NAME_MAX) {
      throw fieldInputError('base_name', `At most ${NAME_MAX} characters`, 'maxLength')
    }
    const raw = input.campaignId
    if (raw === undefined || raw === null || raw === '') return { name, campaignId: null }
    const campaignId = Number(raw)
    if (!Number.isSafeInteger(campaignId) || campaignId <= 0) {
      throw fieldInputError('campaign_id', 'Expected a campaign id', 'number')
    }
    const campaign = await service
      .scoped(service.registry.getOrFail('campaigns'))
      .where('id', campaignId)
      .select('id', 'archived_at')
      .first()
    if (!campaign)
      throw fieldInputError('campaign_id', `No campaigns record ${campaignId}`, 'exists')
    if (campaign.archived_at) {
      throw fieldInputError(
        'campaign_id',
        'This campaign is archived: restore it to choose it',
        'archived'
      )
    }
    return { name, campaignId }
  }

  /** The base row, audited in the caller's transaction. */
  static async create(
    trx: QueryClientContract,
    actor: AuditActor,
    values: BaseForm & { fileName: string; userId: number }
  ) {
    const now = toSqlDateTime(DateTime.utc())
    const row = {
      name: values.name,
      campaign_id: values.campaignId,
      file_name: values.fileName.slice(0, 255),
      rows: 0,
      created_by: values.userId,
      created_at: now,
      updated_at: now,
    }
    const [id] = await trx.insertQuery().table('bases').insert(row)
    await AuditLog.record(trx, actor, {
      action: 'create',
      resource: 'bases',
      recordId: Number(id),
      after: { ...row, id: Number(id) },
    })
    return Number(id)
  }

  /**
   * The stamp an import writes on each client of its base: the base, and
   * the base's campaign (a base is uploaded for a campaign, seed 001).
   */
  static async importOptions(baseId: number | null): Promise<WriteOptions> {
    if (!baseId) return { source: 'import' }
    const base = await db.from('bases').where('id', baseId).select('campaign_id').first()
    if (!base) return { source: 'import' }
    const stamp: Record<string, unknown> = { base_id: baseId }
    if (base.campaign_id) stamp.campaign_id = Number(base.campaign_id)
    return { source: 'import', stamp }
  }

  /** Once its import is done, the base records how many clients it brought. */
  static async settleRows(baseId: number | null, rows: number) {
    if (!baseId) return
    await db
      .from('bases')
      .where('id', baseId)
      .update({ rows, updated_at: toSqlDateTime(DateTime.utc()) })
  }

  /**
   * For each base: its clients now, and how many of them its deletion
   * would keep (they have gestiones, notes or callbacks).
   */
  static async counts(ids: number[]) {
    const counts = new Map<number, { clients: number; kept: number }>()
    if (ids.length === 0) return counts
    for (const id of ids) counts.set(id, { clients: 0, kept: 0 })
    const client = db.connection()
    const totals = await client
      .from('clients')
      .whereIn('base_id', ids)
      .groupBy('base_id')
      .select('base_id')
      .count('* as total')
    for (const row of totals) counts.get(Number(row.base_id))!.clients = Number(row.total)
    const keepers = await BaseKeepers.load(client)
    const kept = await keepers
      .whereKept(client.from('clients').whereIn('base_id', ids))
      .groupBy('base_id')
      .select('base_id')
      .count('* as total')
    for (const row of kept) counts.get(Number(row.base_id))!.kept = Number(row.total)
    return counts
  }
}
