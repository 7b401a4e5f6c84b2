/**
 * Sends the webhook outbox (docs/WEBHOOKS.md). Every instance runs one
 * sender; each takes due deliveries with `FOR UPDATE SKIP LOCKED` and a
 * lease, so a delivery is sent by one instance at a time, and a sender that
 * dies (kill -9) only delays it until its lease runs out. At least once:
 * receivers deduplicate by `webhook-id`, which stays the same across
 * retries. Failures are retried on a schedule (WEBHOOK_RETRY_SECONDS), each
 * answer kept (status, first 2 KB, time); after the last, the delivery is
 * `failed` until an admin redelivers it.
 */
import http from 'node:http'
import https from 'node:https'
import { randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { eventFromRow, onRecorded, type TaskEventRow } from '#services/change_recorder'
import { toEnvelope } from '#services/realtime'
import { guardedLookup } from '#services/webhook_targets'
import { isDatabaseUnavailable } from '#services/database_errors'

function retrySchedule(): number[] {
  const raw = env.get('WEBHOOK_RETRY_SECONDS')
  if (!raw) return [5, 300, 1800, 7200, 18000, 36000, 36000]
  return raw
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isFinite(value) && value >= 0)
}

export const deliverySettings = {
  /** Seconds between attempts: the n-th failure waits the n-th value; after the last, failed. */
  retrySeconds: retrySchedule(),
  /** A receiver that has not answered in this many seconds failed this attempt. */
  timeoutSeconds: env.get('WEBHOOK_TIMEOUT_SECONDS', 10),
  /** How often the sender looks for due deliveries (another instance's, retries). */
  pollMs: 1000,
  /** Deliveries one sender has in flight at most; a slow receiver holds one slot, not the others. */
  concurrency: 50,
}

/* connections to a receiver are reused (each new one is still checked by guardedLookup) */
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 50 })
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 50 })

/** The answer bytes kept per attempt. */
const KEPT_ANSWER = 2048

export interface WebhookBody {
  type: string
  timestamp: string
  data: Record<string, unknown>
}

interface Due {
  id: string
  subscription_id: string
  event_seq: string | null
  message: Record<string, unknown> | null
  event_type: string
  attempts: number
  url: string
  secret: string
}

export interface AttemptResult {
  status: number | null
  answer: string | null
  error: string | null
  durationMs: number
}

/** A new secret in the Standard Webhooks form: `whsec_` and 32 random bytes, base64. */
export function newSecret() {
  return `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`
}

/**
 * POSTs a JSON body to a URL an admin or a person gave (a webhook, a Slack
 * incoming webhook): the target checked at the socket (guardedLookup), no
 * redirect followed, and the whole exchange cut at the timeout, however the
 * receiver trickles or streams its answer, so a receiver can hold one
 * sending slot for the timeout at most. Keeps the first 2 KB of the answer.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {}
): Promise<AttemptResult> {
  const started = performance.now()
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  const agent = target.protocol === 'https:' ? httpsAgent : httpAgent
  const limitMs = deliverySettings.timeoutSeconds * 1000
  return new Promise<AttemptResult>((resolve) => {
    let settled = false
    const done = (result: Omit<AttemptResult, 'durationMs'>) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      resolve({ ...result, durationMs: Math.round(performance.now() - started) })
    }
    const request = client.request(
      target,
      {
        method: 'POST',
        agent,
        lookup: guardedLookup,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'MissionControl-Webhooks/1',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        let kept = 0
        const finish = () =>
          done({
            status: response.statusCode ?? null,
            answer: Buffer.concat(chunks).subarray(0, KEPT_ANSWER).toString('utf8'),
            error: null,
          })
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          kept += chunk.length
          // what is kept has arrived: the rest of an endless answer is not waited for
          if (kept >= KEPT_ANSWER) {
            finish()
            response.destroy()
          }
        })
        response.on('end', finish)
        response.on('error', (error) =>
          done({ status: response.statusCode ?? null, answer: null, error: error.message })
        )
      }
    )
    const deadline = setTimeout(() => {
      const error = new Error(`No complete answer within ${deliverySettings.timeoutSeconds} s`)
      done({ status: null, answer: null, error: error.message })
      request.destroy(error)
    }, limitMs)
    request.on('error', (error) => done({ status: null, answer: null, error: error.message }))
    request.end(body)
  })
}

/** Signs and POSTs one webhook body (Standard Webhooks headers). */
export function post(url: string, secret: string, messageId: string, body: string) {
  const timestamp = new Date()
  return postJson(url, body, {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, timestamp, body),
  })
}

/** A redirect is not followed (it could lead anywhere): only 2xx is a delivery. */
const delivered = (result: AttemptResult) =>
  result.status !== null && result.status >= 200 && result.status < 300

async function bodiesFor(due: Due[]) {
  const seqs = due.flatMap((row) => (row.event_seq ? [row.event_seq] : []))
  const rows: TaskEventRow[] = seqs.length
    ? (await db.rawQuery('SELECT * FROM task_events WHERE id = ANY(?::bigint[])', [seqs])).rows
    : []
  const events = new Map(rows.map((row) => [String(row.id), row]))
  return (row: Due): WebhookBody | null => {
    if (row.message) return row.message as unknown as WebhookBody
    const event = events.get(String(row.event_seq))
    if (!event) return null
    const envelope = toEnvelope(eventFromRow(event))
    return {
      type: envelope.type,
      timestamp: envelope.timestamp,
      data: envelope as unknown as Record<string, unknown>,
    }
  }
}

