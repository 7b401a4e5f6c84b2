/**
 * The realtime streams of this instance and who owns them.
 *
 * A stream's uid is chosen by the client and is no secret (it travels in
 * URLs, logs and proxies): it belongs to the user or agent that opened it,
 * and only that identity may subscribe it, unsubscribe it or open it again
 * (the transmit client reconnects with the same uid). Someone else gets
 * 403 `E_FORBIDDEN` and nothing changes.
 *
 * Where ownership is known: this instance knows its own streams. With
 * Redis, every instance also registers its streams there (`<channel>:stream:<uid>`
 * → owner, refreshed while open, gone a minute after an instance dies), so
 * a subscribe or unsubscribe that a load balancer sends to another instance
 * is checked there: 403 for someone else's uid, 404 for none open, 503 when
 * Redis cannot be asked. An accepted request is forwarded with its owner,
 * and the instance holding the stream applies it only if the owner matches.
 *
 * Each token or browser session may hold REALTIME_MAX_STREAMS open streams
 * (default 20), counted across instances through Redis (per instance while
 * Redis is down); beyond, 429 `E_TOO_MANY_STREAMS` with Retry-After.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import transmit from '@adonisjs/transmit/services/main'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import logger from '@adonisjs/core/services/logger'
import User from '#models/user'
import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { channelAccess, sequencer } from '#services/realtime'
import { realtimeTransport, type StreamClaim } from '#services/realtime_transport'
import type { RecordedEvent } from '#services/change_recorder'

type Stream = ReturnType<typeof transmit.createStream>

/** Who opened a stream: a stream outlives the request that authenticated it. */
interface StreamOwner {
  agent: boolean
  id: string
  /** The access token it was opened with; null for a browser session. */
  tokenId: string | number | null
  /** A browser session's credentials stamp: a password change since then ends the stream. */
  stamp: number | null
}

interface OpenStream {
  uid: string
  stream: Stream
  owner: StreamOwner
  claim: StreamClaim
  /** This stream's tag in the registry (instance and stream): a newer claim of the uid differs. */
  tag: string
  closed: Promise<void>
  response: ServerResponse
}

const INSTANCE = randomUUID()
let streamCount = 0
const REGISTRY_TTL_MS = 60_000
const REGISTRY_REFRESH_MS = 20_000
const RETRY_AFTER_SECONDS = 10

const streams = new Map<string, OpenStream>()
/** Streams being opened (awaiting the registry or the sequencer). */
let opening = 0

function maxStreams() {
  const max = env.get('REALTIME_MAX_STREAMS') ?? 20
  return max > 0 ? max : Number.POSITIVE_INFINITY
}

function ownerOf(ctx: HttpContext) {
  const actor = ctx.auth.user as User | Agent
  const agent = actor instanceof Agent
  const token = (actor as { currentAccessToken?: { identifier: string | number } })
    .currentAccessToken
  const owner: StreamOwner = {
    agent,
    id: actor.id,
    tokenId: token?.identifier ?? null,
    stamp: actor instanceof User && !token ? actor.credentialsStamp : null,
  }
  const key = `${agent ? 'agent' : 'user'}:${actor.id}`
  const credential =
    owner.tokenId !== null
      ? `${key}:token:${owner.tokenId}`
      : `${key}:session:${ctx.session?.sessionId ?? ''}`
  /* a session id is a secret: only a digest of it goes to Redis */
  const claim: StreamClaim = {
    uid: ctx.request.input('uid'),
    owner: key,
    credential: createHash('sha256').update(credential).digest('base64url').slice(0, 32),
  }
  return { owner, claim }
}

const forbidden = () =>
  new ApiException(403, 'This stream belongs to another user or agent', { code: 'E_FORBIDDEN' })
const notFound = () =>
  new ApiException(
    404,
    'No stream with this uid is open: open GET /__transmit/events?uid=… first',
    {
      code: 'E_NOT_FOUND',
    }
  )
const unavailable = () =>
  new ApiException(
    503,
    'The instance holding this stream cannot be reached now (Redis is unavailable): try again',
    { code: 'E_UNAVAILABLE', headers: { 'Retry-After': '1' } }
  )
const tooMany = (max: number) =>
  new ApiException(
    429,
    `At most ${max} realtime streams may be open per token or session: close one first`,
    { code: 'E_TOO_MANY_STREAMS', headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } }
  )

function countLocal(credential: string, except: string) {
  let count = 0
  for (const entry of streams.values()) {
    if (entry.claim.credential === credential && entry.uid !== except) count++
  }
  return count
}

/** Ends a stream and waits until it is gone (Transmit's storage forgets a uid on close). */
async function endStream(entry: OpenStream) {
  entry.stream.end()
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 1000))
  if ((await Promise.race([entry.closed, timeout])) === 'timeout') {
    entry.response.destroy()
    await entry.closed
  }
}

function maybeIdle() {
  if (streams.size === 0 && opening === 0) sequencer.deactivate()
}

