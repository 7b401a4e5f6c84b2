import { Transmit, type Subscription } from '@adonisjs/transmit-client'
import { readCookie } from '../providers/http'

/*
| One Transmit (SSE) connection for the whole app, shared by Refine's live
| provider (`resources/<name>`) and the event feed (`events`).
|
| What the stock client does not do, and this wrapper adds:
| - tells each channel's owner every time its subscription is (re)made, so
|   they can catch up on what they missed (the client re-subscribes on its
|   own after EventSource reconnects);
| - starts over with a fresh connection when the EventSource gives up (an
|   HTTP error such as 401 closes it for good, and the stock client stops
|   after 5 failed attempts), with backoff;
| - retries a subscription that failed for a network reason, and not one the
|   server refused (403 for a channel this role may not read);
| - refreshes an expired XSRF token once, as the API client does.
*/

export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting'

type Handler = (message: unknown) => void

/** Called after each successful (re)subscription; `initial` the first time for this callback. */
export type SubscribedCallback = (info: { initial: boolean }) => void

interface Watcher {
  callback: SubscribedCallback
  called: boolean
}

interface Channel {
  name: string
  handlers: Set<Handler>
  watchers: Set<Watcher>
  subscription: Subscription | null
  stopListening: (() => void) | null
  /** HTTP status of a refusal (401/403/404/422): not retried until the next connection. */
  refused: number | null
  retryTimer: ReturnType<typeof setTimeout> | null
  retryDelay: number
  releaseTimer: ReturnType<typeof setTimeout> | null
}

const RELEASE_AFTER_MS = 5_000
const MAX_BACKOFF_MS = 30_000
const REFUSALS = new Set([401, 403, 404, 422])

/**
 * Transmit's HttpClient, plus: which channel a subscribe request was for
 * (to tell a refusal from a network failure) and one XSRF refresh.
 */
class ChannelAwareHttpClient {
  readonly lastStatus = new Map<string, number>()
  readonly #channels = new WeakMap<Request, string>()

  constructor(
    private readonly baseUrl: string,
    private readonly uid: string
  ) {}

  createRequest(path: string, body: Record<string, unknown>) {
    const request = new Request(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'X-XSRF-TOKEN': readCookie('XSRF-TOKEN') ?? '',
      },
      body: JSON.stringify({ uid: this.uid, ...body }),
      credentials: 'include',
    })
    if (typeof body.channel === 'string') this.#channels.set(request, body.channel)
    return request
  }

  async send(request: Request): Promise<Response> {
    const channel = this.#channels.get(request)
    const retry = request.clone()
    let response = await fetch(request)
    if (response.status === 403 && (await isCsrfFailure(response.clone()))) {
      await fetch(`${this.baseUrl}/api/health`, { credentials: 'include' }).catch(() => undefined)
      const token = readCookie('XSRF-TOKEN') ?? ''
      const headers = new Headers(retry.headers)
      headers.set('X-XSRF-TOKEN', token)
      response = await fetch(new Request(retry, { headers }))
    }
    if (channel) this.lastStatus.set(channel, response.status)
    return response
  }
}

async function isCsrfFailure(response: Response) {
  try {
    const body = (await response.json()) as { errors?: { code?: string }[] }
    return body.errors?.[0]?.code === 'E_BAD_CSRF_TOKEN'
  } catch {
    return false
  }
}

export class RealtimeClient {
  #transmit: Transmit | null = null
  #http: ChannelAwareHttpClient | null = null
  #eventSource: EventSource | null = null
  #channels = new Map<string, Channel>()
  #status: RealtimeStatus = 'idle'
  #statusListeners = new Set<() => void>()
  #restartTimer: ReturnType<typeof setTimeout> | null = null
  #restartDelay = 1_000
  #stopped = false

