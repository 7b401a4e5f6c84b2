import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import User from '#models/user'
import { ApiError } from '#exceptions/api_error'

/**
 * Picks the guard from the credentials: a bearer token is never combined
 * with a session cookie (that is what makes skipping CSRF for bearer
 * requests safe). Agent tokens carry their own prefix.
 * Deactivated users are refused on every request, whatever they hold.
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const header = ctx.request.header('authorization', '')!
    if (header.startsWith('Bearer ')) {
      const token = header.slice(7).trim()
      await ctx.auth.authenticateUsing([token.startsWith('mca_') ? 'agent' : 'api'])
    } else {
      await ctx.auth.authenticateUsing(['web'])
    }

    const actor = ctx.auth.user
    if (actor instanceof User && !actor.isActive) {
      if (ctx.auth.authenticatedViaGuard === 'web') await ctx.auth.use('web').logout()
      throw new ApiError(401, 'This account is deactivated', { code: 'E_ACCOUNT_DISABLED' })
    }
    return next()
  }
}
