import vine from '@vinejs/vine'
import { ROLES } from '#models/user'

const password = () =>
  vine
    .string()
    .minLength(8)
    .maxLength(200)
    .regex(/[A-Za-z]/)
    .regex(/\d/)

export const createUserValidator = vine.compile(
  vine.object({
    fullName: vine.string().trim().minLength(2).maxLength(150),
    email: vine
      .string()
      .trim()
      .toLowerCase()
      .email()
      .maxLength(254)
      .unique({ table: 'users', column: 'email' }),
    password: password(),
    role: vine.enum(ROLES),
    locale: vine.enum(['es', 'en'] as const).optional(),
    timezone: vine.string().trim().maxLength(64).optional(),
  })
)

export const updateUserValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    fullName: vine.string().trim().minLength(2).maxLength(150).optional(),
    email: vine
      .string()
      .trim()
      .toLowerCase()
      .email()
      .maxLength(254)
      .unique(async (query, value, field) => {
        const row = await query
          .from('users')
          .where('email', value)
          .whereNot('id', field.meta.userId)
          .first()
        return !row
      })
      .optional(),
    password: password().optional(),
    role: vine.enum(ROLES).optional(),
    active: vine.boolean().optional(),
    locale: vine.enum(['es', 'en'] as const).optional(),
    timezone: vine.string().trim().maxLength(64).optional(),
  })
)
