import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import RateLimitPolicy from '#policies/rate_limit_policy'
import pluginHost from '#plugin_host/running'
import { ApiException } from '#exceptions/api_exception'
import { rateLimitsValidator } from '#validators/rate_limit'
import { rateLimits } from '#actions/rate_limits/set_rate_limits'
import { actorFromContext } from '#services/change_recorder'
import {
  defaultLimits,
  limitStore,
  resolveLimits,
  toSetting,
  type LimitSetting,
} from '#services/agent_rate_limits'

/** A type's or an agent's own values, without the scope columns. */
function own(setting: LimitSetting | null) {
  if (!setting) return null
  const { agent_type: _type, agent_id: _id, ...values } = setting
  return values
}

async function findAgent(id: string) {
  const agent = await Agent.find(id)
  if (!agent) throw ApiException.notFound('Agent')
  return agent
}

/** A type an enabled plugin declares, or the type of an agent that exists (its plugin may be off). */
async function knownType(name: string) {
  if (pluginHost.agentType(name)) return name
  if (name.length <= 64 && (await db.from('agents').where('type', name).first())) return name
  throw new ApiException(404, `No agent type is named "${name}"`, { code: 'E_NOT_FOUND' })
}

async function settingOf(column: 'agent_id' | 'agent_type', value: string) {
  const row = await db.from('agent_rate_limits').where(column, value).first()
  return row ? toSetting(row) : null
}

/** What applies to an agent, where each value comes from, and what its type and it set. */
async function agentView(agent: Agent) {
  const [mine, ofType] = await Promise.all([
    settingOf('agent_id', agent.id),
    settingOf('agent_type', agent.type),
  ])
  const defaults = defaultLimits()
  const { sources, ...effective } = resolveLimits(mine, ofType, defaults)
  return {
    agent_id: agent.id,
    agent_type: agent.type,
    ...effective,
    sources,
    own: own(mine),
    type: own(ofType),
    defaults,
  }
}

/**
 * Agents' rate limits (admins): the defaults, per agent type and per agent.
 * Every change is recorded; the limits are enforced by the auth middleware
 * (services/agent_rate_limits.ts).
 */
export default class RateLimitsController {
  /** GET /api/rate-limits: the defaults, every type's and every agent's own limits. */
  async index({ bouncer }: HttpContext) {
    await bouncer.with(RateLimitPolicy).authorize('manage')
    const rows = await db
      .from('agent_rate_limits as l')
      .leftJoin('agents as a', 'a.id', 'l.agent_id')
      .select('l.*', 'a.name as agent_name', 'a.type as agent_type_of_agent')
      .orderBy([
        { column: 'l.agent_type', order: 'asc' },
        { column: 'a.name', order: 'asc' },
      ])
    return {
      defaults: defaultLimits(),
      store: limitStore(),
      agent_types: rows
        .filter((row) => row.agent_type)
        .map((row) => ({ agent_type: row.agent_type as string, ...own(toSetting(row)) })),
      agents: rows
        .filter((row) => row.agent_id)
        .map((row) => ({
          agent_id: row.agent_id as string,
          agent_name: row.agent_name as string,
          agent_type: row.agent_type_of_agent as string,
          ...own(toSetting(row)),
        })),
    }
  }

  /** GET /api/agents/:id/rate-limits */
  async showAgent({ bouncer, params }: HttpContext) {
    await bouncer.with(RateLimitPolicy).authorize('manage')
    return agentView(await findAgent(params.id))
  }

  /** PUT /api/agents/:id/rate-limits */
  async updateAgent(ctx: HttpContext) {
    await ctx.bouncer.with(RateLimitPolicy).authorize('manage')
    const agent = await findAgent(ctx.params.id)
    const values = await ctx.request.validateUsing(rateLimitsValidator)
    await rateLimits.setForAgent(actorFromContext(ctx), agent, values)
    return agentView(agent)
  }

  /** DELETE /api/agents/:id/rate-limits: the agent inherits its type's limits again. */
  async destroyAgent(ctx: HttpContext) {
    await ctx.bouncer.with(RateLimitPolicy).authorize('manage')
    const agent = await findAgent(ctx.params.id)
    await rateLimits.clearForAgent(actorFromContext(ctx), agent)
    return ctx.response.noContent()
  }

  /** PUT /api/agent-types/:name/rate-limits */
  async updateType(ctx: HttpContext) {
    await ctx.bouncer.with(RateLimitPolicy).authorize('manage')
    const type = await knownType(ctx.params.name)
    const values = await ctx.request.validateUsing(rateLimitsValidator)
    const { after } = await rateLimits.setForType(actorFromContext(ctx), type, values)
    return { agent_type: type, ...own(after) }
  }

  /** DELETE /api/agent-types/:name/rate-limits: its agents get the defaults again. */
  async destroyType(ctx: HttpContext) {
    await ctx.bouncer.with(RateLimitPolicy).authorize('manage')
    const type = await knownType(ctx.params.name)
    await rateLimits.clearForType(actorFromContext(ctx), type)
    return ctx.response.noContent()
  }
}
