/**
 * Move-to-delivery latency through SSE (the real browser client, Redis
 * transport) and its baseline, a bare Redis publish-to-subscriber round
 * trip; shared by the workflow bench (200 clients, one instance) and the
 * realtime bench (1,000 clients over two instances).
 */
import { Redis } from 'ioredis'
import http from 'node:http'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { percentile } from './support.js'
import { Inbox, SseClient, sseFrames } from '../backend/tests/helpers/sse_client.js'

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

/**
 * `clients` SSE clients (the browser client, or with `raw` RawSseClient)
 * spread evenly over `urls` (instances sharing Redis),
 * subscribed to `events`; `samples` moves of one card, each made on the
 * next instance in turn. Every client must receive every move; the latency
 * of each delivery is from the PATCH being sent to that client's envelope.
 */
/**
 * An SSE client without the browser client's layers: the stream read with
 * node:http, each `data:` line parsed once, and the subscription made as
 * the browser client makes it. A thousand browser clients in one bench
 * process (eventsource over fetch, then Transmit's dispatch) spend more of
 * this 2-core machine than the servers do; this one measures the servers.
 */
export class RawSseClient {
  readonly #inbox = new Inbox()
  readonly received = this.#inbox.received
  #uid = randomUUID()
  #buffer = ''
  #request?: http.ClientRequest

  constructor(
    readonly baseUrl: string,
    readonly token: string
  ) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#request = http.get(
        `${this.baseUrl}/__transmit/events?uid=${this.#uid}`,
        { headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' } },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume()
            return reject(new Error(`the stream answered ${response.statusCode}`))
          }
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => this.#read(chunk))
          resolve()
        }
      )
      this.#request.on('error', reject)
    })
  }

  async subscribe(channel: string): Promise<{ status: number }> {
    const response = await fetch(`${this.baseUrl}/__transmit/subscribe`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uid: this.#uid, channel }),
    })
    await response.arrayBuffer()
    return { status: response.status }
  }

  waitFor(channel: string, match: (payload: any) => boolean, timeoutMs: number): Promise<any> {
    return this.#inbox.waitFor(channel, match, timeoutMs)
  }

  close() {
    this.#request?.destroy()
  }

  #read(chunk: string) {
    const { messages, rest } = sseFrames(this.#buffer + chunk)
    this.#buffer = rest
    for (const message of messages) this.#inbox.deliver(message.channel, message.payload)
  }
}

export async function deliveryThroughSse(
  urls: string[],
  token: string,
  { clients: count, samples, raw = false }: { clients: number; samples: number; raw?: boolean }
) {
  const clients: (SseClient | RawSseClient)[] = []
  for (let i = 0; i < count; i++) {
    const url = urls[i % urls.length]
    if (!raw) {
      clients.push(new SseClient(url, { token }))
      continue
    }
    const client = new RawSseClient(url, token)
    await client.open()
    clients.push(client)
  }
  /* in batches: a thousand handshakes at once would measure the accept queue, not delivery */
  for (let i = 0; i < clients.length; i += 50) {
    const refused = (
      await Promise.all(
        clients.slice(i, i + 50).map((client) =>
          Promise.race([
            client.subscribe('events'),
            /* a refused stream never opens */
            new Promise<{ status: number }>((resolve) =>
              setTimeout(() => resolve({ status: 0 }), 10_000).unref()
            ),
          ])
        )
      )
    ).find((answer) => answer.status !== 204)
    if (refused) throw new Error(`an SSE subscription was refused: ${JSON.stringify(refused)}`)
  }
  const url = urls[0]

  const headers = { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }
  const created = await fetch(`${url}/api/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'sse bench' }),
  })
  const { id } = (await created.json()) as { id: string }

  const latencies: number[] = []
  let column = 'backlog'
  for (let sample = 0; sample < samples; sample++) {
    column = column === 'backlog' ? 'doing' : 'backlog'
    const target = column
    const started = performance.now()
    const deliveries = clients.map((client) =>
      client
        .waitFor(
          'events',
          (e) => e.entityId === id && e.payload?.to === target && e.type === 'task.moved',
          5000
        )
        .then((envelope) => {
          if (!envelope) throw new Error('an SSE client missed an envelope')
          latencies.push(performance.now() - started)
        })
    )
    const response = await fetch(`${urls[sample % urls.length]}/api/tasks/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ column }),
    })
    await response.arrayBuffer()
    await Promise.all(deliveries)
    for (const client of clients) client.received.length = 0
  }
  for (const client of clients) client.close()
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

export async function redisRoundTrip(samples: number) {
  const publisher = new Redis(REDIS_URL)
  const subscriber = new Redis(REDIS_URL)
  const channel = `bench:${randomUUID()}`
  await subscriber.subscribe(channel)
  const latencies: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const started = performance.now()
    const received = new Promise<void>((resolve) => subscriber.once('message', () => resolve()))
    await publisher.publish(channel, JSON.stringify({ sample, payload: 'x'.repeat(400) }))
    await received
    latencies.push(performance.now() - started)
  }
  publisher.disconnect()
  subscriber.disconnect()
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}
