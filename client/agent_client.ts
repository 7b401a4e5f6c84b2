/**
 * A typed client for agents written in TypeScript: the REST contract with
 * the agent's bearer token, and the manners an agent needs to stay out of
 * trouble.
 *
 * - 423 (the agent, or every agent, is paused or killed): the write waits
 *   until the agent may write again, listening to its control channel and
 *   polling `GET /api/agents/me` with backoff, then is sent again (the
 *   refused request wrote nothing, so it happens exactly once). While the
 *   client knows it is paused, writes wait before they are sent.
 * - 429, 503 and connection failures (a server restarting): retried with
 *   exponential backoff and jitter, honoring Retry-After, within
 *   `RetryPolicy` bounds. A request that may have reached the server is
 *   only repeated when that is harmless (reads, PATCH, heartbeats, lead
 *   creation, which dedupes).
 * - Any other refusal throws an `ApiError` with the contract's `errors`.
 * - `signal` (or `close()`) stops everything: waits and retries end with
 *   the abort reason.
 */
import { ApiError, NetworkError, abortReason, isAbortError } from './errors.js'
import type { ControlChannel, ControlChannelOptions } from './control_channel.js'
import {
  DEFAULT_RETRY,
  mayRetryNetworkError,
  networkErrorCode,
  nextDelay,
  parseRetryAfter,
  sleep,
  type RetryPolicy,
} from './retry.js'
import type {
  Agent,
  AgentSelf,
  Approval,
  ControlMessage,
  Controls,
  Draft,
  DraftFeedback,
  DraftInput,
  DraftVersion,
  EventInput,
  HeartbeatInput,
  Lead,
  LeadChanges,
  LeadCreated,
  LeadInput,
  ListPage,
  ListQuery,
  MyBudget,
  Reservation,
  ReservationInput,
  Task,
  TaskChanges,
  TaskColumn,
  TaskEvent,
  TaskInput,
  UsageInput,
  UsageReport,
  VersionInput,
} from './types.js'

export interface AgentClientOptions {
  /** Where the server is, e.g. `http://localhost:4000` (no `/api`). */
  baseUrl: string
  /** The agent's token (`mca_...`), from `node ace agent:token <name>` or the admin. */
  token: string
  /** Stops every request, wait and retry of this client. */
  signal?: AbortSignal
  retry?: Partial<RetryPolicy>
  /** How often `/api/agents/me` is polled while paused: from `initialMs`, doubling to `maxMs`. */
  pausePoll?: { initialMs?: number; maxMs?: number }
  /** Give up waiting for a resume after this long (the 423 is thrown); default: wait as long as it takes. */
  maxPauseMs?: number
  /** Listen to `agents/<id>` while paused (default true); polling alone works too, only slower. */
  controlChannel?: boolean
  fetch?: typeof fetch
  /** For runtimes without a global EventSource other than Node (which gets the `eventsource` package). */
  EventSource?: ControlChannelOptions['EventSource']
}

export interface RequestOptions {
  signal?: AbortSignal
}

export interface RetryNotice {
  method: string
  path: string
  attempt: number
  delayMs: number
  /** The status (429, 503) or network error code that caused the retry. */
  reason: string
}

interface ClientEvents {
  /** The agent may not write (from a 423, a control message, `/me` or a heartbeat). */
  paused: (controls: Controls) => void
  resumed: (controls: Controls) => void
  /** Every message on the control channel. */
  control: (message: ControlMessage) => void
  retry: (notice: RetryNotice) => void
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

interface Call {
  method: Method
  path: string
  query?: ListQuery
  body?: unknown
  signal?: AbortSignal
  /** Writes wait while the agent is paused; the heartbeat is allowed while paused. */
  holdWhilePaused?: boolean
  /** Sending it twice does no harm, so it may be retried after a broken connection. */
  repeatable?: boolean
}

interface Answer<T> {
  status: number
  body: T
  headers: Headers
}

const READS = new Set(['GET', 'HEAD'])

export class AgentClient {
  readonly baseUrl: string
  readonly retryPolicy: RetryPolicy
  #token: string
  #fetch: typeof fetch
  #options: AgentClientOptions
  #lifetime = new AbortController()
  #agentId: string | null = null
  #controls: Controls | null = null
  #resume: { promise: Promise<void>; resolve: () => void } | null = null
  #channel: ControlChannel | null = null
  #controlHandlers = new Set<(message: ControlMessage) => void>()
  #listeners: { [K in keyof ClientEvents]: Set<ClientEvents[K]> } = {
    paused: new Set(),
    resumed: new Set(),
    control: new Set(),
    retry: new Set(),
  }

