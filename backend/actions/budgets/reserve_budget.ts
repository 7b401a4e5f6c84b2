import type Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import {
  budgetClock,
  budgetSettings,
  budgetsFor,
  ensureWindows,
  holdInWindows,
  lockWindows,
  overLimit,
  usdText,
  type LockedWindow,
} from '#services/budgets'
import { serializeReservation, type ReservationRow } from '#services/budget_view'
import { pauseByRule } from '#actions/agents/control_agent'

export interface ReservationRequest {
  cost_usd: number
  tokens?: number
  purpose?: string
  ttl_seconds?: number
}

class OverBudget extends Error {
  constructor(
    readonly window: LockedWindow,
    readonly why: string
  ) {
    super(why)
  }
}

/**
 * Before an expensive step: holds `cost_usd` (and `tokens`) against every
 * budget that covers the agent, or refuses if any would go over. The
 * windows are locked last and held only to the commit, so parallel
 * reservations queue briefly on a shared budget and never add up past it.
 * A refusal pauses the agent (its budget is reached) and answers 423.
 */
export async function reserveBudget(
  context: ChangeContext,
  agent: Agent,
  request: ReservationRequest
) {
  const now = budgetClock.now()
  const tokens = request.tokens ?? 0
  const ttl = request.ttl_seconds ?? budgetSettings.reservationTtlSeconds
  try {
    return await recordChanges(context, async (trx, recorder) => {
      const budgets = await budgetsFor(trx, agent, now, true)
      const keys = (await ensureWindows(trx, budgets, now)).map(({ budget_id, period_start }) => ({
        budget_id,
        period_start,
      }))
      const [reservation] = (await trx
        .insertQuery()
        .table('budget_reservations')
        .insert({
          agent_id: agent.id,
          cost_usd: usdText(request.cost_usd),
          tokens,
          purpose: request.purpose ?? null,
          windows: JSON.stringify(keys),
          // the database's clock, as the sweep that compares with it
          expires_at: trx.raw(`now() + make_interval(secs => ?)`, [ttl]),
          created_at: now,
        })
        .returning('*')) as ReservationRow[]
      const view = serializeReservation(reservation)
      await recorder.record({
        action: 'reservation.created',
        resourceType: 'budget_reservations',
        resourceId: reservation.id,
        agentId: agent.id,
        after: view,
        payload: { cost_usd: view.cost_usd, tokens, purpose: view.purpose },
      })
      // last, so the shared rows stay locked only until the commit
      const held = await holdInWindows(trx, keys, { usd: usdText(request.cost_usd), tokens })
      if (held.length < keys.length) {
        // one did not fit: which, in words (the rows are locked, so this is what refused it);
        // the ones that took the hold already count this amount
        const fitted = new Set(held)
        for (const window of await lockWindows(trx, keys)) {
          if (fitted.has(window.budget_id)) continue
          const why = overLimit(window, { usd: request.cost_usd, tokens }, agent.name)
          if (why) throw new OverBudget(window, why)
        }
        throw new Error('reserveBudget: a budget refused the hold but none is over its limit')
      }
      return view
    })
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error
    const reason = `Paused by a budget: ${error.why}`
    await pauseByRule(agent.id, reason, {
      kind: 'budget',
      budget_id: error.window.budget_id,
      period_start: error.window.period_start,
    })
    throw new ApiException(
      423,
      `This step does not fit: ${error.why}. The agent is paused until an admin resumes it`,
      {
        code: 'E_AGENT_OVER_BUDGET',
        meta: { budget_id: error.window.budget_id, period_start: error.window.period_start },
      }
    )
  }
}