  constructor(private readonly baseUrl: string) {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => {
        if (this.#transmit && this.#status !== 'connected') this.#restart()
      })
    }
  }

  get status() {
    return this.#status
  }

  /** For useSyncExternalStore. */
  onStatus = (listener: () => void) => {
    this.#statusListeners.add(listener)
    return () => {
      this.#statusListeners.delete(listener)
    }
  }

  /**
   * Listens to a channel; `onSubscribed` runs after every successful
   * (re)subscription, the moment to fetch what was missed. Returns the
   * function that stops listening.
   */
  subscribe<T = unknown>(
    channel: string,
    handler: (message: T) => void,
    onSubscribed?: SubscribedCallback
  ): () => void {
    this.#stopped = false
    let entry = this.#channels.get(channel)
    if (!entry) {
      entry = {
        name: channel,
        handlers: new Set(),
        watchers: new Set(),
        subscription: null,
        stopListening: null,
        refused: null,
        retryTimer: null,
        retryDelay: 1_000,
        releaseTimer: null,
      }
      this.#channels.set(channel, entry)
    }
    const current = entry
    if (current.releaseTimer) {
      clearTimeout(current.releaseTimer)
      current.releaseTimer = null
    }
    const h = handler as Handler
    current.handlers.add(h)
    const watcher = onSubscribed ? { callback: onSubscribed, called: false } : null
    if (watcher) current.watchers.add(watcher)

    if (!this.#transmit) this.#start()
    else if (!current.subscription) void this.#open(current)
    else if (watcher && current.subscription.isCreated) {
      // Already live: this newcomer still gets its "initial" call.
      queueMicrotask(() => this.#notify(current, watcher))
    }

    return () => {
      current.handlers.delete(h)
      if (watcher) current.watchers.delete(watcher)
      if (current.handlers.size === 0 && !current.releaseTimer) {
        // Kept a moment: leaving a list for its record page re-subscribes at once.
        current.releaseTimer = setTimeout(() => this.#release(current), RELEASE_AFTER_MS)
      }
    }
  }

  /** Closes the connection (logout); the next subscribe() opens a new one. */
  stop() {
    this.#stopped = true
    if (this.#restartTimer) clearTimeout(this.#restartTimer)
    this.#restartTimer = null
    this.#closeTransport()
    for (const entry of this.#channels.values()) {
      if (entry.retryTimer) clearTimeout(entry.retryTimer)
      if (entry.releaseTimer) clearTimeout(entry.releaseTimer)
    }
    this.#channels.clear()
    this.#setStatus('idle')
  }

  #setStatus(status: RealtimeStatus) {
    if (this.#status === status) return
    this.#status = status
    for (const listener of this.#statusListeners) listener()
  }

  #start() {
    this.#setStatus('connecting')
    const transmit = new Transmit({
      baseUrl: this.baseUrl,
      // We start over ourselves when the EventSource is closed for good.
      maxReconnectAttempts: 0,
      httpClientFactory: (baseUrl, uid) => {
        this.#http = new ChannelAwareHttpClient(baseUrl, uid)
        return this.#http as never
      },
      eventSourceFactory: (url, options) => {
        const source = new EventSource(url, options)
        this.#eventSource = source
        source.addEventListener('open', () => {
          this.#restartDelay = 1_000
        })
        source.addEventListener('error', () => {
          // CLOSED (not CONNECTING) means the browser will not retry: an HTTP error.
          setTimeout(() => {
            if (this.#eventSource === source && source.readyState === EventSource.CLOSED) {
              this.#scheduleRestart()
            }
          }, 0)
        })
        return source
      },
      onSubscription: (channel) => {
        const entry = this.#channels.get(channel)
        if (!entry) return
        entry.refused = null
        entry.retryDelay = 1_000
        for (const watcher of entry.watchers) this.#notify(entry, watcher)
      },
    })
    transmit.on('connected', () => {
      this.#setStatus('connected')
      // The client re-subscribes what it had; we (re)try the rest.
      for (const entry of this.#channels.values()) {
        if (!entry.subscription?.isCreated) void this.#open(entry)
      }
    })
    transmit.on('disconnected', () => this.#setStatus('reconnecting'))
    transmit.on('reconnecting', () => this.#setStatus('reconnecting'))
    this.#transmit = transmit
    for (const entry of this.#channels.values()) void this.#open(entry)
  }

  #notify(entry: Channel, watcher: Watcher) {
    if (!entry.watchers.has(watcher)) return
    const initial = !watcher.called
    watcher.called = true
    try {
      watcher.callback({ initial })
    } catch (error) {
      console.error(error)
    }
  }

  async #open(entry: Channel) {
    const transmit = this.#transmit
    if (!transmit) return
    if (!entry.subscription) {
      const subscription = transmit.subscription(entry.name)
      entry.subscription = subscription
      entry.stopListening = subscription.onMessage((message) => {
        for (const handler of [...entry.handlers]) {
          try {
            handler(message)
          } catch (error) {
            console.error(error)
          }
        }
      })
    }
    // Subscribing before the stream is open would poll every 100 ms, and a
    // poll outlives a closed client: wait for the `connected` status instead.
    if (this.#status !== 'connected') return
    const subscription = entry.subscription
    await subscription.create()
    if (
      subscription.isCreated ||
      this.#transmit !== transmit ||
      entry.subscription !== subscription
    ) {
      return
    }
    const status = this.#http?.lastStatus.get(entry.name)
    if (status !== undefined && REFUSALS.has(status)) {
      entry.refused = status
      console.warn(`Realtime: the server refused channel "${entry.name}" (${status})`)
      return
    }
    // A network failure: try again a little later.
    if (entry.retryTimer) clearTimeout(entry.retryTimer)
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null
      if (this.#channels.get(entry.name) === entry) void this.#open(entry)
    }, entry.retryDelay)
    entry.retryDelay = Math.min(entry.retryDelay * 2, MAX_BACKOFF_MS)
  }

  #release(entry: Channel) {
    entry.releaseTimer = null
    if (entry.handlers.size > 0 || this.#channels.get(entry.name) !== entry) return
    this.#channels.delete(entry.name)
    if (entry.retryTimer) clearTimeout(entry.retryTimer)
    entry.stopListening?.()
    void entry.subscription?.delete()
  }

  #closeTransport() {
    this.#transmit?.close()
    this.#eventSource?.close()
    this.#transmit = null
    this.#eventSource = null
    this.#http = null
    for (const entry of this.#channels.values()) {
      entry.stopListening?.()
      entry.stopListening = null
      entry.subscription = null
    }
  }

  #scheduleRestart() {
    if (this.#stopped || this.#restartTimer) return
    this.#setStatus('reconnecting')
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null
      this.#restart()
    }, this.#restartDelay)
    this.#restartDelay = Math.min(this.#restartDelay * 2, MAX_BACKOFF_MS)
  }

  #restart() {
    if (this.#stopped) return
    this.#closeTransport()
    if (this.#channels.size > 0) this.#start()
    else this.#setStatus('idle')
  }
}

/** The app's one connection; same origin (Vite proxies /__transmit in development). */
export const realtime = new RealtimeClient(
  typeof window === 'undefined' ? 'http://localhost' : window.location.origin
)
