import { API_URL, http } from '../providers/http'
import { fromEventRow, type EventRow, type FeedEvent } from './feed_events'

/* Reading GET /api/events: catching up after a seq, and the newest seq there is. */

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

/** The latest `limit` events matching the list filters, newest first. */
export async function fetchLatestEvents(
  query: Record<string, string>,
  limit: number
): Promise<FeedEvent[]> {
  const { data } = await http.get<EventRow[]>(`${API_URL}/events`, {
    params: { ...query, _sort: 'id', _order: 'desc', _start: '0', _end: String(limit) },
  })
  return data.map(fromEventRow)
}
