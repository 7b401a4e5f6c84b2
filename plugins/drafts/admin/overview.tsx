import { Space, Statistic } from 'antd'
import { Link } from 'react-router'
import { API_URL, http } from '@admin/providers/http'
import { Bars, OverviewCardFrame, useOverviewData } from '@admin/components/overview_card'

async function loadWaiting() {
  const response = await http.get<{ overdue: boolean }[]>(`${API_URL}/drafts`, {
    params: { status: 'needs_approval', _start: 0, _end: 1000 },
  })
  return {
    waiting: Number(response.headers['x-total-count'] ?? response.data.length),
    overdue: response.data.filter((draft) => draft.overdue).length,
  }
}

/** The home page's approval queue: drafts waiting, and how many are past their SLA. */
export function WaitingCard({ tick }: { tick: number }) {
  const state = useOverviewData(loadWaiting, tick)
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

async function loadDecisions() {
  const week = new Date(Date.now() - 6 * 24 * 3600 * 1000)
  week.setHours(0, 0, 0, 0)
  const response = await http.get<{ decided_at: string }[]>(`${API_URL}/approvals`, {
    params: { decided_at_gte: week.toISOString(), _start: 0, _end: 1000 },
  })
  const days = new Map<string, number>()
  for (let i = 0; i < 7; i++) {
    const day = new Date(week.getTime() + i * 24 * 3600 * 1000)
    days.set(day.toISOString().slice(0, 10), 0)
  }
  for (const row of response.data) {
    const day = new Date(row.decided_at).toISOString().slice(0, 10)
    if (days.has(day)) days.set(day, days.get(day)! + 1)
  }
  return [...days].map(([day, count]) => ({ label: day.slice(5), value: count }))
}

/** The home page's decisions of the last seven days, per day. */
export function DecisionsCard({ tick }: { tick: number }) {
  const state = useOverviewData(loadDecisions, tick)
  return (
    <OverviewCardFrame title="Decisions per day (7 days)" state={state}>
      {(rows) => <Bars rows={rows} />}
    </OverviewCardFrame>
  )
}
