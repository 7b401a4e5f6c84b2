import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { API_URL, http, toHttpError } from '../providers/http'
import { realtime, type RealtimeStatus } from './client'

/*
| The `events` channel with nothing missed: every envelope carries `seq`
| (the task_events id). The feed keeps the last seq it is sure of and,
| after every (re)subscription, asks GET /api/events?after=<seq> for what
| happened while it was away. Live and fetched events are merged and
| de-duplicated by seq, so a listener sees each event once.
*/

/** The realtime envelope (backend/services/realtime.ts `toEnvelope`). */
export interface EventEnvelope {
  seq: number
  id: string
  type: string
  entityType: string
  entityId: string
  taskId: string | null
  /** The acting agent's name; null for people, the system, and events fetched after a reconnect. */
  agent: string | null
  actor: { type: 'user' | 'agent' | 'system'; id: string | null }
  timestamp: string
  payload: Record<string, unknown>
}

/** An envelope as the feed hands it out. */
export interface FeedEvent extends EventEnvelope {
  /** The agent the event is about or by (task_events.agent_id), when known. */
  agentId: string | null
  /** `live` from the stream, `backfill` from GET /api/events?after=. */
  source: 'live' | 'backfill'
}

/** A row of GET /api/events. */
export interface EventRow {
  id: number
  task_id: string | null
  agent_id: string | null
  event_type: string
  payload: Record<string, unknown> | null
  created_by: string | null
  created_at: string
}

export function fromEventRow(row: EventRow): FeedEvent {
  const payload = row.payload ?? {}
  const resource = typeof payload.resource === 'string' ? payload.resource : ''
  const actorType =
    row.created_by === null ? 'system' : row.created_by === row.agent_id ? 'agent' : 'user'
  return {
    seq: Number(row.id),
    id: `evt_${row.id}`,
    type: row.event_type,
    entityType: resource.replace(/s$/, '') || row.event_type.split('.')[0],
    entityId: typeof payload.id === 'string' ? payload.id : '',
    taskId: row.task_id,
    agent: null,
    actor: { type: actorType, id: row.created_by },
    timestamp: new Date(row.created_at).toISOString(),
    payload,
    agentId: row.agent_id,
    source: 'backfill',
  }
}

function fromEnvelope(envelope: EventEnvelope): FeedEvent {
  const agentId =
    envelope.actor?.type === 'agent'
      ? envelope.actor.id
      : envelope.entityType === 'agent'
        ? envelope.entityId
        : null
  return { ...envelope, seq: Number(envelope.seq), agentId, source: 'live' }
}

/** The largest page the API serves. */
const PAGE = 1000
/** Safety stop: a client this far behind reloads its screen instead. */
const MAX_PAGES = 20

/**
 * Every event after `after`, oldest first, following `x-total-count` until
 * caught up. `query` narrows it with the list filters (agent_id, event_type...).
 */
export async function fetchEventsAfter(
  after: number,
  query: Record<string, string> = {}
): Promise<FeedEvent[]> {
  const events: FeedEvent[] = []
  let cursor = after
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await http.get<EventRow[]>(`${API_URL}/events`, {
      params: { ...query, after: String(cursor), _start: '0', _end: String(PAGE) },
    })
    const rows = response.data
    for (const row of rows) events.push(fromEventRow(row))
    const total = Number(response.headers['x-total-count'] ?? rows.length)
    if (rows.length === 0 || total <= rows.length) break
    cursor = Number(rows[rows.length - 1].id)
  }
  return events
}

/** The newest seq there is (0 when no event exists yet). */
export async function fetchHeadSeq(): Promise<number> {
  const { data } = await http.get<EventRow[]>(`${API_URL}/events`, {
    params: { _sort: 'id', _order: 'desc', _start: '0', _end: '1' },
  })
  return data.length ? Number(data[0].id) : 0
}

/** A set that forgets its oldest members past `limit`. */
class RecentSet {
  #items = new Set<number>()
  constructor(private readonly limit: number) {}
  has(value: number) {
    return this.#items.has(value)
  }
  add(value: number) {
    this.#items.add(value)
    if (this.#items.size > this.limit) {
      const oldest = this.#items.values().next().value
      if (oldest !== undefined) this.#items.delete(oldest)
    }
  }
}

/*
| Events committed out of seq order (two transactions, the later id first)
| can reach the database after a later seq was seen: each catch-up re-reads
| a few seqs before the cursor, and de-duplication drops the repeats.
*/
const OVERLAP = 20
const RETRY_MS = 3_000

export type FeedListener = (event: FeedEvent) => void

class EventFeed {
  #listeners = new Set<FeedListener>()
  #seen = new RecentSet(5_000)
  /** Every event up to this seq has been delivered (null until first known). */
  #cursor: number | null = null
  #maxDelivered = 0
  /** True from a (re)connection until its catch-up succeeds: live events do not move the cursor. */
  #dirty = true
  #running = false
  #again = false
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  #release: (() => void) | null = null

  get lastSeq() {
    return this.#cursor
  }

  listen(listener: FeedListener): () => void {
    this.#listeners.add(listener)
    if (!this.#release) {
      this.#dirty = true
      this.#release = realtime.subscribe<EventEnvelope>(
        'events',
        (message) => this.#onLive(message),
        () => {
          this.#dirty = true
          void this.#catchUp()
        }
      )
    }
    return () => {
      this.#listeners.delete(listener)
      if (this.#listeners.size === 0 && this.#release) {
        this.#release()
        this.#release = null
        // Nobody listens: the next listener starts from "now", not from here.
        this.#cursor = null
        if (this.#retryTimer) clearTimeout(this.#retryTimer)
        this.#retryTimer = null
      }
    }
  }

