/**
 * Agents' rate limits (services/agent_rate_limits.ts): what is limited, and
 * where an agent's effective limit comes from. A pure module: the admin
 * imports it too.
 */
export const LIMIT_FIELDS = ['requests_per_minute', 'writes_per_minute'] as const
export type LimitField = (typeof LIMIT_FIELDS)[number]

/** Its own value, its agent type's, or the defaults of every agent (environment). */
export const LIMIT_SOURCES = ['agent', 'agent_type', 'default'] as const
export type LimitSource = (typeof LIMIT_SOURCES)[number]
