import db from '@adonisjs/lucid/services/db'
import type { SummarySource } from '#plugin_host/define_plugin'
import { countPerDay } from '#services/summary'
import { DraftStatus } from '../enums.js'
import { draftsConfig } from '../config.js'

/**
 * The drafts' part of GET /api/summary: the approval queue (waiting, and
 * how many are past the approval SLA) and the decisions made each day.
 */
const summary: SummarySource = async (request) => {
  const slaStart = new Date(request.now.getTime() - draftsConfig.approvalSlaMinutes * 60_000)
  const [queue, decisions] = await Promise.all([
    db
      .from('drafts')
      .where('status', DraftStatus.NeedsApproval)
      .select(
        db.raw('count(*)::int AS waiting'),
        db.raw('(count(*) FILTER (WHERE submitted_at < ?))::int AS overdue', [slaStart])
      )
      .first(),
    countPerDay(db.from('approvals'), 'decided_at', request),
  ])
  return {
    waiting: Number(queue?.waiting ?? 0),
    overdue: Number(queue?.overdue ?? 0),
    sla_minutes: draftsConfig.approvalSlaMinutes,
    decisions_per_day: decisions,
  }
}

export default summary
