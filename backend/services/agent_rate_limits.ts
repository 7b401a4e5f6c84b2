/**
 * Rate limits per agent: requests per minute and writes per minute (a write
 * is any request but GET, HEAD and OPTIONS), on every /api route and on
 * POST /mcp, counted through @adonisjs/limiter.
 *
 * - What an agent may do: its own value, else its type's, else the defaults
 *   (AGENT_REQUESTS_PER_MINUTE, AGENT_WRITES_PER_MINUTE), field by field;
 *   0 is unlimited. The settings (the agent_rate_limits table, a few rows)
 *   are kept by each instance for CACHE_MS at most: an admin's change is
 *   dropped at once on the instance that recorded it and, through the
 *   realtime bus, on the others; if that bus is down, within CACHE_MS.
 * - Where the counts live: in Redis with REDIS_URL (every instance shares
 *   them: the limit holds across instances), else in PostgreSQL (the
 *   database store, table rate_limits: shared as well). While Redis is
 *   unreachable the database store counts instead (a minute may then let
 *   through up to twice the limit: what Redis counted is not carried over),
 *   and if that fails too the request goes through unlimited: a limiter
 *   that is down never answers 500. Each outage is logged once, as a warning.
 * - Over the limit: 429 E_RATE_LIMITED with Retry-After (seconds until the
 *   minute's window ends), X-RateLimit-Limit and X-RateLimit-Remaining (0);
 *   the request is refused before its controller runs, so nothing is
 *   written. Requests that pass carry X-RateLimit-Limit/-Remaining of the
 *   tighter of the limits they counted against.
 */
import type { IncomingMessage } from 'node:http'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors, type LimiterResponse } from '@adonisjs/limiter'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import type Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { onRecorded, type RecordedEvent } from '#services/change_recorder'
import { onForeignEvent } from '#services/realtime'
import { LIMIT_FIELDS, type LimitField, type LimitSource } from '#enums/rate_limit'

export type Limits = Record<LimitField, number>

/** The recorded actions of the settings: seeing one drops the settings an instance keeps. */
export const RATE_LIMIT_ACTIONS = {
  agentSet: 'agent.rate_limits_set',
  agentCleared: 'agent.rate_limits_cleared',
  typeSet: 'agent.type_rate_limits_set',
  typeCleared: 'agent.type_rate_limits_cleared',
} as const
const ACTIONS = new Set<string>(Object.values(RATE_LIMIT_ACTIONS))

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const WINDOW_SECONDS = 60
/* How long an instance keeps the settings without reading them again. */
const CACHE_MS = 5_000
/* After Redis failed, how long to count in the database before trying Redis again. */
const REDIS_RETRY_MS = 5_000
/* The first requests after boot wait this long at most for the Redis connection. */
const FIRST_CONNECT_WAIT_MS = 2_000

/** One row of agent_rate_limits: an agent type's or an agent's own values (null: inherited). */
export interface LimitSetting {
  agent_type: string | null
  agent_id: string | null
  requests_per_minute: number | null
  writes_per_minute: number | null
  updated_by: string | null
  updated_at: string
}

/** What an agent may do, and where each value comes from. */
export interface EffectiveLimits extends Limits {
  sources: Record<LimitField, LimitSource>
}

function setting(name: 'AGENT_REQUESTS_PER_MINUTE' | 'AGENT_WRITES_PER_MINUTE', fallback: number) {
  const value = env.get(name)
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback
}

/** The defaults of every agent (environment). */
export function defaultLimits(): Limits {
  return {
    requests_per_minute: setting('AGENT_REQUESTS_PER_MINUTE', 600),
    writes_per_minute: setting('AGENT_WRITES_PER_MINUTE', 300),
  }
}

/** The store that counts: Redis when REDIS_URL is set, else the database. */
export function limitStore(): 'redis' | 'database' {
  return env.get('REDIS_URL') ? 'redis' : 'database'
}

