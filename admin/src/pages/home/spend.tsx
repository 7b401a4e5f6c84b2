import { lazy, Suspense } from 'react'
import { Card, Space, Typography } from 'antd'
import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/states'
import { useSummaryPart } from '../../components/overview_card'
import { formatUsd } from '../../lib/budgets'
import { BudgetBar } from '../budgets/spend'

const SpendChart = lazy(() => import('../../components/spend_chart'))

/** The host's card: what the agents spent each day this month, against the overall daily budget. */
export default function SpendCard() {
  const spend = useSummaryPart((summary) => summary.spend)
  const daily = spend.data?.overall_budgets.find((budget) => budget.period === 'day')
  const series = spend.data?.series
  const today = series?.points.at(-1)
  return (
    <Card title="Spend (30 days)" extra={<Link to="/budgets">Budgets</Link>}>
      {spend.error ? (
        <QueryError
          title="Spend could not be loaded"
          error={{ message: spend.error }}
          onRetry={spend.retry}
        />
      ) : !series ? (
        <Loading minHeight={80} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Typography.Text>
            Today{' '}
            <Typography.Text strong>
              {formatUsd(
                today && Date.now() - Date.parse(today.at) < 86_400_000 ? today.cost_usd : 0
              )}
            </Typography.Text>
            {daily?.limit_usd ? (
              <Typography.Text type="secondary">
                {' '}
                of {formatUsd(daily.limit_usd)} a day
              </Typography.Text>
            ) : null}
          </Typography.Text>
          {daily && <BudgetBar budget={daily} />}
          <Suspense fallback={<Loading minHeight={180} />}>
            <SpendChart
              points={series.points}
              bucket="day"
              from={series.from}
              to={series.to}
              limit={daily?.limit_usd}
              height={180}
            />
          </Suspense>
        </Space>
      )}
    </Card>
  )
}
