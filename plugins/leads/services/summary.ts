import db from '@adonisjs/lucid/services/db'
import type { SummarySource } from '#plugin_host/define_plugin'
import { countPerDay } from '#services/summary'
import { LEAD_STATUSES } from '../enums.js'

/**
 * The leads' part of GET /api/summary (the Home's funnel and new leads per
 * day): the funnel from the trigger-kept counters (leads_counts), never a
 * count over the leads; the days from the created_at index.
 */
const summary: SummarySource = async (request) => {
  const [counted, added] = await Promise.all([
    db.from('leads_counts').select('status').sum('n as n').groupBy('status'),
    countPerDay(db.from('leads'), 'created_at', request),
  ])
  const byStatus = Object.fromEntries(LEAD_STATUSES.map((status) => [status, 0]))
  for (const row of counted) byStatus[row.status] = Number(row.n)
  return {
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    by_status: byStatus,
    added_per_day: added.map(({ day, count }) => ({ day, count })),
  }
}

export default summary
