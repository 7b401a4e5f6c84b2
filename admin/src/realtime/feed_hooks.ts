import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { toHttpError } from '../providers/http'
import { realtime, type RealtimeStatus } from './client'
import type { FeedEvent } from './feed_events'
import { fetchEventsAfter, fetchLatestEvents } from './feed_fetch'
import { eventFeed, RecentSet } from './feed_store'

/* The feed in React: the connection's status, every event as it comes, the latest few. */

export function useRealtimeStatus(): RealtimeStatus {
  const status = () => realtime.status
  // the same on the server (the board's first frame: src/first_frame.tsx)
  return useSyncExternalStore(realtime.onStatus, status, status)
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
    fetchLatestEvents(JSON.parse(queryKey) as Record<string, string>, limit)
      .then((latest) => {
        if (cancelled) return
        setEvents(latest)
        setSince(latest.length ? latest[0].seq : 0)
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
