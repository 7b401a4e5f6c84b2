/**
 * Realtime over Transmit (SSE). Every recorded change is delivered after
 * commit as an envelope on `events` and as `{type, ids}` on
 * `resources/<resource>` (Refine's live mode); agents get control messages
 * on `agents/<agent id>`. Each instance delivers every event to its own
 * streams, in seq order and once: the events it records, those it hears of
 * through Redis (with REDIS_URL, see config/transmit.ts), and those it reads
 * from the table when Redis lost them (realtime_sequencer.ts). Who may open,
 * subscribe and unsubscribe a stream: realtime_streams.ts.
 */
import transmit from '@adonisjs/transmit/services/main'
import db from '@adonisjs/lucid/services/db'
import { realtimeTransport } from '#services/realtime_transport'
import { Sequencer, type SequenceSource } from '#services/realtime_sequencer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import User from '#models/user'
import Agent from '#models/agent'
import { ActorType } from '#enums/actor_type'
import { ApiException } from '#exceptions/api_exception'
import { Permission } from '#policies/permissions'
import { can, type Actor } from '#policies/app_policy'
import { controlsFor } from '#services/controls'
import {
  eventFromRow,
  type ChangeKind,
  type RecordedEvent,
  type TaskEventRow,
} from '#services/change_recorder'
import type { Envelope } from '#services/realtime_messages'

export const channels = {
  events: 'events',
  resource: (name: string) => `resources/${name}`,
  agent: (id: string) => `agents/${id}`,
}

export type { Envelope }

export interface ResourceMessage {
  type: ChangeKind
  ids: string[]
}

export type ControlAction = 'pause' | 'resume' | 'kill' | 'global_pause' | 'global_resume'

export interface ControlMessage {
  type: 'control'
  action: ControlAction
  /** Whether the agent may write now, all controls considered (its own and the global pause). */
  paused: boolean
  reason: string | null
  at: string
}

/**
 * The wire shape of a recorded event. `agent` comes from the actor only (no
 * lookup): an admin pausing an agent is not that agent acting, and the
 * agent concerned is in `payload`/`entityId` anyway.
 */
export function toEnvelope(event: RecordedEvent): Envelope {
  return {
    seq: event.seq,
    id: `evt_${event.seq}`,
    type: event.action,
    entityType: event.entityType,
    entityId: event.resourceId,
    taskId: event.taskId ?? null,
    agent: event.actor.type === ActorType.Agent ? (event.actor.name ?? null) : null,
    actor: { type: event.actor.type, id: event.actor.id },
    timestamp: new Date(event.createdAt).toISOString(),
    payload: event.payload,
  }
}

/* Our messages are plain JSON; Transmit's Broadcastable type cannot see that through interfaces. */
type Broadcastable = Parameters<typeof transmit.broadcast>[1]

/** To this instance's streams only: the other instances deliver recorded events themselves. */
const sendLocally = (channel: string, message: object) =>
  transmit.broadcastExcept(channel, message as unknown as NonNullable<Broadcastable>, [])

export function toResourceMessage(event: RecordedEvent): ResourceMessage {
  return { type: event.kind, ids: [event.resourceId] }
}

/** A control message pushed as is, to every instance (through Redis) and this one. */
export function broadcastControl(agentId: string, message: ControlMessage) {
  sendToAgent(agentId, message)
}

/**
 * A message for one agent only, on its private channel `agents/<id>` (that
 * agent and admins may listen), to every instance. For what other agents
 * must not read, such as a reviewer's feedback on the agent's draft. Sent
 * after commit; a lost message is not a lost change (the agent can read
 * the same through the API).
 */
export function sendToAgent<M extends { type: string }>(agentId: string, message: M) {
  transmit.broadcast(channels.agent(agentId), message as unknown as Broadcastable)
}

const AGENT_CONTROLS: Record<string, ControlAction> = {
  'agent.paused': 'pause',
  'agent.resumed': 'resume',
  'agent.killed': 'kill',
}
const GLOBAL_CONTROLS: Record<string, ControlAction> = {
  'system.paused': 'global_pause',
  'system.resumed': 'global_resume',
}

/** What an agent is told, from its state now (read after commit: `paused` is the current truth). */
async function controlMessage(agent: Agent, action: ControlAction, event: RecordedEvent) {
  const controls = await controlsFor(agent)
  const given = typeof event.payload.reason === 'string' ? event.payload.reason : null
  const reason = controls.paused && controls.scope === 'agent' && given ? given : controls.reason
  return {
    type: 'control' as const,
    action,
    paused: controls.paused,
    reason,
    at: new Date(event.createdAt).toISOString(),
  }
}

