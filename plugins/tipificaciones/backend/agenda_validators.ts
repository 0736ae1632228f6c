import vine from '@vinejs/vine'

const instant = () => vine.string().trim().maxLength(40)
const id = () => vine.number().withoutDecimals().positive()

/** The calendar's window and the supervisor's filters. */
export const agendaRangeValidator = vine.compile(
  vine.object({
    from: instant(),
    to: instant(),
    userId: id().optional(),
    campaignId: id().optional(),
  })
)

/** An event the user adds to the agenda (D5). */
export const agendaEventValidator = vine.compile(
  vine.object({
    clientId: id(),
    campaignId: id(),
    dueAt: instant(),
    userId: id().optional(),
    phone: vine.string().trim().maxLength(30).optional(),
    notes: vine.string().trim().maxLength(500).optional(),
    confirmUnknownPhone: vine.boolean().optional(),
  })
)

/** A move, reassignment (`userId`, null: back to the queue), phone or note change. */
export const agendaChangeValidator = vine.compile(
  vine.object({
    dueAt: instant().optional(),
    userId: id().nullable().optional(),
    phone: vine.string().trim().maxLength(30).optional(),
    notes: vine.string().trim().maxLength(500).nullable().optional(),
    confirmUnknownPhone: vine.boolean().optional(),
  })
)
