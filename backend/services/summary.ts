/**
 * GET /api/summary: every number the Home shows, in one answer. The host's
 * parts (tasks, agents and their activity, events per day, spend) and each
 * enabled plugin's part (`summary` in plugin.ts), taken at one moment over
 * one window of days; each part a few set-based queries, none per row.
 */
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import pluginHost from '#plugin_host/running'
import { PluginError } from '#plugin_host/plugin_error'
import type { SummaryRequest } from '#plugin_host/define_plugin'
import type { Actor } from '#policies/actor'
import { TASK_COLUMNS } from '#enums/task'
import { AGENT_STATUSES } from '#enums/agent_status'
import { budgetSettings, type BudgetRow } from '#services/budgets'
import { budgetsWithCurrent, usageSeries } from '#services/budget_view'

/** Days in the per-day series (today included). */
export const SUMMARY_DAYS = 14
/** Days of spend (as the spend chart of the budgets page). */
export const SPEND_DAYS = 30
/** Agents listed with their activity, by name (as many as a card shows). */
export const ACTIVITY_AGENTS = 50

/** The last `count` days up to `now`'s, oldest first, in `timeZone`; `from` is the first one's midnight. */
export function dayWindow(now: Date, timeZone: string, count = SUMMARY_DAYS) {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day')
  const days = Array.from({ length: count }, (_, i) =>
    today.minus({ days: count - 1 - i }).toISODate()!
  )
  return { days, from: today.minus({ days: count - 1 }).toJSDate() }
}

/**
 * How many rows of `query` fall on each day of the request's window, by
 * `column` (a timestamp) in its time zone, zeros included: for a plugin's
 * chart as much as the host's.
 */
export async function countPerDay(
  query: DatabaseQueryBuilderContract<any>,
  column: string,
  request: Pick<SummaryRequest, 'days' | 'timeZone'>
): Promise<{ day: string; count: number }[]> {
  const from = DateTime.fromISO(request.days[0], { zone: request.timeZone }).toJSDate()
  const rows: { day: string; n: string }[] = await query
    .where(column, '>=', from)
    .select(db.raw(`to_char(?? AT TIME ZONE ?, 'YYYY-MM-DD') AS day`, [column, request.timeZone]))
    .count('* as n')
    .groupByRaw('1')
  const counts = new Map(rows.map((row) => [row.day, Number(row.n)]))
  return request.days.map((day) => ({ day, count: counts.get(day) ?? 0 }))
}

/** Counts per value of `column`, every known value present (zeros too). */
async function countBy<K extends string>(table: string, column: string, values: readonly K[]) {
  const rows: Record<string, any>[] = await db
    .from(table)
    .select(column)
    .count('* as n')
    .groupBy(column)
  const counts = Object.fromEntries(values.map((value) => [value, 0])) as Record<K, number>
  for (const row of rows) counts[row[column] as K] = Number(row.n)
  return counts
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

async function tasksPart() {
  const byColumn = await countBy('tasks', 'column', TASK_COLUMNS)
  return { total: sum(byColumn), by_column: byColumn }
}

async function agentsPart(now: Date) {
  const since = new Date(now.getTime() - 24 * 3600_000)
  const [byStatus, agents, events] = await Promise.all([
    countBy('agents', 'status', AGENT_STATUSES),
    db
      .from('agents')
      .select('id', 'name', 'type', 'status')
      .orderBy('name', 'asc')
      .orderBy('id', 'asc')
      .limit(ACTIVITY_AGENTS),
    db
      .from('task_events')
      .whereNotNull('agent_id')
      .where('created_at', '>=', since)
      .select('agent_id')
      .count('* as n')
      .groupBy('agent_id'),
  ])
  const perAgent = new Map(events.map((row: any) => [row.agent_id as string, Number(row.n)]))
  return {
    total: sum(byStatus),
    by_status: byStatus,
    activity: agents.map((agent: any) => ({
      id: agent.id as string,
      name: agent.name as string,
      type: agent.type as string,
      status: agent.status as string,
      events_24h: perAgent.get(agent.id) ?? 0,
    })),
  }
}

async function spendPart(now: Date) {
  const [series, overall] = await Promise.all([
    usageSeries(db.connection(), {
      bucket: 'day',
      from: new Date(now.getTime() - SPEND_DAYS * 86_400_000),
      to: now,
      agentId: null,
      byAgent: false,
    }),
    db.from('budgets').where('scope', 'overall').orderBy('period', 'asc') as Promise<BudgetRow[]>,
  ])
  return { series, overall_budgets: await budgetsWithCurrent(db.connection(), overall) }
}

/** Every enabled plugin's part, by plugin name, in plugin order; a failing part names its plugin. */
async function pluginParts(request: SummaryRequest) {
  const sources = pluginHost.summarySources()
  const parts = await Promise.all(
    sources.map(async ({ plugin, load }) => {
      try {
        return await (await load()).default(request)
      } catch (error) {
        throw new PluginError(plugin, 'summarize its records', error)
      }
    })
  )
  const byPlugin: Record<string, Record<string, unknown>> = {}
  sources.forEach(({ plugin }, i) => {
    if (parts[i]) byPlugin[plugin] = parts[i]
  })
  return byPlugin
}

export async function buildSummary(actor: Actor, now = new Date()) {
  const timeZone = budgetSettings.timeZone
  const { days } = dayWindow(now, timeZone)
  const request: SummaryRequest = { actor, now, timeZone, days }
  const [tasks, agents, events, spend, plugins] = await Promise.all([
    tasksPart(),
    agentsPart(now),
    countPerDay(db.from('task_events'), 'created_at', request),
    spendPart(now),
    pluginParts(request),
  ])
  return {
    generated_at: now.toISOString(),
    time_zone: timeZone,
    days,
    tasks,
    agents,
    events_per_day: events,
    spend,
    plugins,
  }
}