/** The agent ids whose channel has a subscriber on this instance. */
function followedAgents() {
  const ids = new Set<string>()
  for (const subscribed of transmit.getManager().getAllSubscribers().values()) {
    for (const channel of subscribed) {
      const id = channel.match(/^agents\/([^/]+)$/)?.[1]
      if (id) ids.add(id)
    }
  }
  return ids
}

/**
 * Pause, resume, kill and the global pause reach the agents "at once" (the
 * contract's Pause section): the actions record the change; each instance
 * tells the agents that follow their channel on it.
 */
async function sendControls(event: RecordedEvent) {
  const action = AGENT_CONTROLS[event.action]
  const global = GLOBAL_CONTROLS[event.action]
  if (!action && !global) return
  const followed = followedAgents()
  const ids = action
    ? event.agentId && followed.has(event.agentId)
      ? [event.agentId]
      : []
    : [...followed]
  if (ids.length === 0) return
  for (const agent of await Agent.findMany(ids)) {
    sendLocally(channels.agent(agent.id), await controlMessage(agent, action ?? global, event))
  }
}

/** One recorded event to this instance's streams: `events`, `resources/<resource>`, controls. */
async function deliverLocally(event: RecordedEvent) {
  sendLocally(channels.events, toEnvelope(event))
  sendLocally(channels.resource(event.resourceType), toResourceMessage(event))
  await sendControls(event)
}

type ForeignListener = (event: RecordedEvent) => void
const foreignListeners = new Set<ForeignListener>()

/**
 * Called for each event recorded by another instance, as soon as this one
 * hears of it (through Redis, or from the table while this instance has
 * open streams): how a change made elsewhere reaches what this instance
 * keeps (cached tokens, open streams).
 */
export function onForeignEvent(listener: ForeignListener) {
  foreignListeners.add(listener)
}

function toForeign(event: RecordedEvent) {
  for (const listener of foreignListeners) {
    try {
      listener(event)
    } catch {
      /* a listener's failure never stops the delivery */
    }
  }
}

/*
| The events table as the sequencer's source. transactionsOpenBefore: a
| transaction (of this database, any session but this one) that began
| before `clock` may still hold a seq that commits later, if it has written
| (an INSERT that took a seq has an xid) or is running a statement (one
| taking a seq right now); a read-only session left idle in a transaction
| (a psql or pgAdmin window) cannot. Seeing other roles' sessions needs
| the same role or pg_read_all_stats; sessions it cannot see count as
| closed (then a seq may be skipped early and sent late).
*/
const EVENT_COLUMNS = 'id, task_id, agent_id, event_type, payload, created_by, created_at, envelope'
const source: SequenceSource<RecordedEvent> = {
  async head() {
    const { rows } = await db.rawQuery<{ rows: { head: string | null }[] }>(
      'SELECT max(id) AS head FROM task_events'
    )
    return Number(rows[0]?.head ?? 0)
  },
  async read(after, limit, before) {
    const { rows } = await db.rawQuery<{ rows: (TaskEventRow & { clock: Date })[] }>(
      `WITH now AS (SELECT clock_timestamp() AS clock)
       SELECT e.*, now.clock FROM now LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS} FROM task_events
         WHERE id > ? ${before === undefined ? '' : 'AND id < ?'}
         ORDER BY id LIMIT ?
       ) e ON true`,
      before === undefined ? [after, limit] : [after, before, limit]
    )
    const clock = rows[0]?.clock ?? new Date()
    return { items: rows.filter((row) => row.id !== null).map(eventFromRow), clock }
  },
  async transactionsOpenBefore(clock) {
    const { rows } = await db.rawQuery<{ rows: { open: boolean }[] }>(
      `SELECT EXISTS (
         SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start < ?
           AND (backend_xid IS NOT NULL OR state = 'active')
       ) AS open`,
      [clock]
    )
    return rows[0]?.open === true
  },
}

async function logWarning(message: string, error?: unknown) {
  const { default: logger } = await import('@adonisjs/core/services/logger')
  logger.warn(error ? { err: error } : {}, message)
}

/**
 * This instance's delivery of recorded events to its streams, in seq order
 * and once each, from every source (see services/realtime_sequencer.ts).
 * Active while the instance has open streams.
 */
export const sequencer = new Sequencer<RecordedEvent>({
  source,
  seqOf: (event) => event.seq,
  deliver: async (event, origin) => {
    if (origin === 'table') toForeign(event)
    await deliverLocally(event)
  },
  onError: (error) => void logWarning('Realtime: delivering events failed', error).catch(() => {}),
  onGiveUp: (seq) =>
    void logWarning(
      `Realtime: seq ${seq} is still uncommitted after 5 s; it is skipped (sent late should it commit)`
    ).catch(() => {}),
})

const RECORDED = 'mc.recorded'

