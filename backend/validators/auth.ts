import vine from '@vinejs/vine'
import { newPassword } from '#services/password_policy'

export const loginValidator = vine.create(
  vine.object({
    email: vine.string().trim().maxLength(254),
    password: vine.string().maxLength(200),
  })
)

export const createTokenValidator = vine.create(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(100),
  })
)

/** A person changing their own password; `meta.email` lets the policy refuse one made of it. */
export const changePasswordValidator = vine.create(
  vine.object({
    current_password: vine.string().maxLength(200),
    password: newPassword(),
  })
)
