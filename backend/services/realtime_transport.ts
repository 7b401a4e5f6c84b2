/**
 * The Redis transport Transmit uses to share broadcasts between instances.
 * It replaces `redis()` from @adonisjs/transmit/transports, which, with Redis
 * unreachable, logs "[ioredis] Unhandled error event" every retry and keeps
 * the process from exiting on SIGTERM (QUIT waits for a connection forever).
 * Same wire format: JSON `{busId, payload}`; a bus ignores its own messages.
 */
import { Redis } from 'ioredis'

type Serializable =
  string | number | boolean | null | Serializable[] | { [key: string]: Serializable }
type Handler = (payload: any) => void | Promise<void>

/* Transmit's message type for a broadcast (its TransportMessageType.Broadcast). */
const BROADCAST = 1

type RemoteListener = (channel: string, payload: unknown) => void
const remoteListeners = new Set<RemoteListener>()

/**
 * Called for every broadcast another instance made (a realtime channel and
 * its payload), beside its delivery to this instance's SSE clients: how an
 * instance hears about changes made elsewhere (the token cache drops a
 * user's tokens when `resources/users` names them).
 */
export function onRemoteBroadcast(listener: RemoteListener) {
  remoteListeners.add(listener)
  return () => {
    remoteListeners.delete(listener)
  }
}

function notifyRemote(message: unknown) {
  if (remoteListeners.size === 0) return
  const { type, channel, payload } = (message ?? {}) as Record<string, unknown>
  if (type !== BROADCAST || typeof channel !== 'string') return
  for (const listener of remoteListeners) {
    try {
      listener(channel, payload)
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

export class RealtimeRedisTransport {
  #publisher: Redis
  #subscriber: Redis
  #id = ''
  #down = false
  /* How this bus's own messages start: they come back from Redis and are dropped unparsed. */
  #ownPrefix = '\u0000'

  /** `url`: redis://[user:password@]host[:port][/db], or rediss:// for TLS (parsed by ioredis). */
  constructor(url: string) {
    /* keep retrying, at most every 2 s: an outage must not need a restart */
    const options = { retryStrategy: (times: number) => Math.min(times * 200, 2000) }
    /* A publish while Redis is down fails at once; Transmit's bus queues it and retries on reconnect. */
    /* The messages of one change (events, resources/...) leave in one write: auto-pipelining. */
    this.#publisher = new Redis(url, {
      ...options,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      enableAutoPipelining: true,
    })
    /* SUBSCRIBE waits for the connection (and is replayed after a reconnect) instead of failing. */
    this.#subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null })
    for (const connection of [this.#publisher, this.#subscriber]) {
      connection.on('error', (error) => {
        if (this.#down) return
        this.#down = true
        void warn(
          `Redis unreachable (${error.message}): realtime messages stay on this instance until it is back`
        ).catch(() => {})
      })
      connection.on('ready', () => (this.#down = false))
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

  async publish(channel: string, message: Serializable) {
    await this.#publisher.publish(channel, JSON.stringify({ busId: this.#id, payload: message }))
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
      void handler(message.payload)
    })
    this.#subscriber.subscribe(channel).catch(() => {})
  }

  async unsubscribe(channel: string) {
    await this.#subscriber.unsubscribe(channel)
  }

  async disconnect() {
    await Promise.all(
      [this.#publisher, this.#subscriber].map(async (connection) => {
        if (connection.status === 'ready') await connection.quit().catch(() => {})
        connection.disconnect()
      })
    )
  }
}