/** After commit, for each recorded event: to the other instances through Redis, and to this one's streams. */
export async function broadcastRecorded(event: RecordedEvent) {
  const transport = realtimeTransport()
  if (transport) {
    /* lost if Redis is down: the other instances read it from the table */
    transport
      .publishOwn({ type: RECORDED, event: { ...event, createdAt: event.createdAt.toISOString() } })
      .catch(() => {})
  }
  sequencer.offer(event, 'local')
}

/** An event recorded by another instance, heard through Redis. */
export function receiveRecorded(message: Record<string, unknown>) {
  if (message.type !== RECORDED) return
  const raw = message.event as (Omit<RecordedEvent, 'createdAt'> & { createdAt: string }) | null
  if (!raw || typeof raw.seq !== 'number') return
  const event: RecordedEvent = { ...raw, createdAt: new Date(raw.createdAt) }
  toForeign(event)
  sequencer.offer(event, 'bus')
}

type ChannelAccess = 'allowed' | 'forbidden' | 'unknown'

/**
 * Who may listen where: what an actor may read through the API, it may
 * follow live. `agents/<id>` is for that agent and admins only.
 */
export function channelAccess(actor: Actor | null | undefined, channel: string): ChannelAccess {
  if (!actor || (actor instanceof User && !actor.isActive)) return 'forbidden'
  if (channel === channels.events) {
    return can(actor, Permission.ReadRecords) ? 'allowed' : 'forbidden'
  }
  const resource = channel.match(/^resources\/([a-z0-9_-]+)$/)?.[1]
  if (resource) {
    const permission =
      resource === 'users'
        ? Permission.ReadUsers
        : resource === 'audit'
          ? Permission.ReadAudit
          : Permission.ReadRecords
    return can(actor, permission) ? 'allowed' : 'forbidden'
  }
  // a person's own notifications (the bell): that person only
  const userId = channel.match(/^users\/([^/]+)$/)?.[1]
  if (userId) return actor instanceof User && actor.id === userId ? 'allowed' : 'forbidden'
  const agentId = channel.match(/^agents\/([^/]+)$/)?.[1]
  if (agentId) {
    if (actor instanceof Agent) return actor.id === agentId ? 'allowed' : 'forbidden'
    return actor.isAdmin ? 'allowed' : 'forbidden'
  }
  return 'unknown'
}

/**
 * Transmit's own authorization, for the channels with rules. The route
 * guard below already answered a refusal with the contract's 403; this is
 * the last word should anything call transmit.subscribe directly. The auth
 * middleware runs on the subscribe route, so ctx.auth.user is set; without
 * it, refuse (fail closed).
 */
export function authorizeChannels() {
  const allowed = (ctx: HttpContext, channel: string) =>
    channelAccess(ctx.auth?.user, channel) === 'allowed'
  transmit.authorize(channels.events, (ctx: HttpContext) => allowed(ctx, channels.events))
  transmit.authorize<{ name: string }>('resources/:name', (ctx: HttpContext, { name }) =>
    allowed(ctx, channels.resource(name))
  )
  transmit.authorize<{ id: string }>('agents/:id', (ctx: HttpContext, { id }) =>
    allowed(ctx, channels.agent(id))
  )
  transmit.authorize<{ id: string }>('users/:id', (ctx: HttpContext, { id }) =>
    allowed(ctx, `users/${id}`)
  )
}

const UID = /^[\w-]{1,100}$/

function invalid(field: string, message: string) {
  return new ApiException(422, message, { field, rule: 'required', code: 'E_VALIDATION_ERROR' })
}

/**
 * Route middleware for /__transmit/* (after auth): Transmit answers a
 * missing uid with a 500 and a refused channel with an empty 400; clients
 * get the contract's 422 and 403 instead.
 */
export async function guardTransmitRequest(ctx: HttpContext, next: NextFn) {
  const uid = ctx.request.input('uid')
  if (typeof uid !== 'string' || !UID.test(uid)) {
    throw invalid('uid', 'uid must be the client id (letters, digits, - and _; at most 100)')
  }
  if (ctx.request.method() === 'POST') {
    const channel = ctx.request.input('channel')
    if (typeof channel !== 'string' || channel.length === 0 || channel.length > 200) {
      throw invalid('channel', 'channel is required')
    }
    if (ctx.request.url().endsWith('/subscribe')) {
      const access = channelAccess(ctx.auth.user, channel)
      if (access === 'unknown') {
        throw new ApiException(422, `Unknown channel "${channel}"`, {
          field: 'channel',
          rule: 'channel',
          code: 'E_VALIDATION_ERROR',
        })
      }
      if (access === 'forbidden') {
        throw new ApiException(403, `You may not subscribe to "${channel}"`, {
          code: 'E_FORBIDDEN',
        })
      }
    }
  }
  return next()
}