export function toSetting(row: Record<string, any>): LimitSetting {
  return {
    agent_type: row.agent_type ?? null,
    agent_id: row.agent_id ?? null,
    requests_per_minute: row.requests_per_minute ?? null,
    writes_per_minute: row.writes_per_minute ?? null,
    updated_by: row.updated_by ?? null,
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

/* ---------------------------------------------------------------- settings */

interface Settings {
  types: Map<string, LimitSetting>
  agents: Map<string, LimitSetting>
}

let kept: { settings: Promise<Settings>; until: number } | null = null
/* Bumped by every change: settings read before a change are not kept after it. */
let generation = 0

async function readSettings(): Promise<Settings> {
  const rows = await db.from('agent_rate_limits').select('*')
  const settings: Settings = { types: new Map(), agents: new Map() }
  for (const row of rows.map(toSetting)) {
    if (row.agent_id) settings.agents.set(row.agent_id, row)
    else if (row.agent_type) settings.types.set(row.agent_type, row)
  }
  return settings
}

/** Every agent type's and agent's settings, as this instance keeps them (one read per CACHE_MS). */
function currentSettings(): Promise<Settings> {
  if (kept && kept.until > Date.now()) return kept.settings
  const readAt = generation
  const settings = readSettings()
  const entry = { settings, until: Date.now() + CACHE_MS }
  kept = entry
  settings.then(
    () => {
      if (readAt !== generation && kept === entry) kept = null
    },
    () => {
      if (kept === entry) kept = null
    }
  )
  return settings
}

/** Drops the settings this instance keeps: the next request reads them again. */
export function forgetRateLimitSettings() {
  generation++
  kept = null
}

function onChange(event: RecordedEvent) {
  if (ACTIONS.has(event.action)) forgetRateLimitSettings()
}
onRecorded(onChange)
onForeignEvent(onChange)

/** An agent's limits from the settings: its own value, else its type's, else the default. */
export function resolveLimits(
  own: LimitSetting | null | undefined,
  ofType: LimitSetting | null | undefined,
  defaults: Limits = defaultLimits()
): EffectiveLimits {
  const limits = { sources: {} } as EffectiveLimits
  for (const field of LIMIT_FIELDS) {
    if (own && own[field] !== null) {
      limits[field] = own[field]!
      limits.sources[field] = 'agent'
    } else if (ofType && ofType[field] !== null) {
      limits[field] = ofType[field]!
      limits.sources[field] = 'agent_type'
    } else {
      limits[field] = defaults[field]
      limits.sources[field] = 'default'
    }
  }
  return limits
}

/** The limits that apply to an agent now (as every instance applies them within CACHE_MS). */
export async function limitsOf(agent: { id: string; type: string }) {
  const settings = await currentSettings()
  return resolveLimits(settings.agents.get(agent.id), settings.types.get(agent.type))
}

/* ---------------------------------------------------------------- counting */

/*
| Requests this server makes to itself for a request it already counted:
| each MCP tool call is the REST request it names (mcp/server.ts). The tool
| call counts as a write when it writes, not as one more request.
*/
const inProcess = new WeakSet<IncomingMessage>()

/** Marks a request this server sends itself on behalf of a counted one (see above). */
export function markInProcessRequest(request: IncomingMessage) {
  inProcess.add(request)
}

let redisFirstReady: Promise<void> | null = null
let redisRetryAt = 0
const failing = { redis: false, database: false }

async function warn(message: string) {
  const { default: logger } = await import('@adonisjs/core/services/logger')
  logger.warn(message)
}

async function info(message: string) {
  const { default: logger } = await import('@adonisjs/core/services/logger')
  logger.info(message)
}

/**
 * The Redis connection of the limiter's store, made on first use. Its
 * errors are not logged one by one (@adonisjs/redis logs every retry as
 * fatal): an outage is logged once, where it is noticed (`failed`). The
 * first requests after boot wait for the connection rather than count in
 * the database.
 */
async function redisReady() {
  if (!redisFirstReady) {
    redisFirstReady = (async () => {
      const redis = await app.container.make('redis')
      redis.doNotLogErrors()
      const connection = redis.connection('limiter')
      if (connection.status === 'ready') return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS)
        connection.ioConnection.once('ready', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    })()
  }
  await redisFirstReady
}

function failed(store: 'redis' | 'database', error: unknown) {
  if (failing[store]) return
  failing[store] = true
  const reason = error instanceof Error ? error.message : String(error)
  const what =
    store === 'redis'
      ? `Redis is unreachable (${reason}): agents are rate limited through the database until it is back`
      : `the database cannot count (${reason}): agents are not rate limited until it can`
  void warn(`Agent rate limits: ${what}`).catch(() => {})
}

function recovered(store: 'redis' | 'database') {
  if (!failing[store]) return
  failing[store] = false
  void info(
    `Agent rate limits: counting in ${store === 'redis' ? 'Redis' : 'the database'} again`
  ).catch(() => {})
}

/**
 * Counts one request against `limit` per minute under `key`. Returns the
 * count, throws the limiter's E_TOO_MANY_REQUESTS over the limit, and null
 * when no store could count (the request then goes through).
 */
async function consume(key: string, limit: number): Promise<LimiterResponse | null> {
  /* once refused, this instance refuses the key in memory until the window ends (no store trip) */
  const options = () => ({
    requests: limit,
    duration: WINDOW_SECONDS,
    inMemoryBlockOnConsumed: limit + 1,
  })
  if (limitStore() === 'redis' && Date.now() >= redisRetryAt) {
    try {
      await redisReady()
      const response = await limiter.use('redis', options()).consume(key)
      recovered('redis')
      return response
    } catch (error) {
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) throw error
      redisRetryAt = Date.now() + REDIS_RETRY_MS
      failed('redis', error)
    }
  }
  try {
    const response = await limiter.use('database', options()).consume(key)
    recovered('database')
    return response
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) throw error
    failed('database', error)
    return null
  }
}

