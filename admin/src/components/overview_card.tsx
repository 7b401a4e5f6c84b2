import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { Card, Col, Progress, Row, Space, Tooltip, Typography } from 'antd'
import type { components } from '#client/api_types'
import { API_URL, http, toHttpError } from '../providers/http'
import { realtime } from '../realtime/client'
import { Loading, QueryError } from './states'

/*
| The pieces of a home page overview card (plugin_api.ts `overview`). The
| Home asks GET /api/summary once (SummaryProvider: again each minute, and
| a few seconds after things happen) and every card, the host's and the
| plugins', reads its numbers from that one answer (useSummaryPart,
| usePluginSummary). The cards look alike.
*/

/** GET /api/summary: the host's numbers, and each plugin's part under `plugins.<name>`. */
export type Summary = components['schemas']['Summary']

export interface CardState<T> {
  data: T | null
  error: string | null
  retry: () => void
}

const SummaryContext = createContext<CardState<Summary>>({
  data: null,
  error: 'The summary is read on the Home only',
  retry: () => undefined,
})

/* Changes come in bursts (an agent at work): at most one refresh this often. */
const REFRESH_AFTER_EVENTS_MS = 5_000

/** Loads the summary now, when `tick` changes, on retry, and a little after any recorded change. */
export function SummaryProvider({ tick, children }: { tick: number; children: ReactNode }) {
  const [data, setData] = useState<Summary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const waiting = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    let cancelled = false
    http
      .get<Summary>(`${API_URL}/summary`)
      .then((response) => {
        if (cancelled) return
        setData(response.data)
        setError(null)
      })
      .catch((failure) => !cancelled && setError(toHttpError(failure).message))
    return () => {
      cancelled = true
    }
  }, [tick, version])

  useEffect(() => {
    const stop = realtime.subscribe('events', () => {
      waiting.current ??= setTimeout(() => {
        waiting.current = null
        setVersion((n) => n + 1)
      }, REFRESH_AFTER_EVENTS_MS)
    })
    return () => {
      stop()
      if (waiting.current) clearTimeout(waiting.current)
      waiting.current = null
    }
  }, [])

  const retry = useCallback(() => setVersion((n) => n + 1), [])
  return (
    <SummaryContext.Provider value={{ data, error, retry }}>{children}</SummaryContext.Provider>
  )
}

/** The Home's summary, as loaded (null until then). */
export function useSummary(): CardState<Summary> {
  return useContext(SummaryContext)
}

/** A card's part of the summary; a part the answer lacks shows as an error, not a spinner. */
export function useSummaryPart<T>(pick: (summary: Summary) => T | null | undefined): CardState<T> {
  const { data, error, retry } = useSummary()
  if (error && !data) return { data: null, error, retry }
  if (!data) return { data: null, error: null, retry }
  const part = pick(data)
  return part === undefined || part === null
    ? { data: null, error: 'Not in the summary: is the plugin enabled on the server?', retry }
    : { data: part, error: null, retry }
}

/** A plugin's part of the summary (what its server side's `summary` hook returns). */
export function usePluginSummary<T>(plugin: string): CardState<T> {
  return useSummaryPart((summary) => summary.plugins[plugin] as T | undefined)
}

/** Fills a chart's slot while its code (recharts) loads. */
export const chartFallback = <Loading minHeight={180} />

/** How many records a list has with these filters (one row asked for; x-total-count). Cards read the summary instead. */
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
  extra,
  children,
}: {
  title: string
  state: { data: T | null; error: string | null; retry: () => void }
  extra?: ReactNode
  children: (data: T) => ReactNode
}) {
  return (
    <Card title={title} extra={extra}>
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