/** GET /__transmit/events?uid=…: opens (or, for its owner, reopens) a stream. */
export async function openStream(ctx: HttpContext) {
  const { owner, claim } = ownerOf(ctx)
  const uid = claim.uid
  const tag = `${INSTANCE}:${++streamCount}`
  const max = maxStreams()
  const transport = realtimeTransport()
  let claimed = false

  opening++
  try {
    const held = streams.get(uid)
    if (held && held.claim.owner !== claim.owner) throw forbidden()
    if (countLocal(claim.credential, uid) >= max) throw tooMany(max)
    if (transport) {
      /* Redis unreachable: this instance's own view is all there is */
      const result = await transport
        .claimStream(claim, tag, REGISTRY_TTL_MS, Number.isFinite(max) ? max : 1e9)
        .catch(() => null)
      if (result === 'owned') throw forbidden()
      if (result === 'full') throw tooMany(max)
      claimed = result === 'ok'
    }
    const previous = streams.get(uid)
    if (previous && previous.claim.owner !== claim.owner) throw forbidden()
    if (previous) await endStream(previous)
    /* from here on, every event committed is delivered to this stream once subscribed */
    await sequencer.activate()
  } catch (error) {
    if (claimed) transport!.releaseStream(claim, tag).catch(() => {})
    throw error
  } finally {
    opening--
  }

  const response = ctx.response.response
  if (response.destroyed || ctx.request.request.socket.destroyed) {
    /* the client went away while we checked */
    if (claimed) transport!.releaseStream(claim, tag).catch(() => {})
    maybeIdle()
    return
  }
  const closed = new Promise<void>((resolve) => response.once('close', () => resolve()))
  const stream = transmit.createStream({
    uid,
    context: ctx,
    request: ctx.request.request,
    response,
    injectResponseHeaders: ctx.response.getHeaders(),
  })
  /* a broadcast that reaches a stream being ended (write after end) must not crash the instance */
  stream.on('error', (error) => logger.debug({ uid, error }, 'realtime stream error'))
  const entry: OpenStream = { uid, stream, owner, claim, tag, closed, response }
  streams.set(uid, entry)
  void closed.then(() => {
    if (streams.get(uid) === entry) streams.delete(uid)
    transport?.releaseStream(claim, tag).catch(() => {})
    maybeIdle()
  })
  return ctx.response.stream(stream)
}

const FORWARD = { subscribe: 'mc.subscribe', unsubscribe: 'mc.unsubscribe' } as const
const APPLIED = 'mc.subscription_applied'
const FORWARD_TIMEOUT_MS = 2000

/** Forwarded subscriptions waiting for the instance holding the stream to apply them. */
const awaitingAck = new Map<string, () => void>()

/** POST /__transmit/subscribe and /unsubscribe {uid, channel}: only for the stream's owner. */
export async function changeSubscription(ctx: HttpContext, action: 'subscribe' | 'unsubscribe') {
  const { claim } = ownerOf(ctx)
  const uid = claim.uid
  const channel: string = ctx.request.input('channel')
  const manager = transmit.getManager()

  const held = streams.get(uid)
  if (held) {
    if (held.claim.owner !== claim.owner) throw forbidden()
    if (action === 'unsubscribe') {
      await manager.unsubscribe({ uid, channel, context: ctx })
    } else if (!(await manager.subscribe({ uid, channel, context: ctx }))) {
      throw new ApiException(403, `You may not subscribe to "${channel}"`, { code: 'E_FORBIDDEN' })
    }
    return
  }

  /* not here: another instance may hold it (a load balancer chose this one for the request) */
  const transport = realtimeTransport()
  if (!transport) throw notFound()
  const holder = await transport.streamOwner(uid).catch(() => undefined)
  if (holder === undefined) throw unavailable()
  if (holder === null) throw notFound()
  if (holder !== claim.owner) throw forbidden()

  /*
  | Answered once the holder has applied it: a client that backfills after
  | the 204 must not miss what is committed in between.
  */
  const id = randomUUID()
  const applied = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      awaitingAck.delete(id)
      resolve(false)
    }, FORWARD_TIMEOUT_MS)
    awaitingAck.set(id, () => {
      clearTimeout(timer)
      awaitingAck.delete(id)
      resolve(true)
    })
  })
  try {
    await transport.publishOwn({ type: FORWARD[action], id, uid, channel, owner: claim.owner })
  } catch {
    awaitingAck.get(id)?.()
    throw unavailable()
  }
  if (!(await applied)) throw unavailable()
}

/**
 * A subscription forwarded by another instance: applied if this instance
 * holds the stream for that owner (the sender checked the channel against
 * the same identity), then acknowledged.
 */
