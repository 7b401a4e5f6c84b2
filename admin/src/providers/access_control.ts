import type { AccessControlProvider, CanReturnType } from '@refinedev/core'
import { fetchMe, peekMe, type Me } from './auth'
import type { AccessRule, AccessRules, RuleContext } from '../plugin_api'
import { isDisabledOnServer } from '../registry'

/*
| The UI asks the server's rules instead of re-implementing them: GET
| /api/auth/me lists the caller's permissions (the role table of
| docs/PERMISSIONS.md), and each screen action names the permission it
| needs. The server still refuses whatever the UI lets through.
*/

export type { AccessRule, AccessRules, RuleContext }

const rules: AccessRules = {}

/** Adds (or replaces) rules; the host's screens and every plugin call it once at startup. */
export function registerAccessRules(more: AccessRules | undefined) {
  for (const [resource, actions] of Object.entries(more ?? {})) {
    rules[resource] = { ...rules[resource], ...actions }
  }
}

const NOT_ALLOWED = 'Your role does not allow this'

function evaluate(
  rule: AccessRule,
  context: RuleContext
): { can: true } | { can: false; reason: string } {
  if (typeof rule === 'function') {
    const answer = rule(context)
    return answer === true ? { can: true } : { can: false, reason: answer }
  }
  const needed = typeof rule === 'string' ? [rule] : rule
  if (needed.some((permission) => context.permissions.has(permission))) return { can: true }
  return { can: false, reason: NOT_ALLOWED }
}

function decide(
  me: Me | null,
  resource: string | undefined,
  action: string,
  params?: Record<string, unknown>
): CanReturnType {
  if (resource && isDisabledOnServer(resource)) {
    return { can: false, reason: 'This plugin is not enabled on the server' }
  }
  const rule = resource ? rules[resource]?.[action] : undefined
  if (!rule) return { can: true }
  if (!me) return { can: false, reason: 'Sign in first' }
  return evaluate(rule, { permissions: new Set(me.permissions), params })
}

/**
 * The same answer as `useCan`, outside React (an event handler deciding
 * before it sends). Without a rule the action is allowed here and left to
 * the server; reading screens (`list`, `show`) need `records.read` at most.
 */
export async function checkAccess(
  resource: string | undefined,
  action: string,
  params?: Record<string, unknown>
): Promise<CanReturnType> {
  // who asks also says which plugins the server runs (fetched once, then cached)
  const me = await fetchMe().catch(() => null)
  return decide(me, resource, action, params)
}

/**
 * checkAccess's answer now, when who asks is known already (peekMe);
 * `undefined` when it takes a round trip.
 */
export function checkAccessNow(
  resource: string | undefined,
  action: string,
  params?: Record<string, unknown>
): CanReturnType | undefined {
  const me = peekMe()
  return me ? decide(me, resource, action, params) : undefined
}

/** Synchronous variant for code that already holds the permissions list. */
export function allows(
  permissions: readonly string[] | undefined,
  resource: string,
  action: string,
  params?: Record<string, unknown>
): CanReturnType {
  const rule = rules[resource]?.[action]
  if (!rule) return { can: true }
  return evaluate(rule, { permissions: new Set(permissions ?? []), params })
}

export const accessControlProvider: AccessControlProvider = {
  can: ({ resource, action, params }) =>
    checkAccess(resource, action, params as Record<string, unknown> | undefined),
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
  },
}
