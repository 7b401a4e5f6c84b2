/**
 * What every agent of the demo crew does around its own work: heartbeats,
 * listening to its control channel, steps at the crew's pace, and obeying
 * the controls. A pause holds every write (the client waits before sending,
 * or on the server's 423) and the loop waits for the resume; a kill also
 * drops the work in hand, since an admin stopped it on purpose.
 */
import {
  AgentClient,
  ApiError,
  isAbortError,
  type AgentSelf,
  type ControlMessage,
  type EventInput,
} from '#client/index'
import { sleep } from '#client/retry'
import type { Random } from '#client/demo_world'

export interface CrewSettings {
  /** 1 = a step every few seconds per agent; 10 = ten times faster. */
  speed: number
  /** The copywriter stops writing (and the orchestrator planning) while this many drafts wait for approval. */
  inboxLimit: number
  /** When the crew started (ISO): "fresh" leads are the ones found since. */
  startedAt: string
  random: Random
  log: (line: string) => void
}

export interface StepContext {
  client: AgentClient
  self: AgentSelf
  settings: CrewSettings
  /** Aborted when the crew stops, or this agent is killed. */
  signal: AbortSignal
  /** Tells the board what the agent is doing (a heartbeat with a message: one `agent.heartbeat` event). */
  say(message: string, taskId?: string | null): Promise<void>
  /** A progress event, with the signal of the step. */
  emit(event: EventInput): Promise<void>
  /**
   * A paid step (a model call): reserves its most it could cost first (a
   * budget that it does not fit throws, and the work is not done), runs
   * `work`, and settles with a made-up but plausible usage of `model`.
   */
  spend<T>(purpose: string, cost: CostProfile, work: () => Promise<T>): Promise<T>
  log(line: string): void
}

/** How big a made-up model call is: tokens in and out drawn between these bounds. */
export interface CostProfile {
  model: keyof typeof MODEL_PRICES
  inputTokens: [number, number]
  outputTokens: [number, number]
}

/** USD per million tokens, in and out: list prices of the kind agents pay. */
export const MODEL_PRICES = {
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'claude-sonnet-4': { input: 3, output: 15 },
} as const

const priceOf = (model: CostProfile['model'], input: number, output: number) =>
  Math.round(
    ((input * MODEL_PRICES[model].input + output * MODEL_PRICES[model].output) / 1e6) * 1e6
  ) / 1e6

/** One agent type's behaviour: a step is one small unit of work. */
export interface CrewRole {
  readonly type: string
  /** Milliseconds between steps at speed 1. */
  readonly intervalMs: number
  /** Did something (true), or found nothing to do (false). */
  step(context: StepContext): Promise<boolean>
}

/** An agent's own settings (`metadata.settings`, checked against its type's schema), or none. */
export function settingsOf(agent: { metadata: Record<string, unknown> }) {
  const settings = agent.metadata?.settings
  return (settings && typeof settings === 'object' ? settings : {}) as Record<string, unknown>
}

class Killed extends Error {
  override name = 'AbortError'
}

const IDLE_AFTER = 3

export class CrewMember {
  readonly client: AgentClient
  #stop = new AbortController()
  #step: AbortController | null = null
  #self: AgentSelf | null = null
  #status: 'idle' | 'running' = 'idle'
  #sent: { status: 'idle' | 'running'; message: string | null; taskId: string | null } | null = null
  #idleSteps = 0
  #heartbeatTimer: NodeJS.Timeout | null = null
  #done: Promise<void> | null = null

  constructor(
    readonly role: CrewRole,
    readonly name: string,
    client: AgentClient,
    readonly settings: CrewSettings
  ) {
    this.client = client
  }

  get self() {
    return this.#self
  }

  log(line: string) {
    this.settings.log(`[${this.name}] ${line}`)
  }

  start() {
    this.#done ??= this.#run()
    return this.#done
  }

