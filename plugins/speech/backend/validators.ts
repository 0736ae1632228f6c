import vine from '@vinejs/vine'

/** 256 KB of HTML is a long script; anything bigger is a mistake. */
const html = () => vine.string().maxLength(262_144)

export const createScriptValidator = vine.compile(
  vine.object({
    campaignId: vine.number().withoutDecimals().positive(),
    title: vine.string().trim().minLength(1).maxLength(200),
    html: html(),
  })
)

export const updateScriptValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200).optional(),
    html: html().optional(),
  })
)

export const renderValidator = vine.compile(
  vine.object({
    campaignId: vine.number().withoutDecimals().positive(),
    clientId: vine.number().withoutDecimals().positive().optional(),
  })
)