const WORDS: Record<LimitField, string> = {
  requests_per_minute: 'requests',
  writes_per_minute: 'writes',
}
const FROM: Record<LimitSource, string> = {
  agent: "this agent's own limit",
  agent_type: "its agent type's limit",
  default: 'the default for every agent',
}

function refusal(field: LimitField, limits: EffectiveLimits, response: LimiterResponse) {
  const retryAfter = Math.max(1, response.availableIn)
  return new ApiException(
    429,
    `Rate limit reached: at most ${limits[field]} ${WORDS[field]} per minute (${FROM[limits.sources[field]]}); try again in ${retryAfter} s`,
    {
      code: 'E_RATE_LIMITED',
      headers: {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': String(limits[field]),
        'X-RateLimit-Remaining': '0',
      },
      meta: { limit: field, retry_after: retryAfter },
    }
  )
}

/**
 * Counts an agent's request against its limits (auth middleware, after the
 * agent is known): every request against requests per minute, a write also
 * against writes per minute. Over a limit: 429, before anything is written.
 */
export async function enforceAgentRateLimits(ctx: HttpContext, agent: Agent) {
  const pattern = ctx.route?.pattern ?? ''
  if (!pattern.startsWith('/api/') && pattern !== '/mcp') return
  const limits = await limitsOf(agent)
  const method = ctx.request.method()
  const counted: LimitField[] = []
  /* POST /mcp carries reads and writes alike: its tool calls count their own writes */
  if (!inProcess.has(ctx.request.request)) counted.push('requests_per_minute')
  if (!READ_METHODS.has(method) && pattern !== '/mcp') counted.push('writes_per_minute')

  let tightest: { field: LimitField; response: LimiterResponse } | null = null
  for (const field of counted) {
    const limit = limits[field]
    if (limit === 0) continue
    const key = `agent_${field === 'requests_per_minute' ? 'requests' : 'writes'}_${agent.id}`
    let response: LimiterResponse | null
    try {
      response = await consume(key, limit)
    } catch (error) {
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
        throw refusal(field, limits, error.response)
      }
      throw error
    }
    if (response && (!tightest || response.remaining < tightest.response.remaining)) {
      tightest = { field, response }
    }
  }
  if (tightest) {
    ctx.response.header('X-RateLimit-Limit', String(tightest.response.limit))
    ctx.response.header('X-RateLimit-Remaining', String(Math.max(0, tightest.response.remaining)))
  }
}
