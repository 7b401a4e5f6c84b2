import { useEffect, useState } from 'react'
import { Card, Col, Empty, Progress, Row, Space, Statistic, Tooltip, Typography } from 'antd'
import { Link } from 'react-router'
import { API_URL, http, toHttpError } from '../../providers/http'
import { hasResource } from '../../plugins'
import { Loading, QueryError } from '../../components/states'

const LEAD_FUNNEL = [
  'new',
  'enriched',
  'drafted',
  'approved',
  'contacted',
  'replied',
  'booked',
  'lost',
] as const

interface Overview {
  leads: Record<string, number> | null
  waiting: number | null
  overdue: number | null
  decisions: { day: string; count: number }[] | null
  agents: { name: string; status: string; events: number }[]
}

async function count(path: string, params: Record<string, string> = {}) {
  const response = await http.get(`${API_URL}/${path}`, {
    params: { ...params, _start: 0, _end: 1 },
  })
  return Number(response.headers['x-total-count'] ?? 0)
}

async function loadOverview(): Promise<Overview> {
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString()
  const week = new Date(Date.now() - 6 * 24 * 3600 * 1000)
  week.setHours(0, 0, 0, 0)
  const [leads, drafts, decisions, agents] = await Promise.all([
    hasResource('leads')
      ? Promise.all(LEAD_FUNNEL.map((status) => count('leads', { status }))).then((counts) =>
          Object.fromEntries(LEAD_FUNNEL.map((status, i) => [status, counts[i]]))
        )
      : null,
    hasResource('drafts')
      ? http
          .get<{ overdue: boolean }[]>(`${API_URL}/drafts`, {
            params: { status: 'needs_approval', _start: 0, _end: 1000 },
          })
          .then((r) => ({
            waiting: Number(r.headers['x-total-count'] ?? r.data.length),
            overdue: r.data.filter((d) => d.overdue).length,
          }))
      : null,
    hasResource('drafts')
      ? http
          .get<{ decided_at: string }[]>(`${API_URL}/approvals`, {
            params: { decided_at_gte: week.toISOString(), _start: 0, _end: 1000 },
          })
          .then((r) => {
            const days = new Map<string, number>()
            for (let i = 0; i < 7; i++) {
              const d = new Date(week.getTime() + i * 24 * 3600 * 1000)
              days.set(d.toISOString().slice(0, 10), 0)
            }
            for (const row of r.data) {
              const day = new Date(row.decided_at).toISOString().slice(0, 10)
              if (days.has(day)) days.set(day, days.get(day)! + 1)
            }
            return [...days].map(([day, n]) => ({ day, count: n }))
          })
          .catch(() => null)
      : null,
    http
      .get<{ id: string; name: string; status: string }[]>(`${API_URL}/agents`, {
        params: { _start: 0, _end: 50, _sort: 'name', _order: 'asc' },
      })
      .then(({ data }) =>
        Promise.all(
          data.map(async (agent) => ({
            name: agent.name,
            status: agent.status,
            events: await count('events', { agent_id: agent.id, created_at_gte: since }),
          }))
        )
      ),
  ])
  return {
    leads,
    waiting: drafts?.waiting ?? null,
    overdue: drafts?.overdue ?? null,
    decisions,
    agents,
  }
}

function Bars({ rows }: { rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {rows.map((row) => (
        <Row key={row.label} gutter={8} align="middle" wrap={false}>
          <Col flex="90px">
            <Typography.Text type="secondary">{row.label}</Typography.Text>
          </Col>
          <Col flex="auto">
            <Tooltip title={row.value}>
              <Progress percent={(row.value / max) * 100} format={() => row.value} size="small" />
            </Tooltip>
          </Col>
        </Row>
      ))}
    </Space>
  )
}

/** What an admin wants first: the funnel, the approval queue, decisions and agent activity. */
export function Overview() {
  const [data, setData] = useState<Overview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let cancelled = false
    setError(null)
    loadOverview()
      .then((result) => !cancelled && setData(result))
      .catch((failure) => !cancelled && setError(toHttpError(failure).message))
    const timer = setInterval(() => setAttempt((n) => n + 1), 60_000)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [attempt])

  if (error)
    return (
      <QueryError
        title="The overview could not be loaded"
        error={{ message: error }}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    )
  if (!data) return <Loading minHeight={160} />
  return (
    <Row gutter={[16, 16]}>
      {data.waiting !== null && (
        <Col xs={24} md={8}>
          <Card title="Drafts waiting for approval">
            <Space size="large">
              <Link to="/inbox">
                <Statistic title="Waiting" value={data.waiting} />
              </Link>
              <Statistic
                title="Overdue"
                value={data.overdue ?? 0}
                valueStyle={data.overdue ? { color: '#cf1322' } : undefined}
              />
            </Space>
          </Card>
        </Col>
      )}
      {data.leads && (
        <Col xs={24} md={16}>
          <Card title="Leads by status (funnel)">
            <Bars rows={LEAD_FUNNEL.map((s) => ({ label: s, value: data.leads![s] ?? 0 }))} />
          </Card>
        </Col>
      )}
      {data.decisions && (
        <Col xs={24} md={12}>
          <Card title="Decisions per day (7 days)">
            <Bars rows={data.decisions.map((d) => ({ label: d.day.slice(5), value: d.count }))} />
          </Card>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Card title="Agent activity (events, 24 h)">
          {data.agents.length ? (
            <Bars rows={data.agents.map((a) => ({ label: a.name, value: a.events }))} />
          ) : (
            <Empty description="No agents yet" />
          )}
        </Card>
      </Col>
    </Row>
  )
}
