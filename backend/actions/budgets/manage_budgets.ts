import db from '@adonisjs/lucid/services/db'
import pluginHost from '#plugin_host/running'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import type { BudgetPeriod, BudgetRow, BudgetScope } from '#services/budgets'
import { budgetsWithCurrent } from '#services/budget_view'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface BudgetInput {
  scope: BudgetScope
  agent_id?: string | null
  agent_type?: string | null
  period: BudgetPeriod
  limit_usd?: number | null
  limit_tokens?: number | null
}

const invalid = (message: string, field: string, rule = 'budget') =>
  new ApiException(422, message, { field, rule, code: 'E_VALIDATION_ERROR' })

/** The budget's scope must name what it covers, and only that. */
async function checkScope(input: BudgetInput) {
  if (input.scope === 'agent') {
    if (!input.agent_id) throw invalid('An agent budget names its agent', 'agent_id', 'required')
    if (input.agent_type) throw invalid('An agent budget names no agent type', 'agent_type')
    const agent = await db.from('agents').where('id', input.agent_id).first()
    if (!agent) throw invalid('No agent has this id', 'agent_id', 'exists')
  } else if (input.scope === 'agent_type') {
    if (!input.agent_type)
      throw invalid('A type budget names its agent type', 'agent_type', 'required')
    if (input.agent_id) throw invalid('A type budget names no agent', 'agent_id')
    if (!pluginHost.agentType(input.agent_type)) {
      const known = pluginHost.agentTypes().map((type) => type.name)
      throw invalid(
        `Unknown agent type "${input.agent_type}"; known types: ${known.join(', ') || 'none'}`,
        'agent_type',
        'agentType'
      )
    }
  } else if (input.agent_id || input.agent_type) {
    throw invalid(
      'The overall budget names no agent and no agent type',
      input.agent_id ? 'agent_id' : 'agent_type'
    )
  }
}

function checkLimits(limits: { limit_usd?: number | null; limit_tokens?: number | null }) {
  if ((limits.limit_usd ?? null) === null && (limits.limit_tokens ?? null) === null) {
    throw invalid('Give a limit in USD, in tokens, or both', 'limit_usd', 'required')
  }
}

async function view(trx: TransactionClientContract, row: BudgetRow) {
  const [budget] = await budgetsWithCurrent(trx, [row])
  return budget
}

export async function createBudget(context: ChangeContext, input: BudgetInput) {
  await checkScope(input)
  checkLimits(input)
  return recordChange(
    context,
    async (trx) => {
      const duplicate = await trx
        .from('budgets')
        .where('scope', input.scope)
        .where('period', input.period)
        .if(input.scope === 'agent', (q) => q.where('agent_id', input.agent_id!))
        .if(input.scope === 'agent_type', (q) => q.where('agent_type', input.agent_type!))
        .first()
      if (duplicate) {
        throw new ApiException(
          409,
          'This scope already has a budget for that period: change it instead',
          {
            code: 'E_DUPLICATE',
            meta: { existing_id: duplicate.id },
          }
        )
      }
      const [row] = (await trx
        .insertQuery()
        .table('budgets')
        .insert({
          scope: input.scope,
          agent_id: input.scope === 'agent' ? input.agent_id : null,
          agent_type: input.scope === 'agent_type' ? input.agent_type : null,
          period: input.period,
          limit_usd: input.limit_usd ?? null,
          limit_tokens: input.limit_tokens ?? null,
          created_by: context.actor.id,
        })
        .returning('*')) as BudgetRow[]
      return view(trx, row)
    },
    {
      action: 'budget.created',
      resourceType: 'budgets',
      resourceId: (budget) => budget.id,
      agentId: (budget) => budget.agent_id,
      after: ({ current: _current, ...budget }) => budget,
    }
  )
}

export async function updateBudget(
  context: ChangeContext,
  id: string,
  limits: { limit_usd?: number | null; limit_tokens?: number | null }
) {
  return recordChange(
    context,
    async (trx) => {
      const row = (await trx
        .from('budgets')
        .where('id', id)
        .forUpdate()
        .first()) as BudgetRow | null
      if (!row) throw ApiException.notFound('Budget')
      const { current: _current, ...before } = await view(trx, row)
      const next = {
        limit_usd: limits.limit_usd === undefined ? row.limit_usd : limits.limit_usd,
        limit_tokens: limits.limit_tokens === undefined ? row.limit_tokens : limits.limit_tokens,
      }
      checkLimits({
        limit_usd: next.limit_usd === null ? null : Number(next.limit_usd),
        limit_tokens: next.limit_tokens === null ? null : Number(next.limit_tokens),
      })
      const [updated] = (await trx
        .from('budgets')
        .where('id', id)
        .update({ ...next, updated_at: new Date() })
        .returning('*')) as BudgetRow[]
      return { before, budget: await view(trx, updated) }
    },
    {
      action: 'budget.updated',
      resourceType: 'budgets',
      resourceId: id,
      agentId: ({ budget }) => budget.agent_id,
      before: ({ before }) => before,
      after: ({ budget: { current: _current, ...budget } }) => budget,
    }
  ).then(({ budget }) => budget)
}

export async function deleteBudget(context: ChangeContext, id: string) {
  await recordChange(
    context,
    async (trx) => {
      const row = (await trx
        .from('budgets')
        .where('id', id)
        .forUpdate()
        .first()) as BudgetRow | null
      if (!row) throw ApiException.notFound('Budget')
      const { current: _current, ...before } = await view(trx, row)
      await trx.from('budgets').where('id', id).delete()
      return before
    },
    {
      action: 'budget.deleted',
      resourceType: 'budgets',
      resourceId: id,
      agentId: (before) => before.agent_id,
      before: (before) => before,
    }
  )
}
