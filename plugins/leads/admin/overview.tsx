import { Typography } from 'antd'
import { Bars, OverviewCardFrame, usePluginSummary } from '@admin/components/overview_card'
import { LEAD_STATUSES } from './shared'

/** What the server's `summary` hook (services/summary.ts) puts in GET /api/summary. */
interface LeadsSummary {
  total: number
  by_status: Record<string, number>
  added_per_day: { day: string; count: number }[]
}

/** The home page's funnel: how many leads stand at each status (from the Home's one summary request). */
export default function LeadFunnelCard() {
  const state = usePluginSummary<LeadsSummary>('leads')
  return (
    <OverviewCardFrame title="Leads by status (funnel)" state={state}>
      {(leads) => (
        <>
          <Bars
            rows={LEAD_STATUSES.map((status) => ({
              label: status,
              value: leads.by_status[status] ?? 0,
            }))}
          />
          <Typography.Text type="secondary" data-testid="leads-added">
            {leads.total} leads, {leads.added_per_day.reduce((sum, day) => sum + day.count, 0)}{' '}
            added in {leads.added_per_day.length} days
          </Typography.Text>
        </>
      )}
    </OverviewCardFrame>
  )
}
