/**
 * The agent's control channel, `agents/<id>`, through the Transmit client
 * (@adonisjs/transmit-client) over an EventSource that sends the agent's
 * bearer token. It outlives restarts and refusals of the stream: Transmit
 * reconnects on network errors and re-subscribes; a stream the server
 * closed for good (a 401/503 on reconnect) is rebuilt here with backoff.
 * Every (re)subscription calls `onSynced`, since control messages sent
 * while the stream was down are lost (Transmit has no replay).
 */
import { Transmit } from '@adonisjs/transmit-client'
import { ApiError } from './errors.js'
import { backoffDelay, type RetryPolicy } from './retry.js'
import type { ControlMessage } from './types.js'

type EventSourceClass = new (
  url: string | URL,
  init?: { withCredentials?: boolean; fetch?: typeof fetch }
) => EventSource

export interface ControlChannelOptions {
  baseUrl: string
  token: string
  channel: string
  fetch: typeof fetch
  retry: RetryPolicy
  /** Defaults to the global EventSource, else the `eventsource` package (Node 20 has none). */
  EventSource?: EventSourceClass
  onMessage: (message: ControlMessage) => void
  /** After every successful (re)subscription. */
  onSynced: () => void
}

/*
| A refusal that retrying cannot fix: bad token, or not this agent's channel.
| Not 404: a subscribe answers it when the stream it names has just ended
| (an instance stopping), and a new stream fixes that.
*/
const FATAL = new Set([401, 403, 422])

export class ControlChannel {
  #transmit: Transmit | null = null
  #closed = false
  #failures = 0
  #rebuildTimer: NodeJS.Timeout | null = null
  #ready: Promise<void>
  #resolveReady!: () => void
  #rejectReady!: (error: unknown) => void

  constructor(private readonly options: ControlChannelOptions) {
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve
      this.#rejectReady = reject
    })
    /* nobody may be awaiting it (the client starts the channel on its own on a 423) */
    this.#ready.catch(() => {})
  }

  /** Starts listening; resolves once subscribed, rejects if the server refuses for good. */
  start() {
    if (!this.#transmit && !this.#closed && !this.#rebuildTimer) void this.#connect()
    return this.#ready
  }

  get ready() {
    return this.#ready
  }

  close() {
    this.#closed = true
    if (this.#rebuildTimer) clearTimeout(this.#rebuildTimer)
    this.#rebuildTimer = null
    this.#transmit?.close()
    this.#transmit = null
    this.#rejectReady(new DOMException('The control channel was closed', 'AbortError'))
  }

  async #connect() {
    const options = this.options
    const EventSourceImpl =
      options.EventSource ??
      ((globalThis as { EventSource?: EventSourceClass }).EventSource as EventSourceClass) ??
      ((await import('eventsource')).EventSource as unknown as EventSourceClass)
    if (this.#closed) return

    const authorization = `Bearer ${options.token}`
    let subscribeFailure: { status: number; body: unknown } | null = null

    const transmit = new Transmit({
      baseUrl: options.baseUrl,
      /* never give up: a restart can take a while */
      maxReconnectAttempts: 0,
      eventSourceFactory: (url, { withCredentials }) => {
        const source = new EventSourceImpl(url, {
          withCredentials,
          fetch: (input, init) =>
            options.fetch(input, {
              ...init,
              headers: { ...(init?.headers as Record<string, string>), authorization },
            }),
        })
        /* a refused (re)connect closes the EventSource for good: give up or build a new one */
        source.addEventListener('error', (event) => {
          if (source.readyState !== 2 || this.#transmit !== transmit) return
          const status = (event as { code?: number }).code
          if (status !== undefined && FATAL.has(status)) {
            this.#fail(new ApiError(status, null, 'GET', '/__transmit/events'))
          } else {
            this.#scheduleRebuild()
          }
        })
        return source
      },
      httpClientFactory: (base, uid) =>
        ({
          createRequest: (path: string, body: Record<string, unknown>) =>
            new Request(`${base}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization },
              body: JSON.stringify({ uid, ...body }),
            }),
          send: async (request: Request) => {
            const response = await options.fetch(request)
            if (!response.ok) {
              const text = await response.clone().text()
              let body: unknown = text
              try {
                body = JSON.parse(text)
              } catch {}
              subscribeFailure = { status: response.status, body }
            }
            return response
          },
        }) as any,
    })
    this.#transmit = transmit

    const subscription = transmit.subscription(options.channel)
    subscription.onMessage<ControlMessage>((message) => {
      if (message && (message as ControlMessage).type === 'control') options.onMessage(message)
    })

    /* Transmit re-subscribes on reconnect by itself; each time, catch up on what was missed */
    let connectedOnce = false
    transmit.on('connected', () => {
      if (connectedOnce) setTimeout(() => this.#transmit === transmit && options.onSynced(), 50)
      connectedOnce = true
    })

    /* subscribe only once the stream is open (its own wait loop never stops) */
    const opened = await new Promise<boolean>((resolve) => {
      const check = setInterval(() => {
        if (this.#transmit !== transmit) {
          clearInterval(check)
          resolve(false)
        }
      }, 100)
      transmit.on('connected', () => {
        clearInterval(check)
        resolve(true)
      })
    })
    if (!opened || this.#transmit !== transmit) return

    try {
      await subscription.create()
    } catch {}
    if (this.#transmit !== transmit) return
    if (subscription.isCreated) {
      this.#failures = 0
      this.#resolveReady()
      options.onSynced()
      return
    }
    const failure = subscribeFailure as { status: number; body: unknown } | null
    if (failure && FATAL.has(failure.status)) {
      this.#fail(new ApiError(failure.status, failure.body, 'POST', '/__transmit/subscribe'))
      return
    }
    this.#scheduleRebuild()
  }

  #fail(error: ApiError) {
    this.#rejectReady(error)
    this.close()
  }

  #scheduleRebuild() {
    if (this.#closed || this.#rebuildTimer) return
    this.#transmit?.close()
    this.#transmit = null
    const delay = backoffDelay(this.#failures++, this.options.retry)
    this.#rebuildTimer = setTimeout(() => {
      this.#rebuildTimer = null
      if (!this.#closed) void this.#connect()
    }, delay)
    this.#rebuildTimer.unref?.()
  }
}
