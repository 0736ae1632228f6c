import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  TableroError,
  AuditLog,
  authorize,
  actorFromContext,
  toSqlDateTime,
  fieldInputError,
  notFound,
} from '#sdk'
import { MANAGE, customFields } from './custom_fields.ts'
import { toFieldDefinition, type FieldRow } from './custom_field_provider.ts'
import { ColumnManager } from './column_manager.ts'
import { FieldBudget } from './field_budget.ts'
import { checkOptions } from './field_checks.ts'
import { findProfile, presentField } from './profiles_controller.ts'
import type { CustomFieldType } from './field_types.ts'
import { changeTypeValidator, reorderValidator } from './validators.ts'

/**
 * The two field actions that are not a write of one cf_fields row, so not
 * the engine's (create, edit, retire and restore are: field_resource.ts),
 * each audited here in its transaction:
 * - a type change converts every stored client value (batches of DDL and
 *   updates over clients) before the row changes, and refuses with the
 *   count when values would not convert;
 * - a reorder rewrites the order of a whole profile's fields at once, one
 *   entry for the profile, not one update per field.
 */
export default class FieldsController {
  async reorder(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const { fieldIds } = await ctx.request.validateUsing(reorderValidator)
    const profile = await findProfile(db.connection(), ctx.params.profileId)
    const own = await db.from('cf_fields').where('profile_id', profile.id).select('id')
    const ownIds = new Set(own.map((row) => Number(row.id)))
    const stranger = fieldIds.findIndex((id) => !ownIds.has(id))
    if (stranger >= 0)
      throw fieldInputError(`fieldIds[${stranger}]`, 'Not a field of this profile', 'exists')
    await db.transaction(async (trx) => {
      for (const [order, id] of fieldIds.entries()) {
        await trx
          .from('cf_fields')
          .where('id', id)
          .update({ sort_order: order + 1 })
      }
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'reorder',
        resource: 'cf_profiles',
        recordId: profile.id,
        after: { fieldIds },
      })
    })
    customFields.invalidate()
    return { data: { fieldIds } }
  }

  /**
   * P5/issue: a type change converts every stored value, or refuses with
   * the number of values that would not convert (nothing changed).
   */
  async changeType(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const payload = await ctx.request.validateUsing(changeTypeValidator)
    const field = await findField(db.connection(), ctx.params.id)
    if (field.type === payload.type) return { data: presentField(field) }
    await FieldBudget.checkTypeChange(field.type, payload.type)
    const options = checkOptions(payload.type, payload.options)
    const from = { ...toFieldDefinition(field, []), type: field.type }
    const targetRow = {
      ...field,
      type: payload.type,
      options: options ? JSON.stringify(options) : null,
    }
    const to = { ...toFieldDefinition(targetRow, []), type: payload.type as CustomFieldType }
    const { count, examples } = await ColumnManager.unconvertible(from, to)
    if (count > 0) {
      throw new TableroError(
        'FIELD_TYPE_UNCONVERTIBLE',
        `${count} stored value(s) of "${field.key}" cannot become ${payload.type} (e.g. client #${examples[0].id}: ${JSON.stringify(examples[0].value)})`,
        409,
        [{ field: 'type', message: `${count} value(s) would not convert`, rule: 'convertible' }],
        { count, example: `#${examples[0].id}: ${JSON.stringify(examples[0].value)}` }
      )
    }
    await ColumnManager.convert(from, to)
    await db.transaction(async (trx) => {
      await trx
        .from('cf_fields')
        .where('id', field.id)
        .update({
          type: payload.type,
          options: targetRow.options,
          default_value: null,
          updated_at: toSqlDateTime(DateTime.utc()),
        })
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'change_type',
        resource: 'cf_fields',
        recordId: field.id,
        before: { type: field.type },
        after: { type: payload.type },
      })
    })
    customFields.invalidate()
    return { data: presentField(await findField(db.connection(), field.id)) }
  }
}

async function findField(client: QueryClientContract, rawId: unknown): Promise<FieldRow> {
  const id = Number(rawId)
  const row = Number.isSafeInteger(id)
    ? await client.from('cf_fields').where('id', id).first()
    : null
  if (!row) throw notFound('cf_fields')
  return row as FieldRow
}
