/**
 * Realtime over Transmit (SSE). Every recorded change is broadcast after
 * commit as an envelope on `events` and as `{type, ids}` on
 * `resources/<resource>` (Refine's live mode); agents get control messages
 * on `agents/<agent id>`. With REDIS_URL set, broadcasts reach the clients
 * of every instance (see config/transmit.ts).
 */
import transmit from '@adonisjs/transmit/services/main'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import User from '#models/user'
import Agent from '#models/agent'
import { ActorType } from '#enums/actor_type'
import { ApiError } from '#exceptions/api_error'
import { Permission } from '#policies/permissions'
import { can, type Actor } from '#policies/app_policy'
import { controlsFor } from '#services/controls'
import type { ChangeKind, RecordedEvent } from '#services/change_recorder'

export const channels = {
  events: 'events',
  resource: (name: string) => `resources/${name}`,
  agent: (id: string) => `agents/${id}`,
}

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
  actor: { type: ActorType; id: string | null }
  timestamp: string
  payload: Record<string, unknown>
}

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
const send = (channel: string, message: object) =>
  transmit.broadcast(channel, message as unknown as Broadcastable)

export function toResourceMessage(event: RecordedEvent): ResourceMessage {
  return { type: event.kind, ids: [event.resourceId] }
}

/** Envelope on `events`, ids on `resources/<resource>`, control messages where due. */
export async function broadcastRecorded(event: RecordedEvent) {
  send(channels.events, toEnvelope(event))
  send(channels.resource(event.resourceType), toResourceMessage(event))
  await sendControls(event)
}

export function broadcastControl(agentId: string, message: ControlMessage) {
  send(channels.agent(agentId), message)
}

/** One message per agent channel: `paused` differs between agents (their own state). */
export async function broadcastToAllAgents(
  message: (agent: Agent) => ControlMessage | Promise<ControlMessage>
) {
  for (const agent of await Agent.all()) {
    broadcastControl(agent.id, await message(agent))
  }
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

/** What an agent is told, from its state after the change (read fresh, after commit). */
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

/**
 * Pause, resume, kill and the global pause reach the agents "at once" (the
 * contract's Pause section): the actions record the change, this sends it.
 */
async function sendControls(event: RecordedEvent) {
  const action = AGENT_CONTROLS[event.action]
  if (action && event.agentId) {
    const agent = await Agent.find(event.agentId)
    if (agent) broadcastControl(agent.id, await controlMessage(agent, action, event))
    return
  }
  const global = GLOBAL_CONTROLS[event.action]
  if (global) await broadcastToAllAgents((agent) => controlMessage(agent, global, event))
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
}

const UID = /^[\w-]{1,100}$/

function invalid(field: string, message: string) {
  return new ApiError(422, message, { field, rule: 'required', code: 'E_VALIDATION_ERROR' })
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
        throw new ApiError(422, `Unknown channel "${channel}"`, {
          field: 'channel',
          rule: 'channel',
          code: 'E_VALIDATION_ERROR',
        })
      }
      if (access === 'forbidden') {
        throw new ApiError(403, `You may not subscribe to "${channel}"`, {
          code: 'E_FORBIDDEN',
        })
      }
    }
  }
  return next()
}

/**
 * Who opened each stream of this instance: a stream outlives the request
 * that authenticated it, so it is checked again when its owner changes.
 */
interface StreamOwner {
  agent: boolean
  id: string
  /** The access token it was opened with; null for a browser session. */
  tokenId: string | number | null
}
const owners = new Map<string, StreamOwner>()

export function trackStreamOwners() {
  transmit.on('connect', ({ uid, context }) => {
    const actor = context.auth?.user
    if (!actor) return
    const token = (actor as { currentAccessToken?: { identifier: string | number } })
      .currentAccessToken
    owners.set(uid, {
      agent: actor instanceof Agent,
      id: actor.id,
      tokenId: token?.identifier ?? null,
    })
  })
  transmit.on('disconnect', ({ uid }) => owners.delete(uid))
}

async function mayKeepStream(owner: StreamOwner, subscribed: Set<string>) {
  const actor = owner.agent ? await Agent.find(owner.id) : await User.find(owner.id)
  if (!actor || (actor instanceof User && !actor.isActive)) return false
  if (owner.tokenId !== null) {
    const token = await db
      .from(owner.agent ? 'agent_access_tokens' : 'auth_access_tokens')
      .where('id', owner.tokenId)
      .first()
    if (!token || (token.expires_at && new Date(token.expires_at) <= new Date())) return false
  }
  return [...subscribed].every((channel) => channelAccess(actor, channel) === 'allowed')
}

/**
 * Ends the streams whose owner may no longer hold them (deactivated, token
 * revoked or expired, a channel no longer allowed after a role change). The
 * client reconnects and is refused, or re-subscribes to what it may still see.
 */
export async function revalidateStreams(which: (owner: StreamOwner) => boolean = () => true) {
  for (const [stream, subscribed] of transmit.getManager().getAllSubscribers()) {
    const owner = owners.get(stream.getUid())
    if (owner && which(owner) && !(await mayKeepStream(owner, subscribed))) stream.end()
  }
}

/** Changes that can take a stream away from its owner; the actor is the event's resource. */
const OWNER_CHANGES = new Set([
  'user.updated',
  'user.deactivated',
  'user.token_revoked',
  'agent.token_revoked',
])

export async function revalidateAfter(event: RecordedEvent) {
  if (OWNER_CHANGES.has(event.action)) {
    await revalidateStreams((owner) => owner.id === event.resourceId)
  }
}

/**
 * Ends every open stream of this instance and waits (at most `timeoutMs`)
 * until their responses are done: the HTTP server's close() only drops
 * connections that are idle when it is called.
 */
export async function closeAllStreams(timeoutMs = 2000) {
  const streams = transmit.getManager().getAllSubscribers()
  for (const stream of streams.keys()) stream.end()
  const deadline = Date.now() + timeoutMs
  while (streams.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
