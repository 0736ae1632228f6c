import vine from '@vinejs/vine'

export const campaignAgentsValidator = vine.compile(
  vine.object({
    userIds: vine.array(vine.number().withoutDecimals().positive()).maxLength(1000).distinct(),
  })
)
