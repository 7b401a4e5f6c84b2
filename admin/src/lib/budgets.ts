import { useCallback, useEffect, useRef, useState } from 'react'
import type { components } from '#client/api_types'
import { API_URL, http, toHttpError } from '../providers/http'
import { realtime } from '../realtime/client'

/* the API's own shapes (generated from the OpenAPI document) */
export type BudgetRecord = components['schemas']['Budget']
export type UsageSeries = components['schemas']['UsageSeries']
export type UsagePoint = UsageSeries['points'][number]

/** Dollars as people read spend: cents, or tenths of a cent below a dollar's hundredth. */
export function formatUsd(value: number | null | undefined) {
  if (value === null || value === undefined) return '—'
  const digits = value !== 0 && Math.abs(value) < 0.1 ? 4 : 2
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: digits })}`
}

export const formatTokens = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toLocaleString('en-US')

/** What a budget covers, in words. */
export function budgetScope(budget: BudgetRecord, agentName?: (id: string) => string | undefined) {
  if (budget.scope === 'overall') return 'All agents'
  if (budget.scope === 'agent_type') return `Type ${budget.agent_type}`
  return agentName?.(budget.agent_id!) ?? `Agent ${budget.agent_id!.slice(0, 8)}`
}

/** How full the current period is (the fuller of USD and tokens), spent and spent + reserved, in %. */
export function budgetUse(budget: BudgetRecord) {
  const { current } = budget
  const share = (used: number, limit: number | null) => (limit ? (used / limit) * 100 : 0)
  const spent = Math.max(
    share(current.spent_usd, budget.limit_usd),
    share(current.spent_tokens, budget.limit_tokens)
  )
  const held = Math.max(
    share(current.spent_usd + current.reserved_usd, budget.limit_usd),
    share(current.spent_tokens + current.reserved_tokens, budget.limit_tokens)
  )
  return { spent: Math.min(100, spent), held: Math.min(100, held) }
}

/* the resources whose changes move spend: usage, reservations, budgets */
const SPEND_CHANNELS = [
  'resources/agent_usage',
  'resources/budget_reservations',
  'resources/budgets',
]

/**
 * Loads `path` (GET) now, again whenever spend changes (live, at most every
 * two seconds), and on retry.
 */
export function useSpend<T>(path: string | null, params: Record<string, string> = {}) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const key = JSON.stringify(params)
  const waiting = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    if (!path) return
    let cancelled = false
    http
      .get<T>(`${API_URL}/${path}`, { params: JSON.parse(key) })
      .then((response) => {
        if (cancelled) return
        setData(response.data)
        setError(null)
      })
      .catch((failure) => !cancelled && setError(toHttpError(failure).message))
    return () => {
      cancelled = true
    }
  }, [path, key, version])

  useEffect(() => {
    const changed = () => {
      waiting.current ??= setTimeout(() => {
        waiting.current = null
        setVersion((n) => n + 1)
      }, 2000)
    }
    const stops = SPEND_CHANNELS.map((channel) => realtime.subscribe(channel, changed))
    return () => {
      stops.forEach((stop) => stop())
      if (waiting.current) clearTimeout(waiting.current)
      waiting.current = null
    }
  }, [])

  const reload = useCallback(() => setVersion((n) => n + 1), [])
  return { data, error, loading: data === null && error === null, reload }
}
