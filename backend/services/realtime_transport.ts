/**
 * The Redis transport Transmit uses to share broadcasts between instances.
 * It replaces `redis()` from @adonisjs/transmit/transports, which, with Redis
 * unreachable, logs "[ioredis] Unhandled error event" every retry and keeps
 * the process from exiting on SIGTERM (QUIT waits for a connection forever).
 * Same wire format: JSON `{busId, payload}`; a bus ignores its own messages.
 *
 * Beside Transmit's broadcasts, it carries this app's own messages (recorded
 * events, subscriptions forwarded with their owner: see services/realtime.ts
 * and realtime_streams.ts), and it keeps the registry of open streams (who
 * owns which uid, how many streams a credential holds) in Redis keys.
 */
import { Redis } from 'ioredis'

type Serializable =
  string | number | boolean | null | Serializable[] | { [key: string]: Serializable }
type Handler = (payload: any) => void | Promise<void>

/* Transmit's message types for subscriptions (its TransportMessageType). */
const SUBSCRIBE = 2
const UNSUBSCRIBE = 3
const isOwnMessage = (type: unknown) => typeof type === 'string' && type.startsWith('mc.')

type RemoteListener = (payload: Record<string, unknown>) => void
const remoteListeners = new Set<RemoteListener>()

/**
 * Called for every message another instance published on the realtime
 * channel (Transmit's broadcasts and this app's own messages): how an
 * instance hears about changes made elsewhere.
 */
export function onRemoteMessage(listener: RemoteListener) {
  remoteListeners.add(listener)
  return () => {
    remoteListeners.delete(listener)
  }
}

function notifyRemote(message: unknown) {
  if (remoteListeners.size === 0 || typeof message !== 'object' || message === null) return
  for (const listener of remoteListeners) {
    try {
      listener(message as Record<string, unknown>)
    } catch {
      /* a listener's failure never stops the delivery */
    }
  }
}

/** The logger is a service (resolved after boot); config loads before that. */
async function warn(message: string) {
  const { default: logger } = await import('@adonisjs/core/services/logger')
  logger.warn(message)
}

/*
| The stream registry, one key per open stream and one sorted set per
| credential, both under the realtime channel's name:
| - `<channel>:stream:<uid>` = "<owner>\n<tag>" (the tag names the instance
|   and its stream), expiring unless refreshed;
| - `<channel>:credential:<hash>` = {uid: expiry in ms}.
| Claiming is atomic: refused when another owner holds the uid ("owned") or
| the credential already holds `max` live streams besides this uid ("full").
| Its owner claiming a uid again (a reconnect, here or elsewhere) takes it
| over; a release only removes what the same claim left.
*/
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then
  local owner = string.sub(current, 1, (string.find(current, '\\n', 1, true) or 0) - 1)
  if owner ~= ARGV[1] then return 'owned' end
end
local now = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if not redis.call('ZSCORE', KEYS[2], ARGV[6]) and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then
  return 'full'
