import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { theme } from 'antd'

/*
| Counts per day (GET /api/summary's series: `[{day, count}]`) as bars. It
| pulls in recharts: cards load it lazily, `lazy(() => import(...))`, so the
| first load stays small.
*/

export interface DayCount {
  /** `YYYY-MM-DD` */
  day: string
  count: number
}

export interface DayChartProps {
  rows: DayCount[]
  /** What is counted, for the tooltip and the chart's label (`events`). */
  noun: string
  height?: number
  testId?: string
}

const short = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString([], { month: 'short', day: 'numeric' })

export default function DayChart({ rows, noun, height = 180, testId }: DayChartProps) {
  const { token } = theme.useToken()
  return (
    <div
      role="img"
      aria-label={`${noun} per day`}
      data-testid={testId ?? 'day-chart'}
      style={{ height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            stroke={token.colorBorderSecondary}
          />
          <XAxis
            dataKey="day"
            tickFormatter={short}
            tick={{ fontSize: 11, fill: token.colorTextSecondary }}
            minTickGap={16}
          />
          <YAxis
            allowDecimals={false}
            width={36}
            tick={{ fontSize: 11, fill: token.colorTextSecondary }}
          />
          <Tooltip
            cursor={{ fill: token.colorFillTertiary }}
            labelFormatter={(day) => short(String(day))}
            formatter={(value) => [value, noun]}
            contentStyle={{
              background: token.colorBgElevated,
              border: `1px solid ${token.colorBorderSecondary}`,
            }}
          />
          <Bar
            dataKey="count"
            fill={token.colorPrimary}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
