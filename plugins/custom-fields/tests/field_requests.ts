import type { Group } from '@japa/runner/core'
import db from '@adonisjs/lucid/services/db'
import { plugins, truncateAfterEach, type signIn } from '#sdk/testing'
import { ColumnManager } from '../backend/column_manager.ts'
import { customFields } from '../backend/custom_fields.ts'
import type { CustomFieldType } from '../backend/field_types.ts'

type Session = Awaited<ReturnType<typeof signIn>>
type Option = { value: string; label: { es: string; en: string } }

/** A field as a test thinks of it; sent as the columns of the resource cf_fields. */
export interface NewField {
  key: string
  type: string
  label: { es: string; en: string }
  required?: boolean
  options?: Option[]
  defaultValue?: string
  min?: number
  max?: number
}

export const FIELDS = '/api/r/cf_fields'

/** `POST /api/r/cf_fields`: the engine's create, which adds the clients column. */
export function postField(session: Session, profileId: number, field: NewField) {
  const body: Record<string, unknown> = {
    profile_id: profileId,
    key: field.key,
    type: field.type,
    label_es: field.label.es,
    label_en: field.label.en,
  }
  if (field.required !== undefined) body.required = field.required
  if (field.options) body.options = JSON.stringify(field.options)
  if (field.defaultValue !== undefined) body.default_value = field.defaultValue
  if (field.min !== undefined) body.min = field.min
  if (field.max !== undefined) body.max = field.max
  return session.post(FIELDS).json(body)
}

/** A clients column a test made: columns are DDL, so truncation leaves them. */
export interface MadeColumn {
  key: string
  type: CustomFieldType
}

/**
 * The setup every custom-fields group shares: each test on a truncated
 * database with the plugins enabled; when the group ends, its fields and
 * the columns listed in `made` go, so they do not outlive it.
 */
export function withFieldColumns(group: Group, made: MadeColumn[]) {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.teardown(async () => {
    await db.from('cf_fields').delete()
    customFields.invalidate()
    for (const column of made) await ColumnManager.drop(column.key, column.type).catch(() => {})
  })
}
