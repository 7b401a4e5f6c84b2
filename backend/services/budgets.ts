/**
 * Budgets (docs/BUDGETS.md): which budgets cover an agent, the period a
 * moment falls in (in the budget time zone), and the counter rows
 * (budget_windows) that reservations and spend are added to.
 *
 * Every write that touches several windows locks them first in one order
 * (budget, then period), so two agents sharing a budget never deadlock.
 */
import { DateTime, IANAZone } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'

export type BudgetScope = 'agent' | 'agent_type' | 'overall'
export type BudgetPeriod = 'day' | 'month'
export const BUDGET_SCOPES: BudgetScope[] = ['agent', 'agent_type', 'overall']
export const BUDGET_PERIODS: BudgetPeriod[] = ['day', 'month']

export const budgetSettings = {
  /** Days and months begin at midnight here (BUDGET_TIME_ZONE, default UTC). */
  timeZone: env.get('BUDGET_TIME_ZONE') || 'UTC',
  /** An unsettled reservation is released after this many seconds, unless it asks for another. */
  reservationTtlSeconds: 600,
  /** How often each instance looks for expired reservations. */
  sweepSeconds: 30,
}

if (!IANAZone.isValidZone(budgetSettings.timeZone)) {
  throw new Error(`BUDGET_TIME_ZONE "${budgetSettings.timeZone}" is not an IANA time zone`)
}

/** The moment budgets are counted at. Tests move it to cross a day boundary. */
export const budgetClock = { now: () => new Date() }

