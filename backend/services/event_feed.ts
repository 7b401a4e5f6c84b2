/**
 * GET /api/events: the list dialect, plus `after=<seq>`, the backfill a
 * realtime client runs after every (re)connect to catch up on what it
 * missed: events with a larger seq, oldest first, at most 1000 a call.
 */
import type { HttpContext } from '@adonisjs/core/http'
import TaskEvent from '#models/task_event'
import db from '@adonisjs/lucid/services/db'
import { describeAgentTypes } from '#services/agent_types'
import { ApiException } from '#exceptions/api_exception'
import {
  MAX_PAGE_SIZE,
  applyFilters,
  applySort,
  parseListQuery,
  type ListSpec,
} from '#services/list_query'

export const EVENT_LIST: ListSpec = {
  filters: {
    id: 'integer',
    task_id: 'uuid',
    agent_id: 'uuid',
    event_type: 'text',
    created_by: 'uuid',
    created_at: 'datetime',
  },
  sortable: ['id', 'created_at'],
  search: ['event_type'],
  defaultSort: [['id', 'desc']],
}

function invalid(message: string, field: string) {
  return new ApiException(422, message, { field, code: 'E_INVALID_QUERY' })
}

/** `after` as a seq, or null when absent or empty (an empty value means "no filter"). */
function parseAfter(raw: unknown): number | null {
  if (raw === undefined || raw === '') return null
  const value = typeof raw === 'string' ? raw : null
  if (value === null || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw invalid('after must be a whole number of 0 or more (the last seq you saw)', 'after')
  }
  return Number(value)
}

export async function listEvents(ctx: HttpContext) {
  const { after: rawAfter, ...qs } = ctx.request.qs()
  const after = parseAfter(rawAfter)

  if (after !== null) {
    /* The backfill is always in seq order, so a client can resume from the last row. */
    const sort = [qs._sort, qs._order].map((v) => (v === undefined ? '' : String(v)))
    if ((sort[0] !== '' && sort[0] !== 'id') || (sort[1] !== '' && sort[1] !== 'asc')) {
      throw invalid('With after, events come in ascending seq order; drop _sort/_order', '_sort')
    }
    delete qs._sort
    delete qs._order
    /* Without _end, a backfill page is the largest page there is. */
    if (qs._end === undefined || qs._end === '') {
      const start = typeof qs._start === 'string' && /^\d+$/.test(qs._start) ? Number(qs._start) : 0
      qs._end = String(start + MAX_PAGE_SIZE)
    }
  }

  const spec: ListSpec =
    after === null ? EVENT_LIST : { ...EVENT_LIST, defaultSort: [['id', 'asc']] }
  const parsed = parseListQuery(qs, spec)
  const query = TaskEvent.query()
  if (after !== null) query.where('id', '>', after)
  applyFilters(query, parsed, spec)

  const [{ total }] = await query.clone().clearOrder().clearSelect().count('* as total').pojo<{
    total: string
  }>()
  ctx.response.header('x-total-count', String(Number(total)))

  applySort(query, parsed, spec)
  return query.offset(parsed.start).limit(parsed.end - parsed.start)
}

/** One event by seq; ids past what bigint holds are simply unknown. */
export async function findEvent(id: number) {
  const event = Number.isSafeInteger(id) ? await TaskEvent.find(id) : null
  if (!event) throw ApiException.notFound('Event')
  return event
}

export interface EventTypeEntry {
  type: string
  /** The agent types that declare it (their agents may post it), empty for the types the server writes. */
  declared_by: string[]
  description: string | null
  /** Whether an event of this type has been recorded. */
  recorded: boolean
}

/**
 * Every event type there is: the ones recorded (a loose index scan over
 * (event_type, id): one index probe per distinct type, however many events)
 * and the ones the agent types declare, recorded yet or not.
 */
export async function listEventTypes(): Promise<EventTypeEntry[]> {
  const { rows } = await db.rawQuery<{ rows: { event_type: string }[] }>(`
    WITH RECURSIVE types AS (
      (SELECT event_type FROM task_events ORDER BY event_type LIMIT 1)
      UNION ALL
      SELECT (SELECT event_type FROM task_events WHERE event_type > types.event_type
              ORDER BY event_type LIMIT 1)
      FROM types WHERE types.event_type IS NOT NULL
    )
    SELECT event_type FROM types WHERE event_type IS NOT NULL`)
  const entries = new Map<string, EventTypeEntry>()
  const entry = (type: string) => {
    let found = entries.get(type)
    if (!found) {
      found = { type, declared_by: [], description: null, recorded: false }
      entries.set(type, found)
    }
    return found
  }
  for (const { event_type: type } of rows) entry(type).recorded = true
  for (const agentType of describeAgentTypes()) {
    for (const event of agentType.events) {
      const found = entry(event.type)
      found.declared_by.push(agentType.name)
      found.description ??= event.description ?? null
    }
  }
  return [...entries.values()].sort((a, b) => a.type.localeCompare(b.type))
}
