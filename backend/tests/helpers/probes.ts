/**
 * Requests for the fault tests, each with a deadline: a request that gets
 * no answer in time resolves with `status: 'timeout'` instead of hanging
 * the test, so a test can say "answered, and with what" about a server
 * whose database is frozen.
 */
import { performance } from 'node:perf_hooks'

export interface Probe {
  status: number | 'timeout' | 'network error'
  body: any
  headers: Headers | null
  /** milliseconds until the whole answer was read */
  ms: number
}

export async function probe(
  base: string,
  method: string,
  path: string,
  options: {
    token?: string
    cookies?: string
    body?: unknown
    headers?: Record<string, string>
    timeoutMs?: number
  } = {}
): Promise<Probe> {
  const started = performance.now()
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.cookies ? { cookie: options.cookies } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    })
    const text = await response.text()
    let body: any = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {}
    return {
      status: response.status,
      body,
      headers: response.headers,
      ms: performance.now() - started,
    }
  } catch (error) {
    const name = (error as Error).name
    return {
      status: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network error',
      body: String((error as Error).message),
      headers: null,
      ms: performance.now() - started,
    }
  }
}

/** `{status, code}` of a probe, for readable assertion messages. */
export function outcome(answer: Probe) {
  return `${answer.status} ${answer.body?.errors?.[0]?.code ?? ''}`.trim()
}

/** Median and maximum of some durations, rounded, for the test output. */
export function spread(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  return {
    median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    max: Math.round(sorted[sorted.length - 1] ?? 0),
  }
}
