import { useEffect, useState, type ReactNode } from 'react'
import { Card, Col, Progress, Row, Space, Tooltip, Typography } from 'antd'
import { API_URL, http, toHttpError } from '../providers/http'
import { Loading, QueryError } from './states'

/*
| The pieces of a home page overview card (plugin_api.ts `overview`): the
| host's and the plugins' cards load on their own, each time the page's
| clock ticks (once a minute), and look alike.
*/

/** How many records a list has with these filters (one row asked for; x-total-count). */
export async function countOf(path: string, params: Record<string, string> = {}) {
  const response = await http.get(`${API_URL}/${path}`, {
    params: { ...params, _start: 0, _end: 1 },
  })
  return Number(response.headers['x-total-count'] ?? 0)
}

/** Loads on mount and each time `tick` changes; a failed load can be retried. */
export function useOverviewData<T>(load: () => Promise<T>, tick: number) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let cancelled = false
    setError(null)
    load()
      .then((result) => !cancelled && setData(result))
      .catch((failure) => !cancelled && setError(toHttpError(failure).message))
    return () => {
      cancelled = true
    }
    // `load` is the card's own function, the same on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, attempt])
  return { data, error, retry: () => setAttempt((n) => n + 1) }
}

/** A titled card showing its data once loaded, a spinner before, and the error with a retry. */
export function OverviewCardFrame<T>({
  title,
  state,
  children,
}: {
  title: string
  state: { data: T | null; error: string | null; retry: () => void }
  children: (data: T) => ReactNode
}) {
  return (
    <Card title={title}>
      {state.error ? (
        <QueryError
          title={`${title}: could not be loaded`}
          error={{ message: state.error }}
          onRetry={state.retry}
        />
      ) : state.data === null ? (
        <Loading minHeight={80} />
      ) : (
        children(state.data)
      )}
    </Card>
  )
}

/** Horizontal bars with their values: a funnel, a week of days, agents. */
export function Bars({ rows }: { rows: { label: string; value: number }[] }) {
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
