import type { HttpContext } from '@adonisjs/core/http'
import pluginHost from '#plugin_host/running'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import BudgetPolicy from '#policies/budget_policy'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { runList, type ListSpec } from '#services/list_query'
import { budgetsFor, BUDGET_PERIODS, BUDGET_SCOPES, type BudgetRow } from '#services/budgets'
import {
  budgetsWithCurrent,
  usageSeries,
  serializeReservation,
  serializeUsage,
  type ReservationRow,
  type UsageRow,
} from '#services/budget_view'
import {
  createBudgetValidator,
  parseSeriesQuery,
  reservationValidator,
  settleValidator,
  updateBudgetValidator,
  usageValidator,
} from '#validators/budget'
import { createBudget, deleteBudget, updateBudget } from '#actions/budgets/manage_budgets'
import { reserveBudget } from '#actions/budgets/reserve_budget'
import { reportUsage, settleReservation } from '#actions/budgets/record_usage'

export const BUDGET_LIST: ListSpec = {
  table: 'budgets',
  filters: {
    id: 'uuid',
    scope: { enum: BUDGET_SCOPES },
    agent_id: 'uuid',
    agent_type: 'text',
    period: { enum: BUDGET_PERIODS },
  },
  sortable: ['scope', 'period', 'created_at', 'limit_usd'],
  defaultSort: [
    ['scope', 'desc'],
    ['period', 'asc'],
  ],
}

export const USAGE_LIST: ListSpec = {
  table: 'agent_usage',
  filters: {
    id: 'integer',
    agent_id: 'uuid',
    agent_type: 'text',
    model: 'text',
    task_id: 'uuid',
    reservation_id: 'uuid',
    created_at: 'datetime',
  },
  sortable: ['id', 'created_at', 'cost_usd'],
  defaultSort: [['id', 'desc']],
}

export const RESERVATION_STATUSES = ['open', 'settled', 'expired'] as const

export const RESERVATION_LIST: ListSpec = {
  table: 'budget_reservations',
  filters: {
    id: 'uuid',
    status: { enum: RESERVATION_STATUSES },
    created_at: 'datetime',
  },
  sortable: ['created_at', 'expires_at'],
  defaultSort: [['created_at', 'desc']],
}

/**
 * Budgets (admins set them; everyone who reads records sees spend) and the
 * agents' own side: usage reports and reservations (docs/BUDGETS.md).
 */
export default class BudgetsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(BudgetPolicy).authorize('view')
    const rows = (await runList(ctx, db.from('budgets'), BUDGET_LIST)) as BudgetRow[]
    return budgetsWithCurrent(db.connection(), rows)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(BudgetPolicy).authorize('view')
    const row = (await db.from('budgets').where('id', params.id).first()) as BudgetRow | null
    if (!row) throw ApiException.notFound('Budget')
    const [budget] = await budgetsWithCurrent(db.connection(), [row])
    return budget
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(BudgetPolicy).authorize('manage')
    const data = await ctx.request.validateUsing(createBudgetValidator)
    return ctx.response.created(await createBudget(actorFromContext(ctx), data))
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(BudgetPolicy).authorize('manage')
    const data = await ctx.request.validateUsing(updateBudgetValidator)
    return updateBudget(actorFromContext(ctx), ctx.params.id, data)
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(BudgetPolicy).authorize('manage')
    await deleteBudget(actorFromContext(ctx), ctx.params.id)
    return ctx.response.noContent()
  }

  /** GET /api/agents/:id/budgets: every budget that covers the agent, with its current period. */
  async forAgent({ bouncer, params }: HttpContext) {
    await bouncer.with(BudgetPolicy).authorize('view')
    const agent = await Agent.find(params.id)
    if (!agent) throw ApiException.notFound('Agent')
    return budgetsWithCurrent(db.connection(), await budgetsFor(db.connection(), agent))
  }

  /** GET /api/usage: usage reports, newest first. */
  async usage(ctx: HttpContext) {
    await ctx.bouncer.with(BudgetPolicy).authorize('view')
    const rows = (await runList(ctx, db.from('agent_usage'), USAGE_LIST)) as UsageRow[]
    return rows.map(serializeUsage)
  }

  /**
   * GET /api/usage/series: spend per hour or day (in the budget time zone),
   * overall, for one agent, or one line per agent. Buckets without usage
   * are left out.
   */
  async series({ bouncer, request }: HttpContext) {
    await bouncer.with(BudgetPolicy).authorize('view')
    return usageSeries(db.connection(), parseSeriesQuery(request.qs()))
  }

  /** POST /api/agents/me/usage: what a step cost. Allowed while paused. */
  async reportUsage(ctx: HttpContext) {
    const agent = await this.#self(ctx)
    const usage = await ctx.request.validateUsing(usageValidator)
    await this.#checkTask(usage.task_id)
    return ctx.response.created(await reportUsage(actorFromContext(ctx), agent, usage))
  }

  /** GET /api/agents/me/budget: the budgets that cover the calling agent and its open reservations. */
  async myBudget(ctx: HttpContext) {
    const agent = await this.#self(ctx)
    const open = (await db
      .from('budget_reservations')
      .where('agent_id', agent.id)
      .where('status', 'open')
      .orderBy('created_at', 'desc')
      .limit(100)) as ReservationRow[]
    return {
      budgets: await budgetsWithCurrent(db.connection(), await budgetsFor(db.connection(), agent)),
      open_reservations: open.map(serializeReservation),
    }
  }

  /** GET /api/agents/me/reservations */
  async myReservations(ctx: HttpContext) {
    const agent = await this.#self(ctx)
    const rows = (await runList(
      ctx,
      db.from('budget_reservations').where('agent_id', agent.id),
      RESERVATION_LIST
    )) as ReservationRow[]
    return rows.map(serializeReservation)
  }

  /** POST /api/agents/me/reservations: 201, or 423 E_AGENT_OVER_BUDGET (and the agent is paused). */
  async reserve(ctx: HttpContext) {
    const agent = await this.#self(ctx)
    // an agent only reading (its type no enabled plugin declares) has no step to pay for,
    // and its holds would crowd out the agents that work
    if (!pluginHost.agentType(agent.type)) {
      throw ApiException.forbidden(
        `This agent's type "${agent.type}" is not declared by any enabled plugin: it may read, not reserve budget`
      )
    }
    const request = await ctx.request.validateUsing(reservationValidator)
    return ctx.response.created(await reserveBudget(actorFromContext(ctx), agent, request))
  }

  /** POST /api/agents/me/reservations/:id/settle: the actual usage; allowed while paused. */
  async settle(ctx: HttpContext) {
    const agent = await this.#self(ctx)
    const usage = await ctx.request.validateUsing(settleValidator)
    await this.#checkTask(usage.task_id)
    return settleReservation(actorFromContext(ctx), agent, ctx.params.id, usage)
  }

  async #self(ctx: HttpContext): Promise<Agent> {
    const actor = ctx.auth.user
    if (!(actor instanceof Agent)) {
      throw ApiException.forbidden(
        'Only an agent, with its own token, reports usage and reserves budget'
      )
    }
    return (await Agent.find(actor.id)) ?? actor
  }

  async #checkTask(taskId: string | null | undefined) {
    if (!taskId) return
    const task = await db.from('tasks').where('id', taskId).select('id').first()
    if (!task) {
      throw new ApiException(422, 'No task has this id', {
        field: 'task_id',
        rule: 'exists',
        code: 'E_VALIDATION_ERROR',
      })
    }
  }
}
