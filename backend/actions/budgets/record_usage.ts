import type Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { recordChanges, type ChangeContext, type Recorder } from '#services/change_recorder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  addToWindows,
  budgetClock,
  budgetsFor,
  describeBudget,
  ensureWindows,
  lockWindows,
  money,
  reached,
  usdText,
  type LockedWindow,
  type WindowKey,
} from '#services/budgets'
import {
  serializeReservation,
  serializeUsage,
  type ReservationRow,
  type UsageRow,
} from '#services/budget_view'
import { pauseByRuleIn } from '#actions/agents/control_agent'

export interface Usage {
  model?: string | null
  input_tokens?: number
  output_tokens?: number
  cost_usd: number
  task_id?: string | null
}

/**
 * What an agent spent: one usage row, added to every budget that covers
 * it. Allowed while paused (the money is spent either way). When that
 * spend reaches a budget, the agent is paused by it.
 */
export async function reportUsage(context: ChangeContext, agent: Agent, usage: Usage) {
  return recordChanges(context, async (trx, recorder) => {
    const { view, reachedWindow } = await writeUsage(trx, recorder, agent, usage, null)
    await pauseIfReached(recorder, agent, reachedWindow)
    return view
  })
}

/**
 * Closes a reservation with what the step really cost: the hold is released
 * and the actual usage counted. A reservation that already expired (its
 * hold released by the sweep) still counts the usage; one settled before
 * is 409.
 */
export async function settleReservation(
  context: ChangeContext,
  agent: Agent,
  reservationId: string,
  usage: Usage
) {
  const result = await recordChanges(context, async (trx, recorder) => {
    const row = (await trx
      .from('budget_reservations')
      .where('id', reservationId)
      .where('agent_id', agent.id)
      .forUpdate()
      .first()) as ReservationRow | null
    if (!row) throw ApiException.notFound('Reservation')
    if (row.status === 'settled') {
      throw ApiException.conflict('This reservation was already settled', 'E_ALREADY_SETTLED')
    }
    const before = serializeReservation(row)
    const wasOpen = row.status === 'open'
    const held = (row.windows as WindowKey[]) ?? []
    const { view, reachedWindow } = await writeUsage(trx, recorder, agent, usage, row.id, {
      release: wasOpen ? held : [],
      reservation: row,
    })
    const [settled] = (await trx
      .from('budget_reservations')
      .where('id', row.id)
      .update({ status: 'settled', settled_at: budgetClock.now() })
      .returning('*')) as ReservationRow[]
    const after = serializeReservation(settled)
    await recorder.record({
      action: 'reservation.settled',
      resourceType: 'budget_reservations',
      resourceId: row.id,
      agentId: agent.id,
      before,
      after,
      payload: {
        reserved_usd: before.cost_usd,
        cost_usd: view.cost_usd,
        model: view.model,
        input_tokens: view.input_tokens,
        output_tokens: view.output_tokens,
        usage_id: view.id,
        expired_before: !wasOpen,
      },
    })
    await pauseIfReached(recorder, agent, reachedWindow)
    return { reservation: after, usage: view }
  })
  return result
}

async function writeUsage(
  trx: TransactionClientContract,
  recorder: Recorder,
  agent: Agent,
  usage: Usage,
  reservationId: string | null,
  options: { release: WindowKey[]; reservation?: ReservationRow } = { release: [] }
) {
  const now = budgetClock.now()
  const inputTokens = usage.input_tokens ?? 0
  const outputTokens = usage.output_tokens ?? 0
  const tokens = inputTokens + outputTokens
  const [row] = (await trx
    .insertQuery()
    .table('agent_usage')
    .insert({
      agent_id: agent.id,
      agent_type: agent.type,
      model: usage.model ?? null,
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      cost_usd: usdText(usage.cost_usd),
      task_id: usage.task_id ?? null,
      reservation_id: reservationId,
      created_at: now,
    })
    .returning('*')) as UsageRow[]
  const view = serializeUsage(row)
  // a settle records one change, the reservation's, with the usage in it
  if (!options.reservation)
    await recorder.record({
      action: 'usage.reported',
      resourceType: 'agent_usage',
      resourceId: String(view.id),
      agentId: agent.id,
      taskId: usage.task_id ?? null,
      after: view,
      payload: {
        model: view.model,
        input_tokens: inputTokens,
        output_tokens: outputTokens,
        cost_usd: view.cost_usd,
        reservation_id: reservationId,
      },
      kind: 'created',
    })

  const budgets = await budgetsFor(trx, agent, now, true)
  const ensured = await ensureWindows(trx, budgets, now)
  const current = ensured.map(({ budget_id, period_start }) => ({ budget_id, period_start }))
  // a row created just now already counts the usage written above
  const toAdd = current.filter((_, index) => !ensured[index].created)
  const release = options.release
  const all = dedupe([...current, ...release])
  const windows = await lockWindows(trx, all)
  if (options.reservation && release.length) {
    await addToWindows(trx, release, {
      reservedUsd: `-${options.reservation.cost_usd}`,
      reservedTokens: -Number(options.reservation.tokens),
    })
  }
  await addToWindows(trx, toAdd, { spentUsd: usdText(usage.cost_usd), spentTokens: tokens })

  // which current window this spend has brought to its limit
  const added = new Set(toAdd.map((k) => `${k.budget_id}/${k.period_start}`))
  const currentKeys = new Set(current.map((k) => `${k.budget_id}/${k.period_start}`))
  let reachedWindow: LockedWindow | null = null
  for (const window of usage.cost_usd > 0 || tokens > 0 ? windows : []) {
    const key = `${window.budget_id}/${window.period_start}`
    if (!currentKeys.has(key)) continue
    const spentUsd = Number(window.spent_usd) + (added.has(key) ? usage.cost_usd : 0)
    const spentTokens = Number(window.spent_tokens) + (added.has(key) ? tokens : 0)
    if (reached(window, spentUsd, spentTokens)) {
      reachedWindow = window
      break
    }
  }
  return { view, reachedWindow }
}

function dedupe(keys: WindowKey[]) {
  const seen = new Map<string, WindowKey>()
  for (const key of keys) seen.set(`${key.budget_id}/${key.period_start}`, key)
  return [...seen.values()]
}

/* in the usage's own transaction: the answer never says "failed" about usage that was counted */
async function pauseIfReached(recorder: Recorder, agent: Agent, window: LockedWindow | null) {
  if (!window) return
  const what = describeBudget(window, agent.name)
  const limit =
    window.limit_usd !== null
      ? money(window.limit_usd)
      : `${Number(window.limit_tokens).toLocaleString('en-US')} tokens`
  await pauseByRuleIn(recorder, agent.id, `Paused by a budget: ${what} (${limit}) is used up`, {
    kind: 'budget',
    budget_id: window.budget_id,
    period_start: window.period_start,
  })
}