  /** Stops at once: pending requests and waits are aborted. */
  async stop() {
    this.#stop.abort()
    if (this.#heartbeatTimer) clearInterval(this.#heartbeatTimer)
    this.client.close()
    await this.#done?.catch(() => {})
  }

  async #run() {
    const stop = this.#stop.signal
    try {
      this.#self = await this.client.me({ signal: stop })
    } catch (error) {
      if (!stop.aborted) this.log(`cannot start: ${(error as Error).message}`)
      return
    }
    this.client.on('control', (message) => this.#onControl(message))
    this.client
      .subscribeControls(() => {}, { signal: stop })
      .catch((error) => {
        if (!stop.aborted) this.log(`no control channel (polling instead): ${error.message}`)
      })
    if (this.client.paused) this.log(`paused: ${this.client.controls?.reason}; waiting`)

    const beatEvery = Math.max(1000, 5000 / this.settings.speed)
    this.#heartbeatTimer = setInterval(() => void this.#heartbeat().catch(() => {}), beatEvery)
    this.#heartbeatTimer.unref?.()
    await this.#heartbeat().catch(() => {})

    let failures = 0
    while (!stop.aborted) {
      let worked = false
      try {
        if (this.client.paused) await this.client.waitUntilResumed({ signal: stop })
        worked = await this.#runStep()
        failures = 0
      } catch (error) {
        if (stop.aborted) break
        if (error instanceof Killed || isAbortError(error)) {
          this.log('killed: dropped the work in hand; waiting for an admin to resume')
          continue
        }
        if (error instanceof ApiError && error.status === 401) {
          this.log('the token was refused (revoked?); this agent stops')
          break
        }
        failures++
        this.log(`step failed: ${(error as Error).message}`)
        await sleep(Math.min(30_000, 1000 * 2 ** failures), stop).catch(() => {})
        continue
      }
      const pace = this.role.intervalMs / this.settings.speed
      const jitter = 0.7 + this.settings.random() * 0.6
      await sleep(pace * jitter * (worked ? 1 : 1.5), stop).catch(() => {})
    }
  }

  async #runStep() {
    const step = new AbortController()
    this.#step = step
    const stop = this.#stop.signal
    const onStop = () => step.abort(stop.reason)
    stop.addEventListener('abort', onStop, { once: true })
    try {
      const worked = await this.role.step(this.#context(step.signal))
      this.#idleSteps = worked ? 0 : this.#idleSteps + 1
      const status = worked ? 'running' : this.#idleSteps >= IDLE_AFTER ? 'idle' : this.#status
      if (status !== this.#status) {
        this.#status = status
        if (status === 'idle') this.#sentMessageTask(null)
        await this.#heartbeat()
      }
      return worked
    } finally {
      stop.removeEventListener('abort', onStop)
      this.#step = null
    }
  }

  #pending: { message: string | null; taskId: string | null } = { message: null, taskId: null }

  #sentMessageTask(taskId: string | null) {
    this.#pending = { message: null, taskId }
  }

  #context(signal: AbortSignal): StepContext {
    return {
      client: this.client,
      self: this.#self!,
      settings: this.settings,
      signal,
      say: async (message, taskId = null) => {
        this.#pending = { message, taskId }
        this.#status = 'running'
        this.#idleSteps = 0
        await this.#heartbeat(signal)
      },
      emit: async (event) => {
        await this.client.emitEvent(event, { signal })
      },
      spend: async (purpose, cost, work) => {
        const random = this.settings.random
        const draw = ([low, high]: [number, number]) => Math.round(low + random() * (high - low))
        const estimate = priceOf(cost.model, cost.inputTokens[1], cost.outputTokens[1])
        return this.client.budget.withReservation(
          { cost_usd: estimate, purpose: purpose.slice(0, 500) },
          async () => {
            const result = await work()
            const input = draw(cost.inputTokens)
            const output = draw(cost.outputTokens)
            return {
              result,
              usage: {
                model: cost.model,
                input_tokens: input,
                output_tokens: output,
                cost_usd: priceOf(cost.model, input, output),
              },
            }
          }
        )
      },
      log: (line) => this.log(line),
    }
  }

  /**
   * Sends what changed since the last beat (status, task, message); an
   * unchanged beat only refreshes `last_update_at` on the server. While
   * paused, nothing changes: a heartbeat with news would be a write.
   */
  async #heartbeat(signal?: AbortSignal) {
    if (this.#stop.signal.aborted) return
    if (this.client.paused) {
      await this.client.heartbeat(
        { status: this.#sent?.status ?? this.#status },
        { signal: signal ?? this.#stop.signal }
      )
      return
    }
    const { message, taskId } = this.#pending
    const news =
      !this.#sent ||
      this.#sent.status !== this.#status ||
      this.#sent.taskId !== taskId ||
      (message !== null && this.#sent.message !== message)
    const beat = news
      ? {
          status: this.#status,
          current_task_id: taskId,
          ...(message !== null && this.#sent?.message !== message ? { message } : {}),
        }
      : { status: this.#status }
    await this.client.heartbeat(beat, { signal: signal ?? this.#stop.signal })
    this.#sent = { status: this.#status, message, taskId }
  }

  #onControl(message: ControlMessage) {
    const why = message.reason ? ` (${message.reason})` : ''
    switch (message.action) {
      case 'pause':
      case 'global_pause':
        this.log(`paused${why}: holding every write`)
        break
      case 'kill':
        this.log(`killed${why}: stopping now`)
        this.#step?.abort(new Killed('killed by an admin'))
        break
      case 'resume':
      case 'global_resume':
        this.log(message.paused ? `resumed, but still paused${why}` : 'resumed: back to work')
        break
    }
  }
}
