import { lazy, Suspense } from 'react'
import { Space, Statistic } from 'antd'
import { Link } from 'react-router'
import { chartFallback, OverviewCardFrame, usePluginSummary } from '@admin/components/overview_card'

const DayChart = lazy(() => import('@admin/components/day_chart'))

/** What the server's `summary` hook (services/summary.ts) puts in GET /api/summary. */
interface DraftsSummary {
  waiting: number
  overdue: number
  sla_minutes: number
  decisions_per_day: { day: string; count: number }[]
}

/** The home page's approval queue: drafts waiting, and how many are past their SLA. */
export function WaitingCard() {
  const state = usePluginSummary<DraftsSummary>('drafts')
  return (
    <OverviewCardFrame title="Drafts waiting for approval" state={state}>
      {({ waiting, overdue }) => (
        <Space size="large">
          <Link to="/inbox">
            <Statistic title="Waiting" value={waiting} />
          </Link>
          <Statistic
            title="Overdue"
            value={overdue}
            valueStyle={overdue ? { color: '#cf1322' } : undefined}
          />
        </Space>
      )}
    </OverviewCardFrame>
  )
}

/** The home page's decisions of the last two weeks, per day (a chart, loaded lazily). */
export function DecisionsCard() {
  const state = usePluginSummary<DraftsSummary>('drafts')
  return (
    <OverviewCardFrame title="Decisions per day (14 days)" state={state}>
      {({ decisions_per_day: days }) => (
        <Suspense fallback={chartFallback}>
          <DayChart rows={days} noun="decisions" testId="decisions-chart" />
        </Suspense>
      )}
    </OverviewCardFrame>
  )
}
