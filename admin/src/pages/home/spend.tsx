import { lazy, Suspense } from 'react'
import { Card, Space, Typography } from 'antd'
import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/states'
import { formatUsd, useSpend, type BudgetRecord, type UsageSeries } from '../../lib/budgets'
import { BudgetBar } from '../budgets/spend'

const SpendChart = lazy(() => import('../../components/spend_chart'))

/** The host's card: what the agents spent each day this month, against the overall daily budget. */
export default function SpendCard() {
  const series = useSpend<UsageSeries>('usage/series', { bucket: 'day' })
  const overall = useSpend<BudgetRecord[]>('budgets', { scope: 'overall' })
  const daily = overall.data?.find((budget) => budget.period === 'day')
  const today = series.data?.points.at(-1)
  const error = series.error ?? overall.error
  return (
    <Card title="Spend (30 days)" extra={<Link to="/budgets">Budgets</Link>}>
      {error ? (
        <QueryError
          title="Spend could not be loaded"
          error={{ message: error }}
          onRetry={() => {
            series.reload()
            overall.reload()
          }}
        />
      ) : !series.data || !overall.data ? (
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
              points={series.data.points}
              bucket="day"
              from={series.data.from}
              to={series.data.to}
              limit={daily?.limit_usd}
              height={180}
            />
          </Suspense>
        </Space>
      )}
    </Card>
  )
}
