import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { ApiException } from '#exceptions/api_exception'
import { BUDGET_PERIODS, BUDGET_SCOPES } from '#services/budgets'

/* USD amounts: positive, to the micro-dollar, at most a million per request */
const amount = () => vine.number().min(0).max(1_000_000).decimal([0, 6])
const tokenCount = () => vine.number().withoutDecimals().min(0).max(1_000_000_000_000)

const usageFields = {
  model: vine.string().trim().maxLength(200).nullable().optional(),
  input_tokens: tokenCount().optional(),
  output_tokens: tokenCount().optional(),
  cost_usd: amount(),
  task_id: vine.string().uuid().nullable().optional(),
}

export const usageValidator = vine.create(vine.object(usageFields))

export const settleValidator = vine.create(vine.object(usageFields))

export const reservationValidator = vine.create(
  vine.object({
    cost_usd: amount(),
    tokens: tokenCount().optional(),
    purpose: vine.string().trim().maxLength(500).optional(),
    /* seconds before an unsettled reservation is released: 10 s to a day */
    ttl_seconds: vine.number().withoutDecimals().min(10).max(86_400).optional(),
  })
)

const limits = {
  limit_usd: vine.number().positive().max(100_000_000).decimal([0, 4]).nullable().optional(),
  limit_tokens: vine.number().withoutDecimals().positive().max(1e15).nullable().optional(),
}

export const createBudgetValidator = vine.create(
  vine.object({
    scope: vine.enum(BUDGET_SCOPES),
    agent_id: vine.string().uuid().nullable().optional(),
    agent_type: vine.string().trim().maxLength(64).nullable().optional(),
    period: vine.enum(BUDGET_PERIODS),
    ...limits,
  })
)

export const updateBudgetValidator = vine.create(vine.object(limits))

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SERIES_PARAMS = ['bucket', 'from', 'to', 'agent_id', 'by'] as const
/* at most this many points in one answer */
const MAX_BUCKETS = 800

export interface SeriesQuery {
  bucket: 'hour' | 'day'
  from: Date
  to: Date
  agentId: string | null
  byAgent: boolean
}

function badQuery(message: string, field?: string) {
  return new ApiException(422, message, { field, code: 'E_INVALID_QUERY' })
}

function oneValue(qs: Record<string, unknown>, key: string): string | undefined {
  const raw = qs[key]
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string') throw badQuery(`Give ${key} once, as a single value`, key)
  return raw.trim() || undefined
}

function time(raw: string | undefined, key: string): Date | undefined {
  if (raw === undefined) return undefined
  const at = DateTime.fromISO(raw, { zone: 'utc' })
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || !at.isValid) {
    throw badQuery(`${key} must be an ISO 8601 time, like 2026-01-31T12:00:00Z`, key)
  }
  return at.toJSDate()
}

/**
 * GET /api/usage/series: `bucket` hour or day (day by default), `from`/`to`
 * (the last 30 days, or 48 hours by the hour, by default), `agent_id` for
 * one agent, `by=agent` for one line per agent. Unknown parameters: 422.
 */
export function parseSeriesQuery(qs: Record<string, unknown>): SeriesQuery {
  for (const key of Object.keys(qs)) {
    if (!(SERIES_PARAMS as readonly string[]).includes(key)) {
      throw badQuery(
        `Unknown parameter "${key}"; this endpoint takes: ${SERIES_PARAMS.join(', ')}`,
        key
      )
    }
  }
  const bucket = oneValue(qs, 'bucket') ?? 'day'
  if (bucket !== 'hour' && bucket !== 'day') throw badQuery('bucket is hour or day', 'bucket')
  const to = time(oneValue(qs, 'to'), 'to') ?? new Date()
  const span = bucket === 'hour' ? 48 * 3600_000 : 30 * 86_400_000
  const from = time(oneValue(qs, 'from'), 'from') ?? new Date(to.getTime() - span)
  if (from >= to) throw badQuery('from must be before to', 'from')
  const step = bucket === 'hour' ? 3600_000 : 86_400_000
  if ((to.getTime() - from.getTime()) / step > MAX_BUCKETS) {
    throw badQuery(`At most ${MAX_BUCKETS} ${bucket}s at once: narrow from/to`, 'from')
  }
  const agentId = oneValue(qs, 'agent_id') ?? null
  if (agentId !== null && !UUID.test(agentId)) throw badQuery('agent_id must be a UUID', 'agent_id')
  const by = oneValue(qs, 'by')
  if (by !== undefined && by !== 'agent') throw badQuery('by is "agent" or absent', 'by')
  return { bucket, from, to, agentId: agentId?.toLowerCase() ?? null, byAgent: by === 'agent' }
}
