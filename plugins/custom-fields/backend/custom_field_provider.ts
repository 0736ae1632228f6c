import db from '@adonisjs/lucid/services/db'
import type { FieldDefinition, FieldProvider } from '#sdk'
import { STORAGE, type CustomFieldType } from './field_types.ts'
import { maxLengthOf } from '../shared/field_rules.ts'

/** How long a node trusts its copy of the definitions (like plugin states). */
const TTL_MS = 2000

export interface FieldRow {
  id: number
  profile_id: number
  key: string
  type: CustomFieldType
  label_es: string
  label_en: string
  help_es: string | null
  help_en: string | null
  required: boolean | number
  default_value: string | null
  options: string | null
  min: number | string | null
  max: number | string | null
  group_name: string | null
  sort_order: number
  /** set while the field is retired */
  archived_at: string | null
}

/**
 * Supplies the active fields of active profiles to the clients resource.
 * Each field applies to the clients of its profile's campaigns. Changes
 * made on this node apply at once (invalidate); other nodes pick them up
 * within the TTL.
 */
export class CustomFieldProvider implements FieldProvider {
  version = 0
  #fields: FieldDefinition[] = []
  #signature = ''
  #loadedAt = 0
  #loading: Promise<void> | null = null

  fields() {
    return this.#fields
  }

  invalidate() {
    this.#loadedAt = 0
  }

  async refresh() {
    if (Date.now() - this.#loadedAt < TTL_MS) return
    this.#loading ??= this.#load().finally(() => (this.#loading = null))
    await this.#loading
  }

  async #load() {
    const rows: FieldRow[] = await db
      .from('cf_fields')
      .join('cf_profiles', 'cf_profiles.id', 'cf_fields.profile_id')
      .whereNull('cf_fields.archived_at')
      .where('cf_profiles.status', 'active')
      .orderBy('cf_fields.profile_id')
      .orderBy('cf_fields.sort_order')
      .select('cf_fields.*')
    const links = await db.from('cf_profile_campaigns').select('profile_id', 'campaign_id')
    const campaigns = new Map<number, number[]>()
    for (const link of links) {
      campaigns.set(link.profile_id, [
        ...(campaigns.get(link.profile_id) ?? []),
        Number(link.campaign_id),
      ])
    }
    const fields = rows.map((row) => toFieldDefinition(row, campaigns.get(row.profile_id) ?? []))
    const signature = JSON.stringify(fields)
    if (signature !== this.#signature) {
      this.#signature = signature
      this.#fields = fields
      this.version += 1
    }
    this.#loadedAt = Date.now()
  }
}

export function toFieldDefinition(row: FieldRow, campaignIds: number[]): FieldDefinition {
  const indexed = STORAGE[row.type].indexed
  return {
    name: row.key,
    type: row.type,
    label: { es: row.label_es, en: row.label_en },
    help: row.help_es || row.help_en ? { es: row.help_es ?? '', en: row.help_en ?? '' } : undefined,
    required: Boolean(Number(row.required)),
    defaultValue: parseDefault(row),
    options: row.options ? JSON.parse(row.options) : undefined,
    min: row.min === null ? undefined : Number(row.min),
    max: row.max === null ? undefined : Number(row.max),
    maxLength: maxLengthOf(row.type),
    listable: row.type !== 'textarea',
    filterable: indexed || row.type === 'multiselect',
    sortable: indexed,
    group: row.group_name ?? undefined,
    condition: { field: 'campaign_id', in: campaignIds },
  }
}

function parseDefault(row: FieldRow): FieldDefinition['defaultValue'] {
  if (row.default_value === null) return undefined
  if (row.type === 'number' || row.type === 'decimal') return Number(row.default_value)
  if (row.type === 'boolean') return row.default_value === 'true'
  if (row.type === 'multiselect') return row.default_value.split(',').filter(Boolean)
  return row.default_value
}
