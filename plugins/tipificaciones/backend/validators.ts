import vine from '@vinejs/vine'
import { ACTIONS } from './result_rules.ts'

export const createResultValidator = vine.compile(
  vine.object({
    campaignIds: vine
      .array(vine.number().withoutDecimals().positive())
      .distinct()
      .minLength(1)
      .maxLength(100)
      .optional(),
    parentId: vine.number().withoutDecimals().positive().optional(),
    name: vine.string().trim().minLength(1).maxLength(120),
    action: vine.enum(ACTIONS).optional(),
    allowsScheduling: vine.boolean().optional(),
    deleteScheduled: vine.boolean().optional(),
    gamificationMeasure: vine.number().min(-100000).max(100000).optional(),
    confirmVoiceIgnoresAction: vine.boolean().optional(),
  })
)

export const gestionValidator = vine.compile(
  vine.object({
    clientId: vine.number().withoutDecimals().positive(),
    campaignId: vine.number().withoutDecimals().positive(),
    level1Id: vine.number().withoutDecimals().positive(),
    level2Id: vine.number().withoutDecimals().positive().optional(),
    level3Id: vine.number().withoutDecimals().positive().optional(),
    notes: vine.string().trim().maxLength(5000).optional(),
    callbackAt: vine.string().trim().maxLength(40).optional(),
    alternatePhone: vine.string().trim().maxLength(30).optional(),
    forMe: vine.boolean().optional(),
  })
)

export const rangeValidator = vine.compile(
  vine.object({
    from: vine
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    to: vine
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    campaignId: vine.number().withoutDecimals().positive().optional(),
    userId: vine.number().withoutDecimals().positive().optional(),
  })
)

export const importValidator = vine.compile(
  vine.object({
    campaignIds: vine
      .array(vine.number().withoutDecimals().positive())
      .distinct()
      .minLength(1)
      .maxLength(100),
    confirmVoiceIgnoresAction: vine.boolean().optional(),
  })
)
