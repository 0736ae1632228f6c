import vine from '@vinejs/vine'

export const notifyValidator = vine.compile(
  vine.object({
    channel: vine.enum(['sms', 'email'] as const),
    to: vine.string().trim().maxLength(254).optional(),
    subject: vine.string().trim().maxLength(200).optional().requiredWhen('channel', '=', 'email'),
    // An SMS must also fit one message (ClientNotifier counts it as the carrier does).
    body: vine.string().trim().minLength(1).maxLength(10_000),
  })
)

export const mergeValidator = vine.compile(
  vine.object({
    otherId: vine.number().withoutDecimals().positive(),
    survivorId: vine.number().withoutDecimals().positive(),
    confirm: vine.literal(true),
  })
)

export const MARKETING_CHANNELS = ['sms', 'email', 'whatsapp', 'push'] as const

export const marketingValidator = vine.compile(
  vine.object({
    sms: vine.boolean().optional(),
    email: vine.boolean().optional(),
    whatsapp: vine.boolean().optional(),
    push: vine.boolean().optional(),
  })
)

export const lookupValidator = vine.compile(
  vine.object({
    phone: vine.string().trim().minLength(4).maxLength(30),
  })
)
