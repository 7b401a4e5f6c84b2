/**
 * When and how long the client waits before trying a request again: 429,
 * 503 and connection failures (a server restarting) are retried with
 * exponential backoff and jitter, honoring Retry-After, within bounds.
 */
import { abortReason } from './errors.js'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** The first backoff step; each retry doubles it. */
  baseDelayMs: number
  /** The largest backoff step. */
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for: the error is thrown at once. */
  maxRetryAfterMs: number
  /** No retry starts later than this after the first attempt. */
  maxElapsedMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 8,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  maxElapsedMs: 120_000,
}

/**
 * Exponential backoff with "equal jitter": half the step for sure, half at
 * random, so waits grow and agents that failed together do not retry together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random) {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(step / 2 + (random() * step) / 2)
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/**
 * The wait before retry number `attempt` (0-based), or null when the
 * policy says to give up: out of retries, Retry-After too long, or the
 * time budget spent.
 */
export function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  retryAfterMs: number | null,
  random = Math.random
): number | null {
  if (attempt >= policy.retries) return null
  if (retryAfterMs !== null && retryAfterMs > policy.maxRetryAfterMs) return null
  const delay =
    retryAfterMs !== null
      ? retryAfterMs + Math.round(random() * policy.baseDelayMs)
      : backoffDelay(attempt, policy, random)
  if (elapsedMs + delay > policy.maxElapsedMs) return null
  return delay
}

/* The request never reached the server: safe to send again, whatever it is. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** The code of a network failure, looking through fetch's `cause` chain and AggregateErrors. */
export function networkErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  const queue = [error]
  while (queue.length > 0) {
    const current = queue.shift() as { code?: unknown; cause?: unknown; errors?: unknown }
    if (!current || typeof current !== 'object' || seen.has(current)) continue
    seen.add(current)
    if (typeof current.code === 'string' && current.code !== 'ABORT_ERR') return current.code
    if (current.cause) queue.push(current.cause)
    if (Array.isArray(current.errors)) queue.push(...current.errors)
  }
  return undefined
}

/**
 * Whether a failed fetch may be retried: always when the connection was
 * never made (ECONNREFUSED while the server restarts), otherwise only when
 * repeating the request is harmless.
 */
export function mayRetryNetworkError(code: string | undefined, repeatable: boolean) {
  return (code !== undefined && NOT_SENT.has(code)) || repeatable
}

/** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal))
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortReason(signal!))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
