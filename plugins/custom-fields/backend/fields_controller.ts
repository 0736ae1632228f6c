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
import { KEY_MESSAGES, keyProblem } from './field_key.ts'
import { checkOptions, checkRange, defaultText } from './field_checks.ts'
import { findProfile, presentField } from './profiles_controller.ts'
import type { CustomFieldType } from './field_types.ts'
import {
  changeTypeValidator,
  confirmValidator,
  fieldValidator,
  reorderValidator,
} from './validators.ts'

/**
 * Field definitions (P2–P5). Creating a field adds its indexed clients
 * column; retiring hides it and keeps the column; a type change converts
 * the stored values or refuses, saying how many would not convert.
 */
export default class FieldsController {
  async store(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const payload = await ctx.request.validateUsing(fieldValidator)
    const profile = await findProfile(db.connection(), ctx.params.profileId)
    const problem = keyProblem(payload.key, await builtinColumns(), await usedKeys())
    if (problem) throw fieldInputError('key', KEY_MESSAGES[problem], problem)
    const options = checkOptions(payload.type, payload.options)
    checkRange(payload.min, payload.max)
    await FieldBudget.checkNew(payload.type)
    const now = toSqlDateTime(DateTime.utc())
    const row = {
      profile_id: profile.id,
      key: payload.key,
      type: payload.type,
      label_es: payload.label.es,
      label_en: payload.label.en,
      help_es: payload.help?.es ?? null,
      help_en: payload.help?.en ?? null,
      required: payload.required ? 1 : 0,
      default_value: null as string | null,
      options: options ? JSON.stringify(options) : null,
      min: payload.min ?? null,
      max: payload.max ?? null,
      group_name: payload.group ?? null,
      sort_order: await nextOrder(profile.id),
      status: 'active',
      created_at: now,
      updated_at: now,
    }
    row.default_value = defaultText({ ...row, id: 0 } as FieldRow, payload.defaultValue)

    await ColumnManager.add(payload.key, payload.type)
    let id: number
    try {
      id = await db.transaction(async (trx) => {
        const [created] = await trx.insertQuery().table('cf_fields').insert(row)
        await AuditLog.record(trx, actorFromContext(ctx), {
          action: 'create',
          resource: 'cf_fields',
          recordId: created,
          after: { ...payload, options },
        })
        return Number(created)
      })
    } catch (error) {
      await ColumnManager.drop(payload.key, payload.type)
      throw error
    }
    customFields.invalidate()
    return ctx.response.created({ data: presentField(await findField(db.connection(), id)) })
  }

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

  async retire(ctx: HttpContext) {
    await ctx.request.validateUsing(confirmValidator)
    return this.#setStatus(ctx, 'retired')
  }

  async restore(ctx: HttpContext) {
    return this.#setStatus(ctx, 'active')
  }

  async #setStatus(ctx: HttpContext, status: 'active' | 'retired') {
    authorize(ctx, MANAGE)
    const field = await findField(db.connection(), ctx.params.id)
    await db.transaction(async (trx) => {
      await trx
        .from('cf_fields')
        .where('id', field.id)
        .update({ status, updated_at: toSqlDateTime(DateTime.utc()) })
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: status === 'retired' ? 'retire' : 'restore',
        resource: 'cf_fields',
        recordId: field.id,
        before: { status: field.status },
        after: { status },
      })
    })
    customFields.invalidate()
    return { data: presentField(await findField(db.connection(), field.id)) }
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

/** Client columns that are not custom fields: the built-in card. */
async function builtinColumns() {
  const columns = await ColumnManager.columns()
  for (const key of await usedKeys()) columns.delete(key)
  return columns
}

async function usedKeys() {
  const rows = await db.from('cf_fields').select('key')
  return new Set(rows.map((row) => row.key as string))
}

async function nextOrder(profileId: number) {
  const [row] = await db.from('cf_fields').where('profile_id', profileId).max('sort_order as top')
  return Number(row?.top ?? 0) + 1
}
