import vine from '@vinejs/vine'

/** PUT /api/permissions: the cells an admin changed. Roles and keys are checked against the catalogue. */
export const permissionChangesValidator = vine.compile(
  vine.object({
    changes: vine
      .array(
        vine.object({
          role: vine.string().maxLength(20),
          permission: vine.string().maxLength(150),
          granted: vine.boolean(),
        })
      )
      .minLength(1)
      .maxLength(5000),
  })
)

/** POST /api/permissions/restore: one permission, or every one when `permission` is absent. */
export const restorePermissionsValidator = vine.compile(
  vine.object({
    permission: vine.string().maxLength(150).optional(),
  })
)
