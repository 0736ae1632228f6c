import vine from '@vinejs/vine'
import { CUSTOM_FIELD_TYPES } from './field_types.ts'
import { OPTION_VALUE } from '../shared/field_rules.ts'

const translated = () =>
  vine.object({
    es: vine.string().trim().minLength(1).maxLength(120),
    en: vine.string().trim().minLength(1).maxLength(120),
  })

/** Option values are stored inside ",a,b," for multiselects: no commas. */
const options = () =>
  vine
    .array(
      vine.object({
        value: vine.string().trim().regex(OPTION_VALUE),
        label: translated(),
      })
    )
    .minLength(1)
    .maxLength(200)

export const reorderValidator = vine.compile(
  vine.object({
    fieldIds: vine
      .array(vine.number().withoutDecimals().positive())
      .distinct()
      .minLength(1)
      .maxLength(500),
  })
)

export const confirmValidator = vine.compile(vine.object({ confirm: vine.literal(true) }))

export const changeTypeValidator = vine.compile(
  vine.object({
    type: vine.enum(CUSTOM_FIELD_TYPES),
    options: options().optional(),
    confirm: vine.literal(true),
  })
)
