import { lazy, Suspense } from 'react'
import { Space, Statistic } from 'antd'
import { Link } from 'react-router'
import { chartFallback, OverviewCardFrame, useSummaryPart } from '../../components/overview_card'
import { COLUMN_LABELS } from '../../lib/tasks'

const DayChart = lazy(() => import('../../components/day_chart'))

/** The host's card: the tasks by column, and everything recorded each day for two weeks. */
export default function ActivityCard() {
  const state = useSummaryPart((summary) => summary)
  return (
    <OverviewCardFrame
      title="Activity (events per day, 14 days)"
      state={state}
      extra={<Link to="/feed">Feed</Link>}
    >
      {(summary) => (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space size="large" wrap data-testid="tasks-by-column">
            {Object.entries(summary.tasks.by_column).map(([column, count]) => (
              <Link
                key={column}
                to={`/tasks?filters[0][field]=column&filters[0][operator]=in&filters[0][value][0]=${column}`}
              >
                <Statistic
                  title={COLUMN_LABELS[column as keyof typeof COLUMN_LABELS] ?? column}
                  value={count}
                />
              </Link>
            ))}
            <Statistic title="Agents" value={summary.agents.total} />
          </Space>
          <Suspense fallback={chartFallback}>
            <DayChart rows={summary.events_per_day} noun="events" testId="activity-chart" />
          </Suspense>
        </Space>
      )}
    </OverviewCardFrame>
  )
}