export interface BudgetRow {
  id: string
  scope: BudgetScope
  agent_id: string | null
  agent_type: string | null
  period: BudgetPeriod
  limit_usd: string | null
  limit_tokens: string | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

export interface WindowKey {
  budget_id: string
  period_start: string
}

/** The period `at` falls in: its first day (the window's key) and its bounds as instants. */
export function periodOf(period: BudgetPeriod, at: Date, timeZone = budgetSettings.timeZone) {
  const start = DateTime.fromJSDate(at, { zone: timeZone }).startOf(period)
  const end = start.plus(period === 'day' ? { days: 1 } : { months: 1 })
  return { key: start.toISODate()!, start: start.toJSDate(), end: end.toJSDate() }
}

/** A budget that covers an agent, with the key of its period at a moment and whether that row exists. */
export interface CoveringBudget extends BudgetRow {
  period_key: string
  has_window: boolean
}

/**
 * The budgets that cover an agent (its own, its type's, the overall ones),
 * each with its period at `at`, in one read. In a transaction that writes
 * to them (a reservation, usage), `lock` keeps each from being deleted
 * until the commit (a key-share lock: changing a limit is not held up).
 */
export async function budgetsFor(
  client: QueryClientContract,
  agent: { id: string; type: string },
  at: Date = budgetClock.now(),
  lock = false
): Promise<CoveringBudget[]> {
  const day = periodOf('day', at).key
  const month = periodOf('month', at).key
  const { rows } = await client.rawQuery<{ rows: CoveringBudget[] }>(
    `SELECT b.*, to_char(k.period_start, 'YYYY-MM-DD') AS period_key, w.budget_id IS NOT NULL AS has_window
     FROM budgets b
     CROSS JOIN LATERAL (SELECT CASE b.period WHEN 'day' THEN ?::date ELSE ?::date END AS period_start) k
     LEFT JOIN budget_windows w ON w.budget_id = b.id AND w.period_start = k.period_start
     WHERE b.scope = 'overall'
        OR (b.scope = 'agent' AND b.agent_id = ?::uuid)
        OR (b.scope = 'agent_type' AND b.agent_type = ?)
     ORDER BY b.id${lock ? ' FOR KEY SHARE OF b' : ''}`,
    [day, month, agent.id, agent.type] as never[]
  )
  return rows
}

/**
 * Makes sure each budget has its row for the period `at` is in. A new row
 * starts with what its scope already spent in that period (a budget added
 * mid-month counts the month's spend so far, and the usage this transaction
 * wrote: `created` says so, and such a row must not be added to again).
 */
export async function ensureWindows(
  client: QueryClientContract,
  budgets: CoveringBudget[],
  at: Date
) {
  const keys: (WindowKey & { created: boolean })[] = []
  for (const budget of budgets) {
    const period = periodOf(budget.period, at)
    if (budget.has_window && budget.period_key === period.key) {
      keys.push({ budget_id: budget.id, period_start: period.key, created: false })
      continue
    }
    const { rows } = await client.rawQuery(
      `INSERT INTO budget_windows (budget_id, period_start, spent_usd, spent_tokens)
       SELECT ?::uuid, ?::date, COALESCE(sum(u.cost_usd), 0), COALESCE(sum(u.input_tokens + u.output_tokens), 0)
       FROM agent_usage u
       WHERE u.created_at >= ? AND u.created_at < ?
         AND (?::text = 'overall' OR (?::text = 'agent' AND u.agent_id = ?::uuid)
              OR (?::text = 'agent_type' AND u.agent_type = ?::text))
       ON CONFLICT (budget_id, period_start) DO NOTHING
       RETURNING budget_id`,
      [
        budget.id,
        period.key,
        period.start,
        period.end,
        budget.scope,
        budget.scope,
        budget.agent_id,
        budget.scope,
        budget.agent_type,
      ] as never[]
    )
    keys.push({ budget_id: budget.id, period_start: period.key, created: rows.length > 0 })
  }
  return keys
}

/**
 * A reservation's hold, in one statement: the windows are locked in
 * (budget, period) order, then each gets the amount if it still fits.
 * Answers the budgets that took it; fewer than `keys` means one did not
 * fit (the caller rolls back). Under READ COMMITTED the guard is checked
 * against the newest version of each row, the one this statement locked.
 */
export async function holdInWindows(
  client: QueryClientContract,
  keys: WindowKey[],
  amount: { usd: string; tokens: number }
): Promise<string[]> {
  if (keys.length === 0) return []
  const { rows } = await client.rawQuery<{ rows: { budget_id: string }[] }>(
    `WITH locked AS MATERIALIZED (
       SELECT w.budget_id, w.period_start FROM budget_windows w
       JOIN unnest(?::uuid[], ?::date[]) AS k(budget_id, period_start)
         ON k.budget_id = w.budget_id AND k.period_start = w.period_start
       ORDER BY w.budget_id, w.period_start
       FOR UPDATE OF w
     )
     UPDATE budget_windows w
     SET reserved_usd = w.reserved_usd + ?::numeric, reserved_tokens = w.reserved_tokens + ?::bigint
     FROM locked, budgets b
     WHERE w.budget_id = locked.budget_id AND w.period_start = locked.period_start
       AND b.id = w.budget_id
       AND (b.limit_usd IS NULL OR w.spent_usd + w.reserved_usd + ?::numeric <= b.limit_usd)
       AND (b.limit_tokens IS NULL OR w.spent_tokens + w.reserved_tokens + ?::bigint <= b.limit_tokens)
     RETURNING w.budget_id`,
    [
      keys.map((k) => k.budget_id),
      keys.map((k) => k.period_start),
      amount.usd,
      amount.tokens,
      amount.usd,
      amount.tokens,
    ] as never[]
  )
  return rows.map((row) => row.budget_id)
}

export interface LockedWindow extends WindowKey {
  scope: BudgetScope
  agent_id: string | null
  agent_type: string | null
  period: BudgetPeriod
  limit_usd: string | null
  limit_tokens: string | null
  spent_usd: string
  spent_tokens: string
  reserved_usd: string
  reserved_tokens: string
}

/** Locks the windows (budget, then period order) and reads them with their budgets' limits. */
export async function lockWindows(
  client: QueryClientContract,
  keys: WindowKey[]
): Promise<LockedWindow[]> {
  if (keys.length === 0) return []
  const { rows } = await client.rawQuery<{ rows: LockedWindow[] }>(
    `SELECT w.budget_id, to_char(w.period_start, 'YYYY-MM-DD') AS period_start,
            b.scope, b.agent_id, b.agent_type, b.period, b.limit_usd, b.limit_tokens,
            w.spent_usd, w.spent_tokens, w.reserved_usd, w.reserved_tokens
     FROM budget_windows w JOIN budgets b ON b.id = w.budget_id
     WHERE (w.budget_id, w.period_start) IN (
       SELECT * FROM unnest(?::uuid[], ?::date[]))
     ORDER BY w.budget_id, w.period_start
     FOR UPDATE OF w`,
    [keys.map((k) => k.budget_id), keys.map((k) => k.period_start)] as never[]
  )
  return rows
}

/** Adds (or, negative, takes away) amounts to windows already locked. Reserved never goes below 0. */
export async function addToWindows(
  client: QueryClientContract,
  keys: WindowKey[],
  amounts: {
    spentUsd?: string
    spentTokens?: number
    reservedUsd?: string
    reservedTokens?: number
  }
) {
  if (keys.length === 0) return
  await client.rawQuery(
    `UPDATE budget_windows w
     SET spent_usd = w.spent_usd + ?::numeric,
         spent_tokens = w.spent_tokens + ?::bigint,
         reserved_usd = GREATEST(w.reserved_usd + ?::numeric, 0),
         reserved_tokens = GREATEST(w.reserved_tokens + ?::bigint, 0)
     FROM unnest(?::uuid[], ?::date[]) AS k(budget_id, period_start)
     WHERE w.budget_id = k.budget_id AND w.period_start = k.period_start`,
    [
      amounts.spentUsd ?? '0',
      amounts.spentTokens ?? 0,
      amounts.reservedUsd ?? '0',
      amounts.reservedTokens ?? 0,
      keys.map((k) => k.budget_id),
      keys.map((k) => k.period_start),
    ] as never[]
  )
}

/** USD as the API shows it: a number, to the micro-dollar. */
export const usd = (value: string | number | null) =>
  value === null ? null : Math.round(Number(value) * 1e6) / 1e6

/** USD for SQL: a fixed-point string, so sums are exact. */
export const usdText = (value: number) => value.toFixed(6)

/** What a budget covers, as a person reads it: "the researcher type's daily budget". */
export function describeBudget(
  budget: Pick<LockedWindow, 'scope' | 'period' | 'agent_type'>,
  agentName?: string
) {
  const period = budget.period === 'day' ? 'daily' : 'monthly'
  if (budget.scope === 'overall') return `the overall ${period} budget`
  if (budget.scope === 'agent_type') return `the ${budget.agent_type} type's ${period} budget`
  return `${agentName ? `${agentName}'s` : 'its'} ${period} budget`
}

/** Dollars in words: cents, or down to a hundredth of a cent for small amounts ($0.0114). */
export function money(value: string | number) {
  const amount = Number(value)
  const digits = amount !== 0 && Math.abs(amount) < 1 ? 4 : 2
  return `$${amount.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`
}

/** The limit a window is over or would go over, in words, or null when it fits. */
export function overLimit(
  window: LockedWindow,
  extra: { usd: number; tokens: number },
  agentName?: string
): string | null {
  const spentUsd = Number(window.spent_usd) + Number(window.reserved_usd)
  const spentTokens = Number(window.spent_tokens) + Number(window.reserved_tokens)
  const what = describeBudget(window, agentName)
  if (window.limit_usd !== null && spentUsd + extra.usd > Number(window.limit_usd) + 1e-9) {
    return `${what} is ${money(window.limit_usd)}: ${money(spentUsd)} is spent or reserved`
  }
  if (window.limit_tokens !== null && spentTokens + extra.tokens > Number(window.limit_tokens)) {
    return `${what} is ${Number(window.limit_tokens).toLocaleString('en-US')} tokens: ${spentTokens.toLocaleString('en-US')} are spent or reserved`
  }
  return null
}

/** True when a window's spend (not reservations) has reached its limit. */
export function reached(window: LockedWindow, spentUsd: number, spentTokens: number) {
  return (
    (window.limit_usd !== null && spentUsd >= Number(window.limit_usd) - 1e-9) ||
    (window.limit_tokens !== null && spentTokens >= Number(window.limit_tokens))
  )
}
