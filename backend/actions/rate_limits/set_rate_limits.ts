import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { StrictValues } from '@adonisjs/lucid/types/querybuilder'
import type Agent from '#models/agent'
import { ActorType } from '#enums/actor_type'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import { RATE_LIMIT_ACTIONS, toSetting, type LimitSetting } from '#services/agent_rate_limits'

export interface LimitValues {
  requests_per_minute?: number | null
  writes_per_minute?: number | null
}

/** Who the setting is for: one agent, or every agent of a type. */
type Scope = { column: 'agent_id'; value: string } | { column: 'agent_type'; value: string }

/** What the audit row and the event show: the values, who set them last and when. */
function state(row: LimitSetting | null) {
  return row
    ? {
        requests_per_minute: row.requests_per_minute,
        writes_per_minute: row.writes_per_minute,
        updated_by: row.updated_by,
      }
    : null
}

async function current(trx: TransactionClientContract, scope: Scope) {
  const row = await trx
    .from('agent_rate_limits')
    .where(scope.column, scope.value)
    .forUpdate()
    .first()
  return row ? toSetting(row) : null
}

/* One row per agent or type (partial unique indexes): two admins setting it at once both land. */
async function upsert(
  trx: TransactionClientContract,
  scope: Scope,
  values: LimitValues,
  updatedBy: string | null
) {
  const { rows } = await trx.rawQuery(
    `INSERT INTO agent_rate_limits (${scope.column}, requests_per_minute, writes_per_minute, updated_by)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (${scope.column}) WHERE ${scope.column} IS NOT NULL DO UPDATE SET
       requests_per_minute = EXCLUDED.requests_per_minute,
       writes_per_minute = EXCLUDED.writes_per_minute,
       updated_by = EXCLUDED.updated_by,
       updated_at = now()
     RETURNING *`,
    [
      scope.value,
      values.requests_per_minute ?? null,
      values.writes_per_minute ?? null,
      updatedBy,
    ] as StrictValues[]
  )
  return toSetting(rows[0])
}

function unset(values: LimitValues) {
  return (
    (values.requests_per_minute ?? null) === null && (values.writes_per_minute ?? null) === null
  )
}

function refuseEmpty() {
  return new ApiException(
    422,
    'Set requests_per_minute or writes_per_minute (0 = unlimited); to inherit both, DELETE the limits',
    { field: 'requests_per_minute', rule: 'required', code: 'E_VALIDATION_ERROR' }
  )
}

/**
 * An admin's rate limits for one agent or one agent type: set (the whole
 * setting: an omitted value inherits) or cleared, each one recorded change
 * (event and audit row). Every instance applies it within seconds
 * (services/agent_rate_limits.ts).
 */
export const rateLimits = {
  async setForAgent(context: ChangeContext, agent: Agent, values: LimitValues) {
    if (unset(values)) throw refuseEmpty()
    const scope: Scope = { column: 'agent_id', value: agent.id }
    return recordChange(
      context,
      async (trx) => {
        const before = await current(trx, scope)
        return { before, after: await upsert(trx, scope, values, userOf(context)) }
      },
      {
        action: RATE_LIMIT_ACTIONS.agentSet,
        resourceType: 'agents',
        resourceId: agent.id,
        agentId: agent.id,
        before: ({ before }) => state(before),
        after: ({ after }) => state(after),
      }
    )
  },

  async clearForAgent(context: ChangeContext, agent: Agent) {
    const scope: Scope = { column: 'agent_id', value: agent.id }
    await recordChange(
      context,
      (trx) => remove(trx, scope, 'This agent has no rate limits of its own'),
      {
        action: RATE_LIMIT_ACTIONS.agentCleared,
        resourceType: 'agents',
        resourceId: agent.id,
        agentId: agent.id,
        before: (before) => state(before),
      }
    )
  },

  async setForType(context: ChangeContext, type: string, values: LimitValues) {
    if (unset(values)) throw refuseEmpty()
    const scope: Scope = { column: 'agent_type', value: type }
    return recordChange(
      context,
      async (trx) => {
        const before = await current(trx, scope)
        return { before, after: await upsert(trx, scope, values, userOf(context)) }
      },
      {
        action: RATE_LIMIT_ACTIONS.typeSet,
        resourceType: 'agent_types',
        resourceId: type,
        before: ({ before }) => state(before),
        after: ({ after }) => state(after),
      }
    )
  },

  async clearForType(context: ChangeContext, type: string) {
    const scope: Scope = { column: 'agent_type', value: type }
    await recordChange(
      context,
      (trx) => remove(trx, scope, 'This agent type has no rate limits of its own'),
      {
        action: RATE_LIMIT_ACTIONS.typeCleared,
        resourceType: 'agent_types',
        resourceId: type,
        before: (before) => state(before),
      }
    )
  },
}

async function remove(trx: TransactionClientContract, scope: Scope, missing: string) {
  const before = await current(trx, scope)
  if (!before) throw new ApiException(404, missing, { code: 'E_NOT_FOUND' })
  await trx.from('agent_rate_limits').where(scope.column, scope.value).delete()
  return before
}

function userOf(context: ChangeContext) {
  return context.actor.type === ActorType.User ? context.actor.id : null
}