export async function receiveForwarded(message: Record<string, unknown>) {
  const { type, id, uid, channel, owner } = message
  if (type === APPLIED) {
    if (typeof id === 'string') awaitingAck.get(id)?.()
    return
  }
  if (type !== FORWARD.subscribe && type !== FORWARD.unsubscribe) return
  if (typeof uid !== 'string' || typeof channel !== 'string' || typeof owner !== 'string') return
  const held = streams.get(uid)
  if (!held || held.claim.owner !== owner) return
  const manager = transmit.getManager()
  if (type === FORWARD.subscribe) {
    await manager.subscribe({ uid, channel, skipAuthorization: true })
  } else {
    await manager.unsubscribe({ uid, channel })
  }
  await realtimeTransport()
    ?.publishOwn({ type: APPLIED, id })
    .catch(() => {})
}

/** Keeps this instance's streams registered in Redis (their keys expire otherwise). */
export async function refreshRegistry() {
  const transport = realtimeTransport()
  if (!transport) return
  await Promise.all(
    [...streams.values()].map((entry) =>
      transport.claimStream(entry.claim, entry.tag, REGISTRY_TTL_MS, 1e9).catch(() => null)
    )
  )
}

export function startRegistryRefresh() {
  return setInterval(() => void refreshRegistry(), REGISTRY_REFRESH_MS).unref()
}

async function mayKeepStream(owner: StreamOwner, subscribed: Set<string>) {
  const actor = owner.agent ? await Agent.find(owner.id) : await User.find(owner.id)
  if (!actor || (actor instanceof User && !actor.isActive)) return false
  if (owner.stamp !== null && actor instanceof User && actor.credentialsStamp !== owner.stamp) {
    return false
  }
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
 * revoked or expired, password changed since the session began, a channel
 * no longer allowed after a role change). The
 * client reconnects and is refused, or re-subscribes to what it may still see.
 */
export async function revalidateStreams(which: (owner: StreamOwner) => boolean = () => true) {
  const subscribers = transmit.getManager().getAllSubscribers()
  for (const entry of [...streams.values()]) {
    if (!which(entry.owner)) continue
    const subscribed = subscribers.get(entry.stream) ?? new Set<string>()
    if (!(await mayKeepStream(entry.owner, subscribed))) entry.stream.end()
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

/** The channel of the last message a cut stream gets (its clients need not subscribe to it). */
export const CUT_CHANNEL = 'realtime/cut'
const SLOW_CHECK_MS = 250
/* a client that reads nothing at all cannot take the notice: its socket goes after this */
const CUT_GRACE_MS = 5000

/**
 * How many messages a stream may have waiting for its client
 * (REALTIME_MAX_BEHIND, default 2,000) before it is cut: beyond the
 * response's and the socket's buffers, every message waits in this
 * instance's memory, for one client.
 */
export function maxBehind() {
  const max = Number(process.env.REALTIME_MAX_BEHIND ?? env.get('REALTIME_MAX_BEHIND') ?? 2000)
  return Number.isFinite(max) && max > 0 ? max : 2000
}

/** Messages written to a stream that its client has not taken yet (above what the socket holds). */
function behind(entry: OpenStream) {
  const stream = entry.stream
  const bufferedBytes = entry.response.writableLength
  // the Transform queues messages as objects: written and not yet sent, in both of its buffers
  return stream.writableLength + stream.readableLength + (bufferedBytes > 0 ? 1 : 0)
}

/**
 * Cuts a stream whose client fell behind: the others are never slowed by
 * it (each stream is written on its own), but its queue would grow without
 * end. Its last message says why, on CUT_CHANNEL; the client reconnects
 * and backfills from its last `seq` (GET /api/events?after=…).
 */
function cut(entry: OpenStream, waiting: number) {
  logger.warn(
    { uid: entry.uid, owner: entry.claim.owner, waiting },
    'realtime stream cut: its client fell behind'
  )
  const reason = `This stream fell ${waiting} messages behind (at most ${maxBehind()}): reconnect, then backfill from your last seq`
  // nothing more is queued for it: its channels let it go first
  const manager = transmit.getManager()
  for (const channel of [...(manager.getAllSubscribers().get(entry.stream) ?? [])]) {
    void manager.unsubscribe({ uid: entry.uid, channel })
  }
  entry.stream.writeMessage({
    data: { channel: CUT_CHANNEL, payload: { code: 'E_TOO_SLOW', reason } },
  })
  entry.stream.end()
  setTimeout(() => entry.response.destroy(), CUT_GRACE_MS).unref()
}

/** Cuts, every quarter second, the streams whose clients fell too far behind. */
export function startSlowStreamWatch() {
  const cutting = new WeakSet<OpenStream>()
  return setInterval(() => {
    const max = maxBehind()
    for (const entry of streams.values()) {
      if (cutting.has(entry)) continue
      const waiting = behind(entry)
      if (waiting > max) {
        cutting.add(entry)
        cut(entry, waiting)
      }
    }
  }, SLOW_CHECK_MS).unref()
}

/**
 * Ends every open stream of this instance and waits (at most `timeoutMs`)
 * until their responses are done: the HTTP server's close() only drops
 * connections that are idle when it is called.
 */
export async function closeAllStreams(timeoutMs = 2000) {
  const all = transmit.getManager().getAllSubscribers()
  for (const stream of all.keys()) stream.end()
  const deadline = Date.now() + timeoutMs
  while (all.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
