import { toHttpError } from '../providers/http'
import { realtime } from './client'
import { fromEnvelope, type EventEnvelope, type FeedEvent } from './feed_events'
import { fetchEventsAfter, fetchHeadSeq } from './feed_fetch'

/*
| The `events` channel with nothing missed: every envelope carries `seq`
| (the task_events id). The feed keeps the last seq it is sure of and,
| after every (re)subscription, asks GET /api/events?after=<seq> for what
| happened while it was away. Live and fetched events are merged and
| de-duplicated by seq, so a listener sees each event once.
*/

/** A set that forgets its oldest members past `limit`. */
export class RecentSet {
  #items = new Set<number>()
  constructor(private readonly limit: number) {}
  has(value: number) {
    return this.#items.has(value)
  }
  add(value: number) {
    this.#items.add(value)
    if (this.#items.size > this.limit) {
      const oldest = this.#items.values().next().value
      if (oldest !== undefined) this.#items.delete(oldest)
    }
  }
}

/*
| Events committed out of seq order (two transactions, the later id first)
| can reach the database after a later seq was seen: each catch-up re-reads
| a few seqs before the cursor, and de-duplication drops the repeats.
*/
const OVERLAP = 20
const RETRY_MS = 3_000

export type FeedListener = (event: FeedEvent) => void

class EventFeed {
  #listeners = new Set<FeedListener>()
  #seen = new RecentSet(5_000)
  /** Every event up to this seq has been delivered (null until first known). */
  #cursor: number | null = null
  #maxDelivered = 0
  /** True from a (re)connection until its catch-up succeeds: live events do not move the cursor. */
  #dirty = true
  #running = false
  #again = false
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  #release: (() => void) | null = null

  get lastSeq() {
    return this.#cursor
  }

  listen(listener: FeedListener): () => void {
    this.#listeners.add(listener)
    if (!this.#release) {
      this.#dirty = true
      this.#release = realtime.subscribe<EventEnvelope>(
        'events',
        (message) => this.#onLive(message),
        () => {
          this.#dirty = true
          void this.#catchUp()
        }
      )
    }
    return () => {
      this.#listeners.delete(listener)
      if (this.#listeners.size === 0 && this.#release) {
        this.#release()
        this.#release = null
        // Nobody listens: the next listener starts from "now", not from here.
        this.#cursor = null
        if (this.#retryTimer) clearTimeout(this.#retryTimer)
        this.#retryTimer = null
      }
    }
  }

  #onLive(message: EventEnvelope) {
    if (!message || typeof message.seq !== 'number') return
    const event = fromEnvelope(message)
    this.#deliver(event)
    if (!this.#dirty && this.#cursor !== null) this.#cursor = Math.max(this.#cursor, event.seq)
  }

  #deliver(event: FeedEvent) {
    if (this.#seen.has(event.seq)) return
    this.#seen.add(event.seq)
    this.#maxDelivered = Math.max(this.#maxDelivered, event.seq)
    for (const listener of [...this.#listeners]) {
      try {
        listener(event)
      } catch (error) {
        console.error(error)
      }
    }
  }

  async #catchUp() {
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = true
    try {
      do {
        this.#again = false
        if (this.#cursor === null) {
          // First connection: start from the newest event; screens load their own history.
          const head = await fetchHeadSeq()
          this.#cursor = Math.max(head, this.#maxDelivered)
        } else {
          const events = await fetchEventsAfter(Math.max(0, this.#cursor - OVERLAP))
          for (const event of events) this.#deliver(event)
          this.#cursor = Math.max(this.#cursor, this.#maxDelivered)
        }
      } while (this.#again)
      this.#dirty = false
    } catch (error) {
      console.warn('Realtime: catching up on missed events failed', toHttpError(error).message)
      if (this.#release && !this.#retryTimer) {
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null
          if (this.#release) void this.#catchUp()
        }, RETRY_MS)
      }
    } finally {
      this.#running = false
    }
  }
}

/** The app's one feed over the `events` channel. */
export const eventFeed = new EventFeed()

/** The connection's state, for a "live" / "reconnecting" badge. */
