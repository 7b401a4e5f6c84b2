/**
 * Delivers a numbered stream (events by seq) in order, each item once,
 * whatever the way it came: recorded on this instance, heard through
 * Redis, or read from the table. What Redis lost (an outage, a reconnect
 * window: pub/sub delivers at most once) is read from the table.
 *
 * Seqs come from a PostgreSQL sequence: concurrent transactions commit out
 * of seq order, and a rolled-back one leaves a seq that never commits. So a
 * missing seq is not always a lost event. When one is missing:
 * 1. wait `gapWaitMs` (it is usually a transaction committing right now, or
 *    a message on its way), then read the missing range from the table;
 * 2. still missing: the later seq we hold was committed before we looked,
 *    so the missing one was taken by a transaction that had begun by then.
 *    Once no transaction begun before that moment is open any more
 *    (pg_stat_activity), the range is read one last time: what is still
 *    missing was rolled back and is skipped;
 * 3. should such a transaction stay open past `maxGapWaitMs` (a long
 *    export, say), the seq is skipped anyway; if it commits later after
 *    all, it is delivered then, late (the one case of out-of-order
 *    delivery, logged).
 * Besides, the table is read every `pollMs` and at once when Redis is back,
 * so an event is delivered even when nothing comes after it.
 */
export interface SequenceSource<T> {
  /** The highest seq committed now (where delivery starts). */
  head(): Promise<number>
  /**
   * Committed items with `after` < seq (< `before` when given), ascending,
   * at most `limit`, and the database's clock when they were read.
   */
  read(after: number, limit: number, before?: number): Promise<{ items: T[]; clock: Date }>
  /** Whether a transaction that began before `clock` is still open. */
  transactionsOpenBefore(clock: Date): Promise<boolean>
}

export interface SequencerOptions<T> {
  source: SequenceSource<T>
  seqOf: (item: T) => number
  /** Delivers one item; `late` for a seq given up on before and committed after all. */
  deliver: (item: T, origin: Origin, late: boolean) => Promise<void> | void
  onError?: (error: unknown) => void
  /** A seq given up on after `maxGapWaitMs` (its transaction still open). */
  onGiveUp?: (seq: number) => void
  gapWaitMs?: number
  retryMs?: number
  maxGapWaitMs?: number
  pollMs?: number
}

/** Where an item came from: recorded here, heard through Redis, or read from the table. */
export type Origin = 'local' | 'bus' | 'table'

const LIMIT = 500
const MAX_SKIPPED = 1000

export class Sequencer<T> {
  readonly #options: Required<Omit<SequencerOptions<T>, 'onError' | 'onGiveUp'>> &
    Pick<SequencerOptions<T>, 'onError' | 'onGiveUp'>
  /** The last seq delivered (or skipped); null while inactive. */
  #delivered: number | null = null
  #activating: Promise<void> | null = null
  #pending = new Map<number, { item: T; origin: Origin }>()
  /** Seqs given up on: delivered late if they show up. */
  #skipped = new Set<number>()
  #late: { item: T; origin: Origin }[] = []
  /** The first missing seq, since when it is missing, and when to look for it next. */
  #gap: { seq: number; since: number; nextAt: number } | null = null
  /** A database clock reading taken once seqs below `below` were known to be committed. */
  #horizon: { below: number; clock: Date } | null = null
  #busy = false
  #pollWanted = false
  #timer: NodeJS.Timeout | null = null
  #poller: NodeJS.Timeout | null = null
  #failures = 0