end
redis.call('SET', KEYS[1], ARGV[1] .. '\\n' .. ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 'ok'
`
const RELEASE = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then redis.call('DEL', KEYS[1]) end
if current == ARGV[1] or not current then redis.call('ZREM', KEYS[2], ARGV[2]) end
return 1
`

export type ClaimResult = 'ok' | 'owned' | 'full'

export interface StreamClaim {
  uid: string
  owner: string
  /** An opaque key of the token or session the stream was opened with. */
  credential: string
}

type RegistryRedis = Redis & {
  mcClaimStream(...args: (string | number)[]): Promise<ClaimResult>
  mcReleaseStream(...args: string[]): Promise<number>
}

let current: RealtimeRedisTransport | null = null

/** The transport of this app, once Transmit made it (null without REDIS_URL). */
export function realtimeTransport() {
  return current
}

/** Makes the app's transport (config/transmit.ts); other instances of the class (tests) stay apart. */
export function appTransport(url: string, channel: string) {
  current = new RealtimeRedisTransport(url, { channel })
  return current
}

export class RealtimeRedisTransport {
  #publisher: RegistryRedis
  #subscriber: Redis
  #id = ''
  #channel: string
  #down = false
  /* How this bus's own messages start: they come back from Redis and are dropped unparsed. */
  #ownPrefix = '\u0000'
  #readyListeners = new Set<() => void>()

  /**
   * `url`: redis://[user:password@]host[:port][/db], or rediss:// for TLS
   * (parsed by ioredis). `channel`: the realtime channel, for this app's own
   * messages and the registry's keys.
   */
  constructor(url: string, options: { channel?: string } = {}) {
    this.#channel = options.channel ?? 'mission_control.realtime'
    /* keep retrying, at most every 2 s: an outage must not need a restart */
    const retry = { retryStrategy: (times: number) => Math.min(times * 200, 2000) }
    /* A publish while Redis is down fails at once; Transmit's bus queues it and retries on reconnect. */
    /* The messages of one change (events, resources/...) leave in one write: auto-pipelining. */
    /* A Redis that accepts connections but does not answer must not hang a request: commandTimeout. */
    this.#publisher = new Redis(url, {
      ...retry,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      enableAutoPipelining: true,
      commandTimeout: 2000,
    }) as RegistryRedis
    this.#publisher.defineCommand('mcClaimStream', { numberOfKeys: 2, lua: CLAIM })
    this.#publisher.defineCommand('mcReleaseStream', { numberOfKeys: 2, lua: RELEASE })
    /* SUBSCRIBE waits for the connection (and is replayed after a reconnect) instead of failing. */
    this.#subscriber = new Redis(url, { ...retry, maxRetriesPerRequest: null })
    for (const connection of [this.#publisher, this.#subscriber]) {
      connection.on('error', (error) => {
        if (this.#down) return
        this.#down = true
        void warn(
          `Redis unreachable (${error.message}): realtime messages stay on this instance until it is back`
        ).catch(() => {})
      })
      connection.on('ready', () => {
        this.#down = false
        if (this.isReady()) for (const listener of this.#readyListeners) listener()
      })
    }
  }

  setId(id: string) {
    this.#id = id
    this.#ownPrefix = JSON.stringify({ busId: id }).slice(0, -1) + ','
    return this
  }

  onReconnect(callback: () => void) {
    this.#publisher.on('ready', callback)
  }

  /** Both connections are up (what this instance publishes reaches the others, and back). */
  isReady() {
    return this.#publisher.status === 'ready' && this.#subscriber.status === 'ready'
  }

  /** Called each time both connections are up again after one of them was not. */
  onReady(listener: () => void) {
    this.#readyListeners.add(listener)
    return () => {
      this.#readyListeners.delete(listener)
    }
  }

  async publish(channel: string, message: Serializable) {
    await this.#publisher.publish(channel, JSON.stringify({ busId: this.#id, payload: message }))
  }

  /** One of this app's own messages, for the other instances (throws when Redis is unreachable). */
  publishOwn(message: Record<string, unknown>) {
    return this.publish(this.#channel, message as Serializable)
  }

  async subscribe(channel: string, handler: Handler) {
    this.#subscriber.on('message', (received: string, raw: string) => {
      if (received !== channel || raw.startsWith(this.#ownPrefix)) return
      let message: { busId?: string; payload?: unknown }
      try {
        message = JSON.parse(raw)
      } catch {
        return
      }
      if (message.busId === this.#id) return
      notifyRemote(message.payload)
      /*
      | Not for Transmit: its subscribe and unsubscribe messages, which name a
      | stream without its owner (this app forwards its own, with the owner,
      | see realtime_streams.ts), and this app's own messages (`mc.*`).
      */
      const type = (message.payload as { type?: unknown } | null)?.type
      if (type === SUBSCRIBE || type === UNSUBSCRIBE || isOwnMessage(type)) return
      void handler(message.payload)
    })
    this.#subscriber.subscribe(channel).catch(() => {})
  }

  async unsubscribe(channel: string) {
    await this.#subscriber.unsubscribe(channel)
  }

  #keys(claim: StreamClaim) {
    return [
      `${this.#channel}:stream:${claim.uid}`,
      `${this.#channel}:credential:${claim.credential}`,
    ]
  }

  /** Claims (or refreshes) a uid for its owner and stream `tag`; throws when Redis is unreachable. */
  claimStream(claim: StreamClaim, tag: string, ttlMs: number, max: number) {
    return this.#publisher.mcClaimStream(
      ...this.#keys(claim),
      claim.owner,
      tag,
      ttlMs,
      Date.now(),
      max,
      claim.uid
    )
  }

  /** Forgets a uid, unless it was claimed again since (by its owner, for another stream). */
  async releaseStream(claim: StreamClaim, tag: string) {
    await this.#publisher.mcReleaseStream(...this.#keys(claim), `${claim.owner}\n${tag}`, claim.uid)
  }

  /** The owner of an open stream, on any instance; null when none has this uid. Throws when unreachable. */
  async streamOwner(uid: string) {
    const value = await this.#publisher.get(`${this.#channel}:stream:${uid}`)
    return value === null ? null : value.slice(0, value.indexOf('\n'))
  }

  async disconnect() {
    if (current === this) current = null
    await Promise.all(
      [this.#publisher, this.#subscriber].map(async (connection) => {
        if (connection.status === 'ready') await connection.quit().catch(() => {})
        connection.disconnect()
      })
    )
  }
}
