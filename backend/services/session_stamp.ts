/**
 * A session remembers the user's credentials stamp (when the password last
 * changed) from its login; the auth middleware ends a session whose stamp
 * no longer matches, so a password change logs out every other browser,
 * whatever the session store (database, cookie, memory).
 */
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'

const KEY = 'credentials_stamp'

/** At login, and for the session a person changes their own password in. */
export function keepSessionCurrent(ctx: HttpContext, user: User) {
  ctx.session.put(KEY, user.credentialsStamp)
}

/** Whether this session was started under the user's current password. */
export function sessionIsCurrent(ctx: HttpContext, user: User) {
  return (ctx.session.get(KEY) ?? 0) === user.credentialsStamp
}
