import { useMemo } from 'react'
import { Empty, Typography, theme } from 'antd'
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatUsd, type UsagePoint } from '../lib/budgets'

/*
| Spend over time (GET /api/usage/series) as an area chart. recharts is
| heavy: screens load this file lazily, so the first load stays small.
*/

export interface SpendChartProps {
  points: UsagePoint[]
  bucket: 'hour' | 'day'
  from: string
  to: string
  /** A budget's limit per bucket, drawn as a line (a daily budget on a daily chart). */
  limit?: number | null
  height?: number
}

/**
 * Every bucket from `from` to `to`, zero where nothing was spent, so a quiet
 * day reads as one. Slots follow the server's first bucket (its buckets
 * begin at midnight in the budget time zone); each point goes to the
 * nearest slot, so a day of 23 or 25 hours still lands in its own.
 */
function fill(points: UsagePoint[], bucket: 'hour' | 'day', from: string, to: string) {
  const step = bucket === 'hour' ? 3600_000 : 86_400_000
  const start = Date.parse(from)
  const first = points.length ? Math.min(...points.map((p) => Date.parse(p.at))) : start
  const origin = first - Math.floor((first - start) / step) * step
  const rows: { at: number; cost: number; tokens: number }[] = []
  for (let at = origin; at < Date.parse(to); at += step) rows.push({ at, cost: 0, tokens: 0 })
  for (const point of points) {
    const row = rows[Math.round((Date.parse(point.at) - origin) / step)]
    if (!row) continue
    row.cost += point.cost_usd
    row.tokens += point.input_tokens + point.output_tokens
  }
  return rows
}

export default function SpendChart({
  points,
  bucket,
  from,
  to,
  limit,
  height = 220,
}: SpendChartProps) {
  const { token } = theme.useToken()
  const rows = useMemo(() => fill(points, bucket, from, to), [points, bucket, from, to])
  const label = (at: number) =>
    bucket === 'hour'
      ? new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : new Date(at).toLocaleDateString([], { month: 'short', day: 'numeric' })
  if (points.length === 0) {
    return <Empty description="Nothing spent in this period" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  }
  return (
    <div role="img" aria-label="Spend over time" data-testid="spend-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} />
          <XAxis
            dataKey="at"
            tickFormatter={label}
            tick={{ fontSize: 11, fill: token.colorTextSecondary }}
            minTickGap={24}
          />
          <YAxis
            tickFormatter={(value: number) => formatUsd(value)}
            tick={{ fontSize: 11, fill: token.colorTextSecondary }}
            width={64}
          />
          <Tooltip
            labelFormatter={(at) => new Date(Number(at)).toLocaleString()}
            formatter={(value, name) =>
              name === 'cost' ? [formatUsd(Number(value)), 'Spent'] : [value, String(name)]
            }
          />
          {limit ? (
            <ReferenceLine
              y={limit}
              stroke={token.colorError}
              strokeDasharray="4 4"
              label={{ value: `budget ${formatUsd(limit)}`, fontSize: 11, fill: token.colorError }}
            />
          ) : null}
          <Area
            type="linear"
            dataKey="cost"
            stroke={token.colorPrimary}
            fill={token.colorPrimaryBg}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {bucket === 'hour' ? 'Per hour' : 'Per day'}
      </Typography.Text>
    </div>
  )
}
