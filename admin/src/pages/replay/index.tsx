import { useEffect, useMemo, useRef, useState } from 'react'
import { List } from '@refinedev/antd'
import { Button, Card, Drawer, Empty, Select, Slider, Space, Typography } from 'antd'
import { PauseOutlined, CaretRightOutlined } from '@ant-design/icons'
import { Loading, QueryError } from '../../components/states'
import { RecordTimeline } from '../../components/record_timeline'
import { API_URL, http, toHttpError } from '../../providers/http'
import { formatDateTime } from '../../lib/format'
import type { TaskRecord } from '../../lib/tasks'
import type { AgentRecord } from '../../lib/agents'
import type { EventRow } from '../../realtime/event_feed'
import { useLinkLabels } from '../../lib/task_links'
import { StaticBoard, type BoardLookups } from '../board/board_columns'

interface ReplayBoard {
  at: string
  tasks: TaskRecord[]
  agents: AgentRecord[]
}

const STEPS = 200
const PLAY_MS = 400
/* The scrubber moves by whole seconds: arrow keys nudge it one second. */
const SECOND = 1000

/* How much history the scrubber spans: all of it, or the latest part, so a
   few seconds stay a few pixels wide however long the history is. */
const WINDOWS = [
  { value: 0, label: 'All history' },
  { value: 24 * 3600 * SECOND, label: 'Last 24 hours' },
  { value: 3600 * SECOND, label: 'Last hour' },
  { value: 10 * 60 * SECOND, label: 'Last 10 minutes' },
]

async function boundary(order: 'asc' | 'desc'): Promise<number | null> {
  const { data } = await http.get<EventRow[]>(`${API_URL}/events`, {
    params: { _sort: 'id', _order: order, _start: 0, _end: 1 },
  })
  return data[0] ? new Date(data[0].created_at).getTime() : null
}

/**
 * Replay: a scrubber over the board's history (first to last event), with
 * play/pause, showing the board as it was at that moment; and the timeline
 * of any card and what it links to (its History, in a drawer).
 */