  constructor(options: AgentClientOptions) {
    if (!options.baseUrl) throw new TypeError('AgentClient needs a baseUrl')
    if (!options.token) throw new TypeError('AgentClient needs a token')
    this.baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/api$/, '')
    this.#token = options.token
    this.#fetch = options.fetch ?? globalThis.fetch
    this.#options = options
    this.retryPolicy = { ...DEFAULT_RETRY, ...options.retry }
    const outer = options.signal
    if (outer) {
      if (outer.aborted) this.close(outer.reason)
      else outer.addEventListener('abort', () => this.close(outer.reason), { once: true })
    }
  }

  /** The agent's id, once `me()` (or anything that needs it) has been called. */
  get agentId() {
    return this.#agentId
  }

  /** What the client last learned: null before the first answer about it. */
  get controls(): Controls | null {
    return this.#controls
  }

  get paused() {
    return this.#controls?.paused === true
  }

  get closed() {
    return this.#lifetime.signal.aborted
  }

  /** Aborts every pending request and wait, and closes the control channel. */
  close(reason?: unknown) {
    if (this.#lifetime.signal.aborted) return
    this.#channel?.close()
    this.#channel = null
    this.#lifetime.abort(reason)
  }

  on<K extends keyof ClientEvents>(event: K, listener: ClientEvents[K]) {
    this.#listeners[event].add(listener)
    return () => {
      this.#listeners[event].delete(listener)
    }
  }

  /* ---------------------------------------------------------------- agent */

  /** `GET /api/agents/me`: who the token belongs to and whether it may write. */
  async me(options: RequestOptions = {}): Promise<AgentSelf> {
    const { body } = await this.#send<AgentSelf>({
      method: 'GET',
      path: '/api/agents/me',
      ...options,
    })
    this.#agentId = body.id
    this.#observe(body.controls)
    return body
  }

  /** `POST /api/agents/me/heartbeat` (allowed while paused); answers with the controls. */
  async heartbeat(beat: HeartbeatInput, options: RequestOptions = {}): Promise<AgentSelf> {
    const { body } = await this.#send<AgentSelf>({
      method: 'POST',
      path: '/api/agents/me/heartbeat',
      body: beat,
      holdWhilePaused: false,
      repeatable: true,
      ...options,
    })
    this.#agentId = body.id
    this.#observe(body.controls)
    return body
  }

  /**
   * Follows the control channel `agents/<id>` (pause, resume, kill, global
   * pause). Resolves once subscribed; the returned function stops this
   * handler. The client listens by itself while paused, with or without this.
   */
  async subscribeControls(
    onMessage: (message: ControlMessage) => void,
    options: RequestOptions = {}
  ) {
    this.#controlHandlers.add(onMessage)
    try {
      await this.#race(this.#startChannel(options), options.signal)
    } catch (error) {
      this.#controlHandlers.delete(onMessage)
      throw error
    }
    return () => {
      this.#controlHandlers.delete(onMessage)
    }
  }

  /**
   * Resolves at once if the agent may write, else when it may again (a
   * control message or `/me` says so). Writes call it for you.
   */
  async waitUntilResumed(options: RequestOptions = {}) {
    if (!this.paused) return
    const waits: Promise<unknown>[] = [this.#resumePromise()]
    const limit = this.#options.maxPauseMs
    let timer: NodeJS.Timeout | undefined
    if (limit !== undefined && Number.isFinite(limit)) {
      waits.push(
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new ApiError(
                  423,
                  {
                    errors: [
                      { message: this.#controls?.reason ?? 'Paused', code: 'E_AGENT_PAUSED' },
                    ],
                  },
                  'WAIT',
                  'resume'
                )
              ),
            limit
          )
        })
      )
    }
    try {
      await this.#race(Promise.race(waits), options.signal)
    } finally {
      clearTimeout(timer)
    }
  }

  /** The other agents (read-only), e.g. to hand a task to one by type: `list({ type: 'lead_finder' })`. */
  readonly agents = {
    list: (query: ListQuery = {}, options: RequestOptions = {}) =>
      this.#list<Agent>('/api/agents', query, options),
    get: (id: string, options: RequestOptions = {}) =>
      this.#body<Agent>({ method: 'GET', path: `/api/agents/${enc(id)}`, ...options }),
  }

  /* ---------------------------------------------------------------- tasks */

  readonly tasks = {
    list: (query: ListQuery = {}, options: RequestOptions = {}) =>
      this.#list<Task>('/api/tasks', query, options),
    get: (id: string, options: RequestOptions = {}) =>
      this.#body<Task>({ method: 'GET', path: `/api/tasks/${enc(id)}`, ...options }),
    create: (task: TaskInput, options: RequestOptions = {}) =>
      this.#body<Task>({ method: 'POST', path: '/api/tasks', body: task, ...options }),
    update: (id: string, changes: TaskChanges, options: RequestOptions = {}) =>
      this.#body<Task>({
        method: 'PATCH',
        path: `/api/tasks/${enc(id)}`,
        body: changes,
        repeatable: true,
        ...options,
      }),
    /** Moves the card: `PATCH {"column": ...}`. Only an admin moves into or out of `done`. */
    move: (id: string, column: TaskColumn, options: RequestOptions = {}) =>
      this.tasks.update(id, { column }, options),
    /** Takes the task (this agent becomes its owner); 409 `ApiError` when someone else owns it. */
    claim: (id: string, options: RequestOptions = {}) =>
      this.#body<Task>({ method: 'POST', path: `/api/tasks/${enc(id)}/claim`, ...options }),
  }

  /* ---------------------------------------------------------------- leads */

  readonly leads = {
    list: (query: ListQuery = {}, options: RequestOptions = {}) =>
      this.#list<Lead>('/api/leads', query, options),
    get: (id: string, options: RequestOptions = {}) =>
      this.#body<Lead>({ method: 'GET', path: `/api/leads/${enc(id)}`, ...options }),
    /** A new lead, or the id of the lead that already has this website or email (no throw). */
    create: async (lead: LeadInput, options: RequestOptions = {}): Promise<LeadCreated> => {
      try {
        const created = await this.#body<Lead>({
          method: 'POST',
          path: '/api/leads',
          body: lead,
          /* a repeat is refused as a duplicate of the first, which answers the same */
          repeatable: true,
          ...options,
        })
        return { created: true, id: created.id, lead: created }
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.existingId) {
          const item = error.errors.find((e) => e.existing_id === error.existingId)!
          return {
            created: false,
            id: error.existingId,
            duplicate: { field: item.field ?? null, message: item.message },
          }
        }
        throw error
      }
    },
    update: (id: string, changes: LeadChanges, options: RequestOptions = {}) =>
      this.#body<Lead>({
        method: 'PATCH',
        path: `/api/leads/${enc(id)}`,
        body: changes,
        repeatable: true,
        ...options,
      }),
  }

  /* --------------------------------------------------------------- drafts */

  readonly drafts = {
    list: (query: ListQuery = {}, options: RequestOptions = {}) =>
      this.#list<Draft>('/api/drafts', query, options),
    get: (id: string, options: RequestOptions = {}) =>
      this.#body<Draft>({ method: 'GET', path: `/api/drafts/${enc(id)}`, ...options }),
    /** Creates the draft and its version 1 (status `draft`). */
    create: (draft: DraftInput, options: RequestOptions = {}) =>
      this.#body<Draft>({ method: 'POST', path: '/api/drafts', body: draft, ...options }),
    /** Every version, oldest first. */
    versions: async (id: string, options: RequestOptions = {}) =>
      (await this.#list<DraftVersion>(`/api/drafts/${enc(id)}/versions`, { _end: 1000 }, options))
        .data,
    /** A new version on top of `base_version` (409 `ApiError` when that is not the current one). */
    addVersion: (id: string, version: VersionInput, options: RequestOptions = {}) =>
      this.#body<DraftVersion>({
        method: 'POST',
        path: `/api/drafts/${enc(id)}/versions`,
        body: version,
        ...options,
      }),
    /** Into the approval queue; linked tasks move to `needs_approval`. */
    submit: (id: string, options: RequestOptions = {}) =>
      this.#body<Draft>({ method: 'POST', path: `/api/drafts/${enc(id)}/submit`, ...options }),
    /**
     * The reviewers' decisions on a draft this agent wrote, newest first:
     * notes, and an inline edit as a diff of its text (403 for another agent's draft).
     */
    feedback: (id: string, options: RequestOptions = {}) =>
      this.#body<DraftFeedback>({
        method: 'GET',
        path: `/api/drafts/${enc(id)}/feedback`,
        ...options,
      }),
  }

  /** Admins' decisions on the drafts this agent wrote (read-only); `drafts.feedback` reads them for one draft. */
  readonly approvals = {
    list: (query: ListQuery = {}, options: RequestOptions = {}) =>
      this.#list<Approval>('/api/approvals', query, options),
    get: (id: string, options: RequestOptions = {}) =>
      this.#body<Approval>({ method: 'GET', path: `/api/approvals/${enc(id)}`, ...options }),
  }

  /* --------------------------------------------------------------- budget */

  /**
   * Spend (docs/BUDGETS.md): reserve before an expensive step, settle after
   * it with what it cost, or report usage without a reservation. A
   * reservation that does not fit a budget throws `ApiError` 423
   * `E_AGENT_OVER_BUDGET` (the agent is paused by it): do not run the step.
   */
  readonly budget = {
    /** The budgets that cover this agent and its open reservations. */
    get: (options: RequestOptions = {}) =>
      this.#body<MyBudget>({ method: 'GET', path: '/api/agents/me/budget', ...options }),
    reserve: (input: ReservationInput, options: RequestOptions = {}) =>
      this.#body<Reservation>({
        method: 'POST',
        path: '/api/agents/me/reservations',
        body: input,
        ...options,
      }),
    /** Allowed while paused: the money is spent either way. */
    settle: (id: string, usage: UsageInput, options: RequestOptions = {}) =>
      this.#body<{ reservation: Reservation; usage: UsageReport }>({
        method: 'POST',
        path: `/api/agents/me/reservations/${enc(id)}/settle`,
        body: usage,
        holdWhilePaused: false,
        ...options,
      }),
    /** Usage without a reservation; allowed while paused. Reaching a budget pauses the agent. */
    report: (usage: UsageInput, options: RequestOptions = {}) =>
      this.#body<UsageReport>({
        method: 'POST',
        path: '/api/agents/me/usage',
        body: usage,
        holdWhilePaused: false,
        ...options,
      }),
    /**
     * Reserves `estimate`, runs `step`, settles with the usage it returns.
     * If the step throws, the reservation is settled with `onError` usage
     * (nothing spent by default) and the error is rethrown.
     */
    withReservation: async <T>(
      estimate: ReservationInput,
      step: (reservation: Reservation) => Promise<{ result: T; usage: UsageInput }>,
      onError: UsageInput = { cost_usd: 0 }
    ): Promise<T> => {
      const reservation = await this.budget.reserve(estimate)
      let outcome: { result: T; usage: UsageInput }
      try {
        outcome = await step(reservation)
      } catch (error) {
        await this.budget.settle(reservation.id, onError).catch(() => {})
        throw error
      }
      await this.budget.settle(reservation.id, outcome.usage)
      return outcome.result
    },
  }

  /* --------------------------------------------------------------- events */

  readonly events = {
    list: (query: ListQuery = {}, options: RequestOptions = {}) =>
      this.#list<TaskEvent>('/api/events', query, options),
    /** Events after `seq`, oldest first (at most 1000): the reconnect backfill. */
    after: async (seq: number, options: RequestOptions = {}) =>
      (await this.#list<TaskEvent>('/api/events', { after: seq }, options)).data,
  }

  /** `POST /api/events`: a progress event (`lead.enriched`, ...). */
  emitEvent(event: EventInput, options: RequestOptions = {}) {
    return this.#body<TaskEvent>({ method: 'POST', path: '/api/events', body: event, ...options })
  }

  /* ------------------------------------------------------------ transport */

  /** Any other route of the API, with the same pause and retry handling. */
  async request<T = unknown>(
    method: Method,
    path: string,
    init: { query?: ListQuery; body?: unknown; signal?: AbortSignal; repeatable?: boolean } = {}
  ): Promise<Answer<T>> {
    return this.#send<T>({ method, path, ...init })
  }

  async #body<T>(call: Call): Promise<T> {
    return (await this.#send<T>(call)).body
  }

  async #list<T>(path: string, query: ListQuery, options: RequestOptions): Promise<ListPage<T>> {
    const { body, headers } = await this.#send<T[]>({ method: 'GET', path, query, ...options })
    const total = Number(headers.get('x-total-count'))
    return { data: body, total: Number.isFinite(total) ? total : body.length }
  }

  async #send<T>(call: Call): Promise<Answer<T>> {
    const linked = linkSignals(this.#lifetime.signal, call.signal)
    try {
      return await this.#attempts<T>(call, linked.signal)
    } finally {
      linked.dispose()
    }
  }

  async #attempts<T>(call: Call, signal: AbortSignal): Promise<Answer<T>> {
    const write = !READS.has(call.method)
    const hold = write && call.holdWhilePaused !== false
    const repeatable =
      !write || call.method === 'PUT' || call.method === 'DELETE' || !!call.repeatable
    const url = this.#url(call.path, call.query)
    const started = Date.now()
    let attempt = 0

    for (;;) {
      if (signal.aborted) throw abortReason(signal)
      if (hold && this.paused) await this.waitUntilResumed({ signal })

      let response: Response
      try {
        response = await this.#fetch(url, {
          method: call.method,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${this.#token}`,
            ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          signal,
        })
      } catch (error) {
        if (signal.aborted || isAbortError(error))
          throw signal.aborted ? abortReason(signal) : error
        const code = networkErrorCode(error)
        const delay = mayRetryNetworkError(code, repeatable)
          ? nextDelay(this.retryPolicy, attempt, Date.now() - started, null)
          : null
        if (delay === null) {
          throw new NetworkError(
            `${call.method} ${call.path} failed: ${code ?? (error as Error).message}`,
            call.method,
            call.path,
            code,
            { cause: error }
          )
        }
        await this.#retryAfter(call, ++attempt, delay, code ?? 'network error', signal)
        continue
      }

      const body = await readBody(response)

      if (response.status === 423 && firstCode(body) === 'E_AGENT_OVER_BUDGET') {
        /* the step does not fit a budget: the agent is paused now, and the step must not run */
        this.#observe({ paused: true, reason: firstMessage(body) })
      } else if (response.status === 423 && hold) {
        /* refused before anything was written: wait, then send the same request again */
        this.#observe({ paused: true, reason: firstMessage(body) })
        continue
      }

      const retryable =
        response.status === 429 ||
        response.status === 503 ||
        (repeatable && (response.status === 502 || response.status === 504))
      if (retryable) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
        const delay = nextDelay(this.retryPolicy, attempt, Date.now() - started, retryAfter)
        if (delay !== null) {
          await this.#retryAfter(call, ++attempt, delay, String(response.status), signal)
          continue
        }
      }

      if (!response.ok) {
        throw new ApiError(
          response.status,
          body,
          call.method,
          call.path,
          response.headers.get('x-request-id')
        )
      }
      return { status: response.status, body: body as T, headers: response.headers }
    }
  }

  async #retryAfter(
    call: Call,
    attempt: number,
    delayMs: number,
    reason: string,
    signal: AbortSignal
  ) {
    this.#emit('retry', { method: call.method, path: call.path, attempt, delayMs, reason })
    await sleep(delayMs, signal)
  }

  #url(path: string, query?: ListQuery) {
    const url = new URL(path, `${this.baseUrl}/`)
    for (const [key, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === undefined || item === null) continue
        url.searchParams.append(key, String(item))
      }
    }
    return url.toString()
  }

  /* ----------------------------------------------------------- pause state */

  /** Records what the server said about the controls; wakes the waiting writes on a resume. */
  #observe(controls: Controls) {
    const was = this.#controls?.paused
    this.#controls = { paused: controls.paused, reason: controls.reason ?? null }
    if (controls.paused && was !== true) {
      this.#emit('paused', this.#controls)
      this.#watchForResume()
    } else if (!controls.paused) {
      const resume = this.#resume
      this.#resume = null
      resume?.resolve()
      if (was === true) this.#emit('resumed', this.#controls)
    }
  }

  #resumePromise() {
    if (!this.#resume) this.#watchForResume()
    return this.#resume!.promise
  }

  /**
   * One watcher per pause, shared by every waiting write: the control
   * channel says "resumed" at once; meanwhile `/me` is polled with backoff
   * (the channel may be down, or the message lost).
   */
  #watchForResume() {
    if (this.#resume) return
    let resolve!: () => void
    const promise = new Promise<void>((done) => (resolve = done))
    const watch = { promise, resolve }
    this.#resume = watch

    if (this.#options.controlChannel !== false) {
      this.#startChannel({}).catch(() => {})
    }
    const { initialMs = 500, maxMs = 5000 } = this.#options.pausePoll ?? {}
    void (async () => {
      let delay = initialMs
      while (this.#resume === watch && !this.closed) {
        try {
          await sleep(delay * (0.8 + Math.random() * 0.4), this.#lifetime.signal)
          if (this.#resume !== watch) return
          await this.me()
        } catch {
          if (this.closed) return
        }
        delay = Math.min(delay * 2, maxMs)
      }
    })()
  }

  async #startChannel(options: RequestOptions) {
    if (!this.#channel) {
      const agentId = this.#agentId ?? (await this.me(options)).id
      /* loaded on first use: without @adonisjs/transmit-client the client still works, polling */
      const { ControlChannel: Channel } = await import('./control_channel.js')
      if (this.closed) throw abortReason(this.#lifetime.signal)
      this.#channel ??= new Channel({
        baseUrl: this.baseUrl,
        token: this.#token,
        channel: `agents/${agentId}`,
        fetch: this.#fetch,
        retry: this.retryPolicy,
        EventSource: this.#options.EventSource,
        onMessage: (message) => this.#onControl(message),
        /* messages sent while the stream was down are lost: ask */
        onSynced: () => void this.me().catch(() => {}),
      })
    }
    return this.#channel.start()
  }

  #onControl(message: ControlMessage) {
    this.#observe({ paused: message.paused, reason: message.reason })
    this.#emit('control', message)
    for (const handler of this.#controlHandlers) {
      try {
        handler(message)
      } catch {}
    }
  }

  #emit<K extends keyof ClientEvents>(event: K, ...args: Parameters<ClientEvents[K]>) {
    for (const listener of this.#listeners[event]) {
      try {
        ;(listener as (...a: Parameters<ClientEvents[K]>) => void)(...args)
      } catch {}
    }
  }

  /** A promise that rejects with the abort reason when `signal` (or the client) aborts. */
  #race<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
    const linked = linkSignals(this.#lifetime.signal, signal)
    const combined = linked.signal
    if (combined.aborted) {
      linked.dispose()
      return Promise.reject(abortReason(combined))
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(abortReason(combined))
      combined.addEventListener('abort', onAbort, { once: true })
      promise.then(resolve, reject).finally(() => {
        combined.removeEventListener('abort', onAbort)
        linked.dispose()
      })
    })
  }
}

/**
 * One signal for the client's lifetime and a call's own; the listeners are
 * removed afterwards (AbortSignal.any keeps them on long-lived signals).
 */
function linkSignals(lifetime: AbortSignal, own?: AbortSignal) {
  if (!own) return { signal: lifetime, dispose() {} }
  const controller = new AbortController()
  const sources = [lifetime, own]
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason)
  for (const source of sources) {
    if (source.aborted) {
      controller.abort(source.reason)
      break
    }
    source.addEventListener('abort', onAbort, { once: true })
  }
  return {
    signal: controller.signal,
    dispose: () => sources.forEach((source) => source.removeEventListener('abort', onAbort)),
  }
}

function enc(id: string) {
  return encodeURIComponent(id)
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function firstCode(body: unknown): string | null {
  const code = (body as { errors?: { code?: unknown }[] } | null)?.errors?.[0]?.code
  return typeof code === 'string' ? code : null
}

function firstMessage(body: unknown): string | null {
  const message = (body as { errors?: { message?: unknown }[] } | null)?.errors?.[0]?.message
  return typeof message === 'string' ? message : null
}
