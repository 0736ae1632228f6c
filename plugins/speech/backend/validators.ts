import vine from '@vinejs/vine'

export const renderValidator = vine.compile(
  vine.object({
    campaignId: vine.number().withoutDecimals().positive(),
    clientId: vine.number().withoutDecimals().positive().optional(),
  })
)
