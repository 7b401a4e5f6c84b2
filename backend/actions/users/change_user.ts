import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { actorFromContext } from '#services/change_recorder'
import { keepSessionCurrent } from '#services/session_stamp'
import { updateUser, type UserChanges } from '#actions/users/update_user'

/**
 * updateUser for a request: a person changing their own password keeps the
 * session or token they are using; every other session and token of theirs
 * ends.
 */
export async function changeUser(ctx: HttpContext, id: string, changes: UserChanges) {
  const actor = ctx.auth.user
  const self = actor instanceof User && actor.id === id
  const viaToken = self && ctx.auth.authenticatedViaGuard === 'api'
  const user = await updateUser.handle(actorFromContext(ctx), id, changes, {
    keepToken: viaToken ? Number((actor as User).currentAccessToken!.identifier) : null,
  })
  if (self && changes.password && ctx.auth.authenticatedViaGuard === 'web') {
    keepSessionCurrent(ctx, user)
  }
  return user
}
