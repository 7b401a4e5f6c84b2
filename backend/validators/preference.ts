import vine from '@vinejs/vine'

/** `system` follows the device (prefers-color-scheme). */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** PATCH /api/auth/preferences: what changes; the rest stays. */
export const updatePreferencesValidator = vine.create(
  vine.object({
    theme: vine.enum(THEMES).optional(),
  })
)