  #onLive(message: EventEnvelope) {
    if (!message || typeof message.seq !== 'number') return
    const event = fromEnvelope(message)
    this.#deliver(event)
    if (!this.#dirty && this.#cursor !== null) this.#cursor = Math.max(this.#cursor, event.seq)
  }

  #deliver(event: FeedEvent) {
    if (this.#seen.has(event.seq)) return
    this.#seen.add(event.seq)
    this.#maxDelivered = Math.max(this.#maxDelivered, event.seq)
    for (const listener of [...this.#listeners]) {
      try {
        listener(event)
      } catch (error) {
        console.error(error)
      }
    }
  }

  async #catchUp() {
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = true
    try {
      do {
        this.#again = false
        if (this.#cursor === null) {
          // First connection: start from the newest event; screens load their own history.
          const head = await fetchHeadSeq()
          this.#cursor = Math.max(head, this.#maxDelivered)
        } else {
          const events = await fetchEventsAfter(Math.max(0, this.#cursor - OVERLAP))
          for (const event of events) this.#deliver(event)
          this.#cursor = Math.max(this.#cursor, this.#maxDelivered)
        }
      } while (this.#again)
      this.#dirty = false
    } catch (error) {
      console.warn('Realtime: catching up on missed events failed', toHttpError(error).message)
      if (this.#release && !this.#retryTimer) {
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null
          if (this.#release) void this.#catchUp()
        }, RETRY_MS)
      }
    } finally {
      this.#running = false
    }
  }
}

/** The app's one feed over the `events` channel. */
export const eventFeed = new EventFeed()

/** The connection's state, for a "live" / "reconnecting" badge. */
export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(realtime.onStatus, () => realtime.status)
}

export interface UseEventFeedOptions {
  /**
   * Also deliver every event after this seq first (the newest id of a list
   * the screen loaded itself), so nothing falls between that load and the
   * stream. Leave undefined to get only events from now on.
   */
  after?: number | null
  /** Narrows the `after` fetch with list filters (agent_id, event_type, task_id...). */
  query?: Record<string, string>
  /** false: do not listen (yet). */
  enabled?: boolean
}

/**
 * Calls `onEvent` for each event, once, in seq order within a catch-up,
 * across reconnects. The handler may change between renders.
 */
export function useEventFeed(
  onEvent: (event: FeedEvent) => void,
  { after, query, enabled = true }: UseEventFeedOptions = {}
) {
  const handler = useRef(onEvent)
  useEffect(() => {
    handler.current = onEvent
  })
  const queryKey = JSON.stringify(query ?? {})

  useEffect(() => {
    if (!enabled) return
    const delivered = new RecentSet(5_000)
    const emit = (event: FeedEvent) => {
      if (delivered.has(event.seq)) return
      delivered.add(event.seq)
      handler.current(event)
    }
    let cancelled = false
    let replaying = after !== undefined && after !== null
    const buffered: FeedEvent[] = []
    const stop = eventFeed.listen((event) => (replaying ? buffered.push(event) : emit(event)))

    if (replaying) {
      const flush = () => {
        replaying = false
        buffered.sort((a, b) => a.seq - b.seq).forEach(emit)
        buffered.length = 0
      }
      fetchEventsAfter(after as number, JSON.parse(queryKey) as Record<string, string>)
        .then((events) => {
          if (cancelled) return
          events.forEach(emit)
          flush()
        })
        .catch((error) => {
          console.warn('Realtime: loading events since the list failed', toHttpError(error))
          if (!cancelled) flush()
        })
    }
    return () => {
      cancelled = true
      stop()
    }
  }, [enabled, after, queryKey])

  return useRealtimeStatus()
}

export interface UseRecentEventsOptions {
  /** How many to keep, newest first (default 100). */
  limit?: number
  /** List filters for the first load and the catch-up (`agent_id`, `event_type_like`, ...). */
  query?: Record<string, string>
  /** Which live events belong (the same filters, applied to envelopes). */
  match?: (event: FeedEvent) => boolean
}

/**
 * The newest events, kept current: one list load, then the live feed from
 * that list's newest seq. What a feed screen or an activity card needs.
 */
export function useRecentEvents({ limit = 100, query, match }: UseRecentEventsOptions = {}) {
  const [events, setEvents] = useState<FeedEvent[]>([])
  const [since, setSince] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const queryKey = JSON.stringify(query ?? {})
  const matcher = useRef(match)
  useEffect(() => {
    matcher.current = match
  })

  useEffect(() => {
    let cancelled = false
    setLoading(true)
    setError(null)
    setSince(null)
    http
      .get<EventRow[]>(`${API_URL}/events`, {
        params: {
          ...(JSON.parse(queryKey) as Record<string, string>),
          _sort: 'id',
          _order: 'desc',
          _start: '0',
          _end: String(limit),
        },
      })
      .then(({ data }) => {
        if (cancelled) return
        setEvents(data.map(fromEventRow))
        setSince(data.length ? Number(data[0].id) : 0)
      })
      .catch((failure) => !cancelled && setError(toHttpError(failure).message))
      .finally(() => !cancelled && setLoading(false))
    return () => {
      cancelled = true
    }
  }, [queryKey, limit, attempt])

  const status = useEventFeed(
    (event) => {
      if (matcher.current && !matcher.current(event)) return
      setEvents((current) =>
        current.some((known) => known.seq === event.seq)
          ? current
          : [event, ...current].sort((a, b) => b.seq - a.seq).slice(0, limit)
      )
    },
    { after: since, query, enabled: since !== null }
  )

  return { events, loading, error, status, reload: () => setAttempt((n) => n + 1) }
}
