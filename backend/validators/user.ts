import vine from '@vinejs/vine'
import { ROLES } from '#enums/roles'

const password = () => vine.string().minLength(8).maxLength(200)

export const createUserValidator = vine.compile(
  vine.object({
    email: vine
      .string()
      .trim()
      .email()
      .maxLength(254)
      .normalizeEmail({
        all_lowercase: true,
        gmail_remove_dots: false,
        gmail_remove_subaddress: false,
      })
      .unique({ table: 'users', column: 'email' }),
    role: vine.enum(ROLES),
    password: password(),
  })
)

export const updateUserValidator = vine.compile(
  vine.object({
    role: vine.enum(ROLES).optional(),
    is_active: vine.boolean({ strict: true }).optional(),
    password: password().optional(),
  })
)
