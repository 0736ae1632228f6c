import vine from '@vinejs/vine'

export const RECORD_TYPES = ['all', 'assigned', 'unassigned'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** Whatever Asignaciones counts: a campaign's clients by the engine's filter tree. */
const selection = {
  campaignId: vine.number().withoutDecimals().positive(),
  filter: vine.any().optional(),
  recordType: vine.enum(RECORD_TYPES).optional(),
  limit: vine.number().withoutDecimals().positive().max(10_000_000).optional().nullable(),
}

export const assignmentCountValidator = vine.compile(vine.object(selection))

/**
 * An assignment or unassignment of that set. `expected` is what the
 * supervisor confirmed (the counts shown): a different set by the time it
 * runs is a 409, never a surprise.
 */
export const assignmentValidator = vine.compile(
  vine.object({
    ...selection,
    mode: vine.enum(['assign', 'unassign'] as const),
    userIds: vine
      .array(vine.number().withoutDecimals().positive())
      .maxLength(500)
      .distinct()
      .optional(),
    expected: vine.object({
      matched: vine.number().withoutDecimals().min(0),
      assigned: vine.number().withoutDecimals().min(0),
    }),
  })
)

export type AssignmentSelection = Awaited<ReturnType<typeof assignmentCountValidator.validate>>
export type AssignmentInput = Awaited<ReturnType<typeof assignmentValidator.validate>>
