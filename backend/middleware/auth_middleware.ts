import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import User from '#models/user'
import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { controlsFor } from '#services/controls'
import { sessionIsCurrent } from '#services/session_stamp'
import { enforceAgentRateLimits } from '#services/agent_rate_limits'

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/*
 * Writes a paused agent may still make: its heartbeat, listening for resume,
 * reporting what it already spent (usage, settling a reservation), and MCP requests (each tool call is a REST request of its own, refused
 * there while paused: reading its controls over MCP must work).
 */
const ALLOWED_WHILE_PAUSED = new Set([
  '/api/agents/me/heartbeat',
  '/api/agents/me/usage',
  '/api/agents/me/reservations/:id/settle',
  '/mcp',
  '/__transmit/subscribe',
  '/__transmit/unsubscribe',
])

/**
 * Picks the guard from the credentials: a bearer token is never combined
 * with a session cookie (that is what makes skipping CSRF for bearer
 * requests safe). Agent tokens carry their own prefix.
 * Deactivated users are refused on every request, whatever they hold, and
 * a paused agent (itself, or all of them) may not write: 423. An agent over
 * its rate limits is refused first: 429 (services/agent_rate_limits.ts).
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const header = ctx.request.header('authorization', '')!
    if (header.startsWith('Bearer ')) {
      const token = header.slice(7).trim()
      await ctx.auth.authenticateUsing([token.startsWith('mca_') ? 'agent' : 'api'])
    } else if (ctx.session) {
      await ctx.auth.authenticateUsing(['web'])
    } else {
      // no bearer token and no session cookie: nothing to authenticate with
      throw new ApiException(401, 'Authentication required', { code: 'E_UNAUTHORIZED' })
    }

    const actor = ctx.auth.user
    if (actor instanceof User && !actor.isActive) {
      if (ctx.auth.authenticatedViaGuard === 'web') await ctx.auth.use('web').logout()
      throw new ApiException(401, 'This account is deactivated', { code: 'E_ACCOUNT_DISABLED' })
    }
    if (
      actor instanceof User &&
      ctx.auth.authenticatedViaGuard === 'web' &&
      !sessionIsCurrent(ctx, actor)
    ) {
      await ctx.auth.use('web').logout()
      throw new ApiException(401, 'Your password was changed: log in again', {
        code: 'E_SESSION_ENDED',
      })
    }
    if (actor instanceof Agent) await enforceAgentRateLimits(ctx, actor)
    if (
      actor instanceof Agent &&
      !READ_METHODS.has(ctx.request.method()) &&
      !ALLOWED_WHILE_PAUSED.has(ctx.route?.pattern ?? '')
    ) {
      const controls = await controlsFor(actor)
      if (controls.paused) {
        throw new ApiException(423, `${controls.reason}: writes are refused until resumed`, {
          code: 'E_AGENT_PAUSED',
        })
      }
    }
    return next()
  }
}
