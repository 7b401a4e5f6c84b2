/**
 * The typed agent client: `new AgentClient({ baseUrl, token })`.
 * See docs/AGENT_CLIENT.md for a walk-through.
 */
export { AgentClient } from './agent_client.js'
export type { AgentClientOptions, RequestOptions, RetryNotice } from './agent_client.js'
export { ApiError, NetworkError, isAbortError } from './errors.js'
export type { ApiErrorItem } from './errors.js'
export { DEFAULT_RETRY, backoffDelay, nextDelay, parseRetryAfter } from './retry.js'
export type { RetryPolicy } from './retry.js'
export * from './types.js'