export default function Replay() {
  const [bounds, setBounds] = useState<{ min: number; max: number } | null>(null)
  const [boundsError, setBoundsError] = useState<string | null>(null)
  const [at, setAt] = useState<number | null>(null)
  const [board, setBoard] = useState<ReplayBoard | null>(null)
  const [boardError, setBoardError] = useState<string | null>(null)
  const [loadingBoard, setLoadingBoard] = useState(false)
  const [playing, setPlaying] = useState(false)
  const [taskId, setTaskId] = useState<string | undefined>()
  const [span, setSpan] = useState(0)
  const request = useRef(0)
  // the scrubber's range: the chosen span of history, ending at the latest event
  const range = bounds && {
    min: span ? Math.max(bounds.min, bounds.max - span) : bounds.min,
    max: bounds.max,
  }

  const loadBounds = () => {
    setBoundsError(null)
    Promise.all([boundary('asc'), boundary('desc')])
      .then(([min, max]) => {
        if (min === null || max === null) {
          setBounds({ min: 0, max: 0 })
          return
        }
        setBounds({ min, max: Math.max(max, min + 1) })
        setAt((current) => current ?? max)
      })
      .catch((error) => setBoundsError(toHttpError(error).message))
  }
  useEffect(loadBounds, [])

  // The board at `at`, the newest request winning.
  useEffect(() => {
    if (at === null) return
    const mine = ++request.current
    setLoadingBoard(true)
    const timer = setTimeout(() => {
      http
        .get<ReplayBoard>(`${API_URL}/replay/board`, {
          params: { at: new Date(at).toISOString() },
        })
        .then(({ data }) => {
          if (mine !== request.current) return
          setBoard(data)
          setBoardError(null)
        })
        .catch((error) => mine === request.current && setBoardError(toHttpError(error).message))
        .finally(() => mine === request.current && setLoadingBoard(false))
    }, 120)
    return () => clearTimeout(timer)
  }, [at])

  // Play: move forward a step at a time, stop at the end.
  const rangeMin = range?.min
  const rangeMax = range?.max
  useEffect(() => {
    if (!playing || rangeMin === undefined || rangeMax === undefined) return
    const step = Math.max(1, Math.round((rangeMax - rangeMin) / STEPS))
    const timer = setInterval(() => {
      setAt((current) => {
        const next = Math.min(rangeMax, Math.max(current ?? rangeMin, rangeMin) + step)
        if (next >= rangeMax) setPlaying(false)
        return next
      })
    }, PLAY_MS)
    return () => clearInterval(timer)
  }, [playing, rangeMin, rangeMax])

  // names of the linked records; not their status today, which was not theirs then
  const links = useLinkLabels(board?.tasks ?? [], false)
  const lookups: BoardLookups = useMemo(
    () => ({
      agentName: (id) => board?.agents.find((a) => a.id === id)?.name,
      links,
    }),
    [board, links]
  )

  if (boundsError)
    return (
      <List title="Replay">
        <QueryError
          title="The history could not be loaded"
          error={{ message: boundsError }}
          onRetry={loadBounds}
        />
      </List>
    )
  if (!bounds || !range) return <Loading />
  if (bounds.max === 0)
    return (
      <List title="Replay">
        <Empty description="Nothing has happened yet: there is no history to replay" />
      </List>
    )

  const play = () => {
    if (at === null || at >= range.max || at < range.min) setAt(range.min)
    setPlaying(true)
  }

  const changeSpan = (value: number) => {
    setPlaying(false)
    setSpan(value)
    const min = value ? Math.max(bounds.min, bounds.max - value) : bounds.min
    setAt((current) => (current === null || current < min ? min : current))
  }

  return (
    <List title="Replay">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Button
                data-testid="replay-play"
                icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
                onClick={() => (playing ? setPlaying(false) : play())}
              >
                {playing ? 'Pause' : 'Play'}
              </Button>
              <Typography.Text strong data-testid="replay-at">
                {at !== null ? formatDateTime(new Date(at).toISOString(), { seconds: true }) : '—'}
              </Typography.Text>
              {loadingBoard && <Typography.Text type="secondary">loading…</Typography.Text>}
              <Select
                data-testid="replay-span"
                aria-label="History shown"
                value={span}
                onChange={changeSpan}
                options={WINDOWS}
                style={{ minWidth: 150 }}
              />
            </Space>
            <div data-testid="replay-slider">
              <Slider
                min={range.min}
                max={range.max}
                step={SECOND}
                value={at ?? range.max}
                onChange={(value) => {
                  setPlaying(false)
                  setAt(value)
                }}
                // the chosen time shows, to the second, in the label above (a tooltip covered it)
                tooltip={{ formatter: null }}
              />
            </div>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text type="secondary">
                {formatDateTime(new Date(range.min).toISOString(), { seconds: true })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(new Date(bounds.max).toISOString(), { seconds: true })}
              </Typography.Text>
            </Space>
          </Space>
        </Card>
        {boardError ? (
          <QueryError
            title="The board at that time could not be loaded"
            error={{ message: boardError }}
          />
        ) : board ? (
          <div data-testid="replay-board">
            <StaticBoard
              tasks={board.tasks}
              lookups={lookups}
              onHistory={(task) => setTaskId(task.id)}
            />
          </div>
        ) : (
          <Loading />
        )}
      </Space>
      {/* a card's history, from the card, beside the board */}
      <Drawer
        open={!!taskId}
        onClose={() => setTaskId(undefined)}
        title={`History of “${board?.tasks.find((t) => t.id === taskId)?.title ?? 'a task'}”`}
        size="large"
        data-testid="history-drawer"
        destroyOnHidden
      >
        {taskId && <RecordTimeline subject="task_id" id={taskId} limit={500} />}
      </Drawer>
    </List>
  )
}
