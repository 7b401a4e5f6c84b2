import vine from '@vinejs/vine'
import { ROLES } from '#enums/roles'
import { newPassword } from '#services/password_policy'

export const createUserValidator = vine.create(
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
    password: newPassword(),
  })
)

export const updateUserValidator = vine.create(
  vine.object({
    role: vine.enum(ROLES).optional(),
    is_active: vine.boolean({ strict: true }).optional(),
    password: newPassword().optional(),
  })
)
