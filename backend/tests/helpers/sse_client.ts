import { Transmit } from '@adonisjs/transmit-client'
import { EventSource } from 'eventsource'

export interface SseCredentials {
  /** A user (mcu_) or agent (mca_) token. */
  token?: string
  /** A browser session: its cookies, and the XSRF token the client echoes on subscribe. */
  cookie?: string
  xsrf?: string
}

interface Waiter {
  channel: string
  match: (payload: any) => boolean
  resolve: (payload: any) => void
}

/** The messages a client received, and the waits for one to come. */
export class Inbox {
  readonly received: { channel: string; payload: any }[] = []
  #waiters = new Set<Waiter>()

  /** The first message on `channel` matching `match` (already received or to come), or null after `timeoutMs`. */
  waitFor(channel: string, match: (payload: any) => boolean, timeoutMs = 1000): Promise<any> {
    const seen = this.received.find((m) => m.channel === channel && match(m.payload))
    if (seen) return Promise.resolve(seen.payload)
    return new Promise((resolve) => {
      const waiter: Waiter = {
        channel,
        match,
        resolve: (payload) => {
          clearTimeout(timer)
          this.#waiters.delete(waiter)
          resolve(payload)
        },
      }
      const timer = setTimeout(() => waiter.resolve(null), timeoutMs)
      this.#waiters.add(waiter)
    })
  }

  deliver(channel: string, payload: any) {
    this.received.push({ channel, payload })
    for (const waiter of this.#waiters) {
      if (waiter.channel === channel && waiter.match(payload)) waiter.resolve(payload)
    }
  }
}

/**
 * The messages in an SSE text buffer: each complete frame's `data:` lines
 * parsed as JSON (Transmit's pings left out); `rest` is the incomplete
 * frame still to be completed by the next chunk.
 */
export function sseFrames(buffer: string): { messages: any[]; rest: string } {
  const messages: any[] = []
  let end: number
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const frame = buffer.slice(0, end)
    buffer = buffer.slice(end + 2)
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n')
    if (!data) continue
    try {
      const message = JSON.parse(data)
      if (message.channel !== '$$transmit/ping') messages.push(message)
    } catch {}
  }
  return { messages, rest: buffer }
}

/**
 * The real browser client (@adonisjs/transmit-client) over `eventsource` v4
 * (Node 20 has no EventSource), with the credentials a script, an agent or a
 * browser sends: Authorization on the stream and on every subscribe.
 */
export class SseClient {
  readonly client: Transmit
  readonly #inbox = new Inbox()
  readonly received = this.#inbox.received
  #lastFailure: { status: number; body: any } | null = null
  #opened: Promise<void>

  constructor(
    readonly baseUrl: string,
    credentials: SseCredentials
  ) {
    const headers: Record<string, string> = {}
    if (credentials.token) headers.authorization = `Bearer ${credentials.token}`
    if (credentials.cookie) headers.cookie = credentials.cookie
    if (credentials.xsrf) headers['x-xsrf-token'] = credentials.xsrf

    this.client = new Transmit({
      baseUrl,
      maxReconnectAttempts: 1,
      eventSourceFactory: (url, { withCredentials }) =>
        new EventSource(url, {
          withCredentials,
          fetch: (input, init) =>
            fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
        }) as any,
      /* the client's own HttpClient only knows document.cookie; this one sends our credentials */
      httpClientFactory: (base, uid) =>
        ({
          createRequest: (path: string, body: Record<string, unknown>) =>
            new Request(`${base}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: JSON.stringify({ uid, ...body }),
            }),
          send: async (request: Request) => {
            const response = await fetch(request)
            if (!response.ok) {
              const text = await response.clone().text()
              this.#lastFailure = { status: response.status, body: text ? JSON.parse(text) : null }
            }
            return response
          },
        }) as any,
    })
    this.#opened = new Promise((resolve) => this.client.on('connected', () => resolve()))
  }

  /** Resolves once the stream is open (a refused stream never opens). */
  opened() {
    return this.#opened
  }

  /** Subscribes; answers the status the server gave (204, or the refusal's status and body). */
  async subscribe(channel: string): Promise<{ status: number; body?: any }> {
    await this.#opened
    this.#lastFailure = null
    const subscription = this.client.subscription(channel)
    subscription.onMessage((payload) => this.#deliver(channel, payload))
    await subscription.create()
    if (subscription.isCreated) return { status: 204 }
    return this.#lastFailure ?? { status: 0 }
  }

  /** The first message on `channel` matching `match` (already received or to come), or null after `timeoutMs`. */
  waitFor(channel: string, match: (payload: any) => boolean, timeoutMs = 1000): Promise<any> {
    return this.#inbox.waitFor(channel, match, timeoutMs)
  }

  /** Whether the server ends this stream within `timeoutMs` (true once the client sees it disconnect). */
  ended(timeoutMs = 1000): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      this.client.on('disconnected', () => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  }

  #deliver(channel: string, payload: any) {
    this.#inbox.deliver(channel, payload)
  }

  close() {
    this.client.close()
  }
}

/**
 * A bare `GET /__transmit/events?uid=...` with a bearer token, read by hand:
 * what an attacker who picked someone else's uid would open. Collects the
 * messages it receives; `close()` aborts it.
 */
export class RawStream {
  readonly received: { channel: string; payload: any }[] = []
  status = 0
  headers = new Headers()
  body: any = null
  #abort = new AbortController()
  #done: Promise<void> = Promise.resolve()

  private constructor() {}

  static async open(baseUrl: string, uid: string, token: string) {
    const raw = new RawStream()
    const response = await fetch(`${baseUrl}/__transmit/events?uid=${encodeURIComponent(uid)}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: raw.#abort.signal,
    })
    raw.status = response.status
    raw.headers = response.headers
    if (response.status !== 200) {
      const text = await response.text()
      try {
        raw.body = text ? JSON.parse(text) : null
      } catch {
        raw.body = text
      }
      return raw
    }
    raw.#done = raw.#read(response.body!)
    return raw
  }

  async #read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        const { messages, rest } = sseFrames(buffer + decoder.decode(chunk, { stream: true }))
        buffer = rest
        this.received.push(...messages)
      }
    } catch {
      /* aborted, or the server ended the stream */
    }
  }

  async close() {
    this.#abort.abort()
    await this.#done
  }
}
