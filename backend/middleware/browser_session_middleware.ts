import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'

const SESSION_COOKIE = 'mc_session='
/* By route pattern, not URL: `/api/auth/login/` or `?x` reach the same route. */
const STARTS_A_SESSION = new Set(['/api/auth/login'])

let headersOnly: ShieldMiddleware | undefined

/** Shield's security headers without CSRF, which needs a session. */
async function headersOnlyShield() {
  if (!headersOnly) {
    const config = app.config.get<ShieldConfig>('shield')
    headersOnly = new ShieldMiddleware(
      { ...config, csrf: { ...config.csrf, enabled: false } },
      await app.container.make('encryption')
    )
  }
  return headersOnly
}

/**
 * Sessions, and the CSRF protection that rides on them, only for requests
 * that carry a session cookie or are logging in. A script or an agent with
 * a bearer token, a health check or an anonymous probe gets no session: no
 * session row written per request, no cookies handed out. Security
 * headers are set on every answer.
 */
export default class BrowserSessionMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const bearer = ctx.request.header('authorization', '')!.startsWith('Bearer ')
    const hasSession = ctx.request.header('cookie', '')!.includes(SESSION_COOKIE)
    if (!bearer && (hasSession || STARTS_A_SESSION.has(ctx.route?.pattern ?? ''))) {
      return this.#withSession(ctx, next)
    }
    if (headersOnly) return headersOnly.handle(ctx, next)
    return headersOnlyShield().then((shield) => shield.handle(ctx, next))
  }

  async #withSession(ctx: HttpContext, next: NextFn) {
    const session = await ctx.containerResolver.make(SessionMiddleware)
    const shield = await ctx.containerResolver.make(ShieldMiddleware)
    return session.handle(ctx, () => shield.handle(ctx, next))
  }
}