export class WebhookSender {
  readonly instance = randomUUID()
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | null = null
  #again = false
  #stopped = true
  #anySubscription = false
  #unsubscribe: (() => void) | undefined
  #inFlight = new Set<Promise<void>>()

  start() {
    if (!this.#stopped) return
    this.#stopped = false
    this.#timer = setInterval(() => this.nudge(), deliverySettings.pollMs)
    this.#timer.unref()
    // a change recorded here may have filled the outbox: send at once (others find it by polling)
    this.#unsubscribe = onRecorded(() => {
      if (this.#anySubscription) this.nudge()
    })
    this.nudge()
  }

  async stop() {
    this.#stopped = true
    clearInterval(this.#timer)
    this.#unsubscribe?.()
    await this.#running
    await Promise.all(this.#inFlight)
  }

  /** Subscriptions changed here: whether recorded changes should wake the sender. */
  subscriptionsChanged() {
    this.#anySubscription = true
    this.nudge()
  }

  /** Looks for due deliveries now (or right after the current round). */
  nudge() {
    if (this.#stopped) return
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = this.#rounds().finally(() => {
      this.#running = null
      if (this.#again && !this.#stopped) {
        this.#again = false
        this.nudge()
      }
    })
  }

  async #rounds() {
    try {
      const [{ any }] = (
        await db.rawQuery(
          'SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE enabled) AS any'
        )
      ).rows
      this.#anySubscription = any
      if (!any) return
      while (!this.#stopped && (await this.round()) > 0) {}
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        const { default: logger } = await import('@adonisjs/core/services/logger')
        logger.error({ err: error }, 'webhooks: sending failed')
      }
    }
  }

  /**
   * Takes due deliveries, as many as there are free slots, and starts
   * sending them; resolves with how many it took. Each finished delivery
   * frees its slot and looks for more.
   */
  async round(): Promise<number> {
    const room = deliverySettings.concurrency - this.#inFlight.size
    if (room <= 0) return 0
    const lease = randomUUID()
    const leaseSeconds = deliverySettings.timeoutSeconds * 2 + 5
    const { rows } = await db.rawQuery(
      `UPDATE webhook_deliveries d
       SET lease = ?, locked_until = now() + make_interval(secs => ?), attempts = d.attempts + 1
       FROM (
         SELECT id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= now()
           AND (locked_until IS NULL OR locked_until < now())
           AND subscription_id IN (SELECT id FROM webhook_subscriptions WHERE enabled)
         ORDER BY next_attempt_at, id
         LIMIT ?
         FOR UPDATE SKIP LOCKED
       ) due, webhook_subscriptions s
       WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, d.event_seq, d.message, d.event_type, d.attempts, s.url, s.secret`,
      [lease, leaseSeconds, room]
    )
    const due = rows as Due[]
    if (due.length === 0) return 0
    const bodyOf = await bodiesFor(due)
    for (const row of due) {
      const sending: Promise<void> = this.#send(row, lease, bodyOf(row))
        .catch(async (error) => {
          const { default: logger } = await import('@adonisjs/core/services/logger')
          logger.error({ err: error }, 'webhooks: settling a delivery failed')
        })
        .finally(() => {
          this.#inFlight.delete(sending)
          this.nudge()
        })
      this.#inFlight.add(sending)
    }
    return due.length
  }

  async #send(row: Due, lease: string, body: WebhookBody | null) {
    const result = body
      ? await post(row.url, row.secret, `msg_${row.id}`, JSON.stringify(body))
      : {
          status: null,
          answer: null,
          error: 'The event is no longer in the history',
          durationMs: 0,
        }
    await settle(row, lease, result)
  }
}

/** Writes an attempt's outcome, if this sender still holds the delivery. */
async function settle(row: Due, lease: string, result: AttemptResult) {
  const schedule = deliverySettings.retrySeconds
  const ok = delivered(result)
  const givenUp = !ok && row.attempts > schedule.length
  const wait = ok || givenUp ? 0 : schedule[row.attempts - 1]
  await db.rawQuery(
    `UPDATE webhook_deliveries SET
       status = ?, last_status = ?, last_response = ?, last_error = ?, last_duration_ms = ?,
       delivered_at = CASE WHEN ? THEN now() ELSE delivered_at END,
       next_attempt_at = now() + make_interval(secs => ?),
       lease = NULL, locked_until = NULL
     WHERE id = ? AND lease = ?`,
    [
      ok ? 'delivered' : givenUp ? 'failed' : 'pending',
      result.status,
      result.answer,
      ok ? null : (result.error ?? `The receiver answered ${result.status}`),
      result.durationMs,
      ok,
      wait,
      row.id,
      lease,
    ]
  )
}

/** This instance's sender (started by start/webhooks.ts in the web server). */
export const webhookSender = new WebhookSender()