  constructor(options: SequencerOptions<T>) {
    this.#options = {
      gapWaitMs: 50,
      retryMs: 100,
      maxGapWaitMs: 5000,
      pollMs: 1000,
      ...options,
    }
  }

  get active() {
    return this.#delivered !== null
  }

  /** The last seq delivered, or null while inactive. */
  get delivered() {
    return this.#delivered
  }

  /** Starts delivering from the current head: what is committed later goes out in order. */
  activate(): Promise<void> {
    if (this.#delivered !== null) return Promise.resolve()
    this.#activating ??= this.#options.source
      .head()
      .then((head) => {
        if (this.#activating === null) return // deactivated meanwhile
        this.#delivered = head
        for (const seq of this.#pending.keys()) if (seq <= head) this.#pending.delete(seq)
        this.#poller = setInterval(() => this.pollSoon(), this.#options.pollMs)
        this.#poller.unref()
        this.#kick()
      })
      .finally(() => {
        this.#activating = null
      })
    return this.#activating
  }

  /** Stops (nobody to deliver to): the next activate() starts from the head again. */
  deactivate() {
    this.#activating = null
    this.#delivered = null
    this.#pending.clear()
    this.#skipped.clear()
    this.#late = []
    this.#gap = null
    this.#horizon = null
    if (this.#timer) clearTimeout(this.#timer)
    if (this.#poller) clearInterval(this.#poller)
    this.#timer = null
    this.#poller = null
  }

  /** An item heard of (recorded here or received): delivered in its turn, once. */
  offer(item: T, origin: Origin) {
    if (this.#delivered === null && this.#activating === null) return
    const seq = this.#options.seqOf(item)
    if (this.#delivered !== null && seq <= this.#delivered) {
      if (this.#skipped.delete(seq)) {
        this.#late.push({ item, origin })
        this.#kick()
      }
      return
    }
    if (this.#pending.has(seq)) return
    this.#pending.set(seq, { item, origin })
    this.#kick()
  }

  /** Reads the table for anything committed past what was delivered (Redis is back, or the timer). */
  pollSoon() {
    this.#pollWanted = true
    this.#kick()
  }

  #kick() {
    if (!this.#busy && this.#delivered !== null) void this.#run()
  }

  #wakeAt(at: number) {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(
      () => {
        this.#timer = null
        this.#kick()
      },
      Math.max(0, at - Date.now())
    )
    this.#timer.unref()
  }

  async #run() {
    this.#busy = true
    try {
      while (this.#delivered !== null) {
        await this.#deliverLate()
        await this.#deliverReady()
        if (this.#pollWanted) {
          this.#pollWanted = false
          await this.#poll()
          continue
        }
        if (this.#pending.size === 0) {
          this.#gap = null
          break
        }
        const missing = this.#delivered + 1
        if (this.#gap?.seq !== missing) {
          const now = Date.now()
          this.#gap = { seq: missing, since: now, nextAt: now + this.#options.gapWaitMs }
        }
        if (Date.now() < this.#gap.nextAt) {
          this.#wakeAt(this.#gap.nextAt)
          break
        }
        await this.#resolveGap(this.#gap)
      }
      this.#failures = 0
    } catch (error) {
      /* the database is unreachable: try again a little later */
      this.#options.onError?.(error)
      this.#failures++
      this.#pollWanted = true
      this.#wakeAt(Date.now() + Math.min(this.#failures * 500, 5000))
    } finally {
      this.#busy = false
    }
  }

  async #deliver(entry: { item: T; origin: Origin }, late: boolean) {
    try {
      await this.#options.deliver(entry.item, entry.origin, late)
    } catch (error) {
      this.#options.onError?.(error)
    }
  }

  async #deliverLate() {
    while (this.#late.length > 0) await this.#deliver(this.#late.shift()!, true)
  }

  /** Delivers the pending items that come next, in order. */
  async #deliverReady() {
    while (this.#delivered !== null) {
      const next = this.#delivered + 1
      const entry = this.#pending.get(next)
      if (!entry) return
      this.#pending.delete(next)
      this.#delivered = next
      await this.#deliver(entry, false)
    }
  }

  async #poll() {
    const after = this.#delivered!
    const { items } = await this.#options.source.read(after, LIMIT)
    if (this.#delivered !== after) return
    for (const item of items) this.offer(item, 'table')
    if (items.length === LIMIT) this.#pollWanted = true
  }

  #skip(seq: number, late: boolean) {
    this.#delivered = seq
    if (!late) return
    this.#skipped.add(seq)
    if (this.#skipped.size > MAX_SKIPPED) {
      this.#skipped.delete(this.#skipped.values().next().value!)
    }
  }

  async #resolveGap(gap: { seq: number; since: number; nextAt: number }) {
    const source = this.#options.source
    const firstHeld = Math.min(...this.#pending.keys())
    const after = this.#delivered!
    const { items, clock } = await source.read(after, LIMIT, firstHeld)
    if (this.#delivered !== after) return
    for (const item of items) this.offer(item, 'table')
    await this.#deliverReady()
    if (this.#delivered !== after || this.#pending.has(gap.seq)) return

    /* still missing: it was taken by a transaction begun before firstHeld committed */
    if (!this.#horizon || gap.seq >= this.#horizon.below) {
      this.#horizon = { below: firstHeld, clock }
    }
    const horizon = this.#horizon
    if (!(await source.transactionsOpenBefore(horizon.clock))) {
      /* those transactions are over: one last read, and what is missing never committed */
      const last = await source.read(this.#delivered!, LIMIT, horizon.below)
      if (this.#delivered !== after) return
      for (const item of last.items) this.offer(item, 'table')
      if (last.items.length === LIMIT) return // more to read first
      while (this.#delivered !== null && this.#delivered + 1 < horizon.below) {
        const next: number = this.#delivered + 1
        const entry = this.#pending.get(next)
        if (entry) {
          this.#pending.delete(next)
          this.#delivered = next
          await this.#deliver(entry, false)
        } else {
          this.#skip(next, false)
        }
      }
      return
    }
    if (Date.now() - gap.since >= this.#options.maxGapWaitMs) {
      this.#skip(gap.seq, true)
      this.#options.onGiveUp?.(gap.seq)
      return
    }
    gap.nextAt = Date.now() + this.#options.retryMs
  }
}
