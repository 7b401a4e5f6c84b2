/**
 * Budgets, reservations and usage as the API shows them: amounts as
 * numbers (USD to the micro-dollar, tokens as integers), times as ISO.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { budgetClock, budgetSettings, periodOf, usd, type BudgetRow } from '#services/budgets'
import type { SeriesQuery } from '#validators/budget'

export interface ReservationRow {
  id: string
  agent_id: string
  cost_usd: string
  tokens: string | number
  purpose: string | null
  status: 'open' | 'settled' | 'expired'
  windows: unknown
  expires_at: Date
  created_at: Date
  settled_at: Date | null
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

export function serializeReservation(row: ReservationRow) {
  return {
    id: row.id,
    agent_id: row.agent_id,
    cost_usd: usd(row.cost_usd)!,
    tokens: Number(row.tokens),
    purpose: row.purpose,
    status: row.status,
    expires_at: iso(row.expires_at)!,
    created_at: iso(row.created_at)!,
    settled_at: iso(row.settled_at),
  }
}

export interface UsageRow {
  id: string | number
  agent_id: string
  agent_type: string
  model: string | null
  input_tokens: string | number
  output_tokens: string | number
  cost_usd: string
  task_id: string | null
  reservation_id: string | null
  created_at: Date
}

export function serializeUsage(row: UsageRow) {
  return {
    id: Number(row.id),
    agent_id: row.agent_id,
    agent_type: row.agent_type,
    model: row.model,
    input_tokens: Number(row.input_tokens),
    output_tokens: Number(row.output_tokens),
    cost_usd: usd(row.cost_usd)!,
    task_id: row.task_id,
    reservation_id: row.reservation_id,
    created_at: iso(row.created_at)!,
  }
}

interface WindowRow {
  budget_id: string
  spent_usd: string
  spent_tokens: string
  reserved_usd: string
  reserved_tokens: string
}

/**
 * Budgets with their current period: spent, reserved, what is left. Reads
 * the counter rows when they exist (a period without a reservation or
 * spend yet has none: its spend is read from the usage).
 */
export async function budgetsWithCurrent(client: QueryClientContract, budgets: BudgetRow[]) {
  const now = budgetClock.now()
  const periods = budgets.map((budget) => periodOf(budget.period, now))
  const windows: WindowRow[] = budgets.length
    ? (
        await client.rawQuery<{ rows: WindowRow[] }>(
          `SELECT w.budget_id, w.spent_usd, w.spent_tokens, w.reserved_usd, w.reserved_tokens
           FROM budget_windows w
           JOIN unnest(?::uuid[], ?::date[]) AS k(budget_id, period_start)
             ON k.budget_id = w.budget_id AND k.period_start = w.period_start`,
          [budgets.map((b) => b.id), periods.map((p) => p.key)] as never[]
        )
      ).rows
    : []
  const byBudget = new Map(windows.map((w) => [w.budget_id, w]))
  const views = []
  for (const [index, budget] of budgets.entries()) {
    const period = periods[index]
    let window = byBudget.get(budget.id)
    if (!window) {
      const spent = await client
        .from('agent_usage')
        .where('created_at', '>=', period.start)
        .where('created_at', '<', period.end)
        .if(budget.scope === 'agent', (q) => q.where('agent_id', budget.agent_id!))
        .if(budget.scope === 'agent_type', (q) => q.where('agent_type', budget.agent_type!))
        .select(
          client.raw('COALESCE(sum(cost_usd), 0) AS spent_usd'),
          client.raw('COALESCE(sum(input_tokens + output_tokens), 0) AS spent_tokens')
        )
        .first()
      window = {
        budget_id: budget.id,
        spent_usd: spent.spent_usd,
        spent_tokens: spent.spent_tokens,
        reserved_usd: '0',
        reserved_tokens: '0',
      }
    }
    views.push(serializeBudget(budget, window, period))
  }
  return views
}

export function serializeBudget(
  budget: BudgetRow,
  window: WindowRow,
  period: { key: string; start: Date; end: Date }
) {
  const limitUsd = usd(budget.limit_usd)
  const limitTokens = budget.limit_tokens === null ? null : Number(budget.limit_tokens)
  const spentUsd = usd(window.spent_usd)!
  const reservedUsd = usd(window.reserved_usd)!
  const spentTokens = Number(window.spent_tokens)
  const reservedTokens = Number(window.reserved_tokens)
  return {
    id: budget.id,
    scope: budget.scope,
    agent_id: budget.agent_id,
    agent_type: budget.agent_type,
    period: budget.period,
    limit_usd: limitUsd,
    limit_tokens: limitTokens,
    created_by: budget.created_by,
    created_at: iso(budget.created_at)!,
    updated_at: iso(budget.updated_at)!,
    current: {
      period_start: period.key,
      resets_at: period.end.toISOString(),
      spent_usd: spentUsd,
      reserved_usd: reservedUsd,
      remaining_usd:
        limitUsd === null ? null : Math.max(0, usd(limitUsd - spentUsd - reservedUsd)!),
      spent_tokens: spentTokens,
      reserved_tokens: reservedTokens,
      remaining_tokens:
        limitTokens === null ? null : Math.max(0, limitTokens - spentTokens - reservedTokens),
      reached:
        (limitUsd !== null && spentUsd >= limitUsd) ||
        (limitTokens !== null && spentTokens >= limitTokens),
    },
  }
}

/**
 * Spend per hour or day (in the budget time zone), overall, for one agent,
 * or one line per agent: GET /api/usage/series and the Home's summary.
 * Buckets without usage are left out.
 */
export async function usageSeries(client: QueryClientContract, query: SeriesQuery) {
  const tz = budgetSettings.timeZone
  const { rows } = await client.rawQuery(
    `SELECT (date_trunc(?, u.created_at AT TIME ZONE ?) AT TIME ZONE ?) AS at,
            ${query.byAgent ? 'u.agent_id,' : ''}
            sum(u.cost_usd) AS cost_usd, sum(u.input_tokens) AS input_tokens,
            sum(u.output_tokens) AS output_tokens, count(*) AS reports
     FROM agent_usage u
     WHERE u.created_at >= ? AND u.created_at < ? ${query.agentId ? 'AND u.agent_id = ?' : ''}
     GROUP BY 1 ${query.byAgent ? ', u.agent_id' : ''}
     ORDER BY 1`,
    [
      query.bucket,
      tz,
      tz,
      query.from,
      query.to,
      ...(query.agentId ? [query.agentId] : []),
    ] as never[]
  )
  return {
    bucket: query.bucket,
    time_zone: tz,
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    points: rows.map((row: Record<string, any>) => ({
      at: new Date(row.at).toISOString(),
      ...(query.byAgent ? { agent_id: row.agent_id } : {}),
      cost_usd: Math.round(Number(row.cost_usd) * 1e6) / 1e6,
      input_tokens: Number(row.input_tokens),
      output_tokens: Number(row.output_tokens),
      reports: Number(row.reports),
    })),
  }
}
