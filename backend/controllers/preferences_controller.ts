import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import { ApiException } from '#exceptions/api_exception'
import { updatePreferencesValidator, type Theme } from '#validators/preference'
import { actorFromContext, recordChange } from '#services/change_recorder'

/** What a person gets before choosing anything. */
const DEFAULTS: { theme: Theme } = { theme: 'system' }

async function preferencesOf(userId: string, client: QueryClientContract = db.connection()) {
  const row = await client.from('user_preferences').where('user_id', userId).first()
  return { theme: (row?.theme as Theme | undefined) ?? DEFAULTS.theme }
}

function person(ctx: HttpContext): User {
  const actor = ctx.auth.user
  if (!(actor instanceof User)) {
    throw ApiException.forbidden('Preferences are for people: an agent has no admin to show')
  }
  return actor
}

/**
 * The signed-in person's own preferences for the admin (the colour theme),
 * kept on the server so that they follow the person to every device.
 */
export default class PreferencesController {
  /** GET /api/auth/preferences */
  async show(ctx: HttpContext) {
    return preferencesOf(person(ctx).id)
  }

  /** PATCH /api/auth/preferences: only the fields sent change; recorded like any change. */
  async update(ctx: HttpContext) {
    const user = person(ctx)
    const data = await ctx.request.validateUsing(updatePreferencesValidator)
    const before = await preferencesOf(user.id)
    const after = { ...before, ...data }
    if (JSON.stringify(before) === JSON.stringify(after)) return after
    return recordChange(
      actorFromContext(ctx),
      async (trx) => {
        await trx.rawQuery(
          `INSERT INTO user_preferences (user_id, theme, updated_at) VALUES (?, ?, now())
           ON CONFLICT (user_id) DO UPDATE SET theme = EXCLUDED.theme, updated_at = now()`,
          [user.id, after.theme]
        )
        return preferencesOf(user.id, trx)
      },
      {
        action: 'user.preferences_updated',
        resourceType: 'users',
        resourceId: user.id,
        before,
        after: (saved) => saved,
      }
    )
  }
}
