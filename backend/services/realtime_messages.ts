/**
 * What the realtime channels carry (docs/API.md, "Realtime"). A pure module
 * of types: the server sends them (services/realtime.ts), the admin reads
 * them (admin/src/realtime/feed_events.ts).
 */
import type { ActorType } from '../enums/actor_type.js'

/** The `events` channel: one per recorded change or progress event. */
export interface Envelope {
  /** task_events.id: clients keep the last one and backfill with GET /api/events?after=<seq>. */
  seq: number
  id: string
  type: string
  entityType: string
  entityId: string
  taskId: string | null
  /** The acting agent's name; null when a person or the system made the change. */
  agent: string | null
  actor: { type: `${ActorType}`; id: string | null }
  timestamp: string
  payload: Record<string, unknown>
}
