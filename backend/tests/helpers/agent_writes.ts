import router from '@adonisjs/core/services/router'

export const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000'

/** Writes a paused agent may still make (auth middleware's ALLOWED_WHILE_PAUSED). */
export const STILL_ALLOWED = new Set([
  '/api/agents/me/heartbeat',
  '/api/agents/me/usage',
  '/api/agents/me/reservations/:id/settle',
  '/__transmit/subscribe',
  '/__transmit/unsubscribe',
])

/** Every route an agent could write to, host and plugins alike. */
export function agentWriteRoutes() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith('/api/'))
    .flatMap((route) =>
      route.methods
        .filter((method) => !['GET', 'HEAD'].includes(method))
        .map((method) => ({
          method,
          pattern: route.pattern,
          url: route.pattern.replace(/:(\w+)\??/g, (_, name) => {
            const matcher = (route.matchers as Record<string, { match?: RegExp }>)[name]?.match
            return !matcher || matcher.test(SAMPLE_UUID) ? SAMPLE_UUID : '1'
          }),
        }))
    )
    .filter((route) => route.pattern !== '/api/auth/login')
}
