import { lazy, Suspense, useState } from 'react'
import { Card, Progress, Radio, Space, Tooltip, Typography } from 'antd'
import { Loading, QueryError } from '../../components/states'
import {
  budgetUse,
  formatTokens,
  formatUsd,
  useSpend,
  type BudgetRecord,
  type UsageSeries,
} from '../../lib/budgets'

const SpendChart = lazy(() => import('../../components/spend_chart'))

/** The spend bar of a budget: spent, then held by open reservations, against the limit. */
export function BudgetBar({ budget }: { budget: BudgetRecord }) {
  const use = budgetUse(budget)
  const { current } = budget
  const status = current.reached ? 'exception' : use.held >= 80 ? 'active' : 'normal'
  return (
    <Tooltip
      title={
        <>
          Spent {formatUsd(current.spent_usd)} ({formatTokens(current.spent_tokens)} tokens)
          <br />
          Reserved {formatUsd(current.reserved_usd)} ({formatTokens(current.reserved_tokens)}{' '}
          tokens)
        </>
      }
    >
      <Progress
        percent={Math.round(use.held * 10) / 10}
        success={{ percent: Math.round(use.spent * 10) / 10 }}
        status={status}
        size="small"
        aria-label="Budget used"
      />
    </Tooltip>
  )
}

/** Spend over the last 30 days (or 48 hours), overall or for one agent, live. */
export function SpendOverTime({ agentId, title = 'Spend' }: { agentId?: string; title?: string }) {
  const [bucket, setBucket] = useState<'day' | 'hour'>('day')
  const series = useSpend<UsageSeries>('usage/series', {
    bucket,
    ...(agentId ? { agent_id: agentId } : {}),
  })
  const total = (series.data?.points ?? []).reduce((sum, p) => sum + p.cost_usd, 0)
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Radio.Group
          size="small"
          value={bucket}
          onChange={(event) => setBucket(event.target.value)}
          options={[
            { value: 'day', label: '30 days' },
            { value: 'hour', label: '48 hours' },
          ]}
          optionType="button"
        />
      }
    >
      {series.error ? (
        <QueryError
          title="Spend could not be loaded"
          error={{ message: series.error }}
          onRetry={series.reload}
        />
      ) : !series.data ? (
        <Loading minHeight={220} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Typography.Text>
            <Typography.Text strong data-testid="spend-total">
              {formatUsd(total)}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              in the last {bucket === 'day' ? '30 days' : '48 hours'}
            </Typography.Text>
          </Typography.Text>
          <Suspense fallback={<Loading minHeight={220} />}>
            <SpendChart
              points={series.data.points}
              bucket={series.data.bucket}
              from={series.data.from}
              to={series.data.to}
            />
          </Suspense>
        </Space>
      )}
    </Card>
  )
}
