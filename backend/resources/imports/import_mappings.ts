import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, type AuditActor } from '#services/audit_log'
import { fieldInputError } from '../errors.ts'
import { mappingKey, type ColumnMapping } from './import_columns.ts'
import { now } from './import_jobs.ts'

const TABLE = 'import_mappings'
/** A header wider than any spreadsheet's. */
const MAX_HEADER_CHARS = 200
/** As many columns as a readable file may have (csv_records' MAX_CELLS). */
const MAX_COLUMNS = 2_000

function scopeKey(campaignId: number | null) {
  return campaignId === null ? 'none' : `campaign:${campaignId}`
}

/**
 * The column mapping last used to import a resource into a campaign
 * (issue 14): remembered when an upload with a mapping is accepted,
 * proposed by the next preview of that resource and campaign.
 */
export class ImportMappings {
  /**
   * A mapping from a request (JSON text or an object): header text →
   * field name, or null (or "") to leave the column out. Anything else is
   * a 422 on `mapping`. Keys are folded as headers are matched.
   */
  static parse(input: unknown): ColumnMapping | null {
    if (input === undefined || input === null || input === '') return null
    let value = input
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input)
      } catch {
        throw fieldInputError('mapping', 'Send the mapping as a JSON object', 'object')
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw fieldInputError('mapping', 'Send the mapping as a JSON object', 'object')
    }
    const entries = Object.entries(value)
    if (entries.length > MAX_COLUMNS) {
      throw fieldInputError('mapping', `At most ${MAX_COLUMNS} columns`, 'arrayLength', {
        max: MAX_COLUMNS,
      })
    }
    const mapping: ColumnMapping = {}
    for (const [header, field] of entries) {
      if (header.length > MAX_HEADER_CHARS || (field !== null && typeof field !== 'string')) {
        throw fieldInputError('mapping', 'Map each header to a field name or to null', 'mapping')
      }
      mapping[mappingKey(header)] = field === '' ? null : field
    }
    return mapping
  }

  static async find(resource: string, campaignId: number | null): Promise<ColumnMapping | null> {
    const row = await db
      .from(TABLE)
      .where('resource', resource)
      .where('scope_key', scopeKey(campaignId))
      .select('mapping')
      .first()
    return row ? (JSON.parse(row.mapping) as ColumnMapping) : null
  }

  /** Keeps `mapping` as the one to propose next time, audited in `trx`. */
  static async remember(
    trx: QueryClientContract,
    actor: AuditActor,
    values: { resource: string; campaignId: number | null; mapping: ColumnMapping }
  ) {
    const key = scopeKey(values.campaignId)
    const existing = await trx
      .from(TABLE)
      .where('resource', values.resource)
      .where('scope_key', key)
      .select('id', 'mapping')
      .first()
    const mapping = JSON.stringify(values.mapping)
    let id: number
    if (existing) {
      id = Number(existing.id)
      if (existing.mapping === mapping) return
      await trx
        .from(TABLE)
        .where('id', id)
        .update({ mapping, updated_by: actor.actorId, updated_at: now() })
    } else {
      const [inserted] = await trx.insertQuery().table(TABLE).insert({
        resource: values.resource,
        scope_key: key,
        campaign_id: values.campaignId,
        mapping,
        updated_by: actor.actorId,
        created_at: now(),
        updated_at: now(),
      })
      id = Number(inserted)
    }
    await AuditLog.record(trx, actor, {
      action: existing ? 'update' : 'create',
      resource: TABLE,
      recordId: id,
      before: existing ? { mapping: JSON.parse(existing.mapping) } : null,
      after: { resource: values.resource, campaignId: values.campaignId, mapping: values.mapping },
    })
  }
}
