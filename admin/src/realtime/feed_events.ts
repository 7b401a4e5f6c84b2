import type { Envelope as EventEnvelope } from '../../../backend/services/realtime_messages'

/*
| What an event is to the admin: the realtime envelope, a row of
| GET /api/events, and the one shape the feed hands out for both.
*/

/** The realtime envelope, as the server sends it. */
export type { Envelope as EventEnvelope } from '../../../backend/services/realtime_messages'

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

export function fromEnvelope(envelope: EventEnvelope): FeedEvent {
  const agentId =
    envelope.actor?.type === 'agent'
      ? envelope.actor.id
      : envelope.entityType === 'agent'
        ? envelope.entityId
        : null
  return { ...envelope, seq: Number(envelope.seq), agentId, source: 'live' }
}
