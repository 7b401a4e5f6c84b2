import type { HttpContext } from '@adonisjs/core/http'
import Agent from '#models/agent'
import AgentPolicy from '#policies/agent_policy'
import { ApiException } from '#exceptions/api_exception'
import { controlReasonValidator, createAgentValidator, heartbeatValidator } from '#validators/agent'
import { runList, type ListSpec } from '#services/list_query'
import { actorFromContext } from '#services/change_recorder'
import { serializeAgent } from '#services/agent_view'
import { controlsFor } from '#services/controls'
import { createAgent } from '#actions/agents/create_agent'
import { controlAgent, type ControlAction } from '#actions/agents/control_agent'
import { heartbeat } from '#actions/agents/heartbeat'
import { AGENT_STATUSES } from '#enums/agent_status'

export const AGENT_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    name: 'text',
    type: 'text',
    status: { enum: AGENT_STATUSES },
    current_task_id: 'uuid',
    last_update_at: 'datetime',
    created_at: 'datetime',
  },
  sortable: ['name', 'type', 'status', 'last_update_at', 'created_at'],
  search: ['name', 'type'],
  defaultSort: [['name', 'asc']],
}

export default class AgentsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(AgentPolicy).authorize('view')
    const agents = await runList(ctx, Agent.query(), AGENT_LIST)
    return agents.map((agent) => serializeAgent(agent))
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(AgentPolicy).authorize('view')
    const agent = await Agent.find(params.id)
    if (!agent) throw ApiException.notFound('Agent')
    return serializeAgent(agent)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(AgentPolicy).authorize('control')
    const data = await ctx.request.validateUsing(createAgentValidator)
    const agent = await createAgent(actorFromContext(ctx), data)
    return ctx.response.created(serializeAgent(agent))
  }

  async pause(ctx: HttpContext) {
    return this.#control(ctx, 'pause')
  }

  async resume(ctx: HttpContext) {
    return this.#control(ctx, 'resume')
  }

  async kill(ctx: HttpContext) {
    return this.#control(ctx, 'kill')
  }

  /** GET /api/agents/me: the calling agent and whether it may write. */
  async me(ctx: HttpContext) {
    const agent = this.#self(ctx)
    const fresh = await Agent.findOrFail(agent.id)
    const { paused, reason } = await controlsFor(fresh)
    return { ...serializeAgent(fresh), controls: { paused, reason } }
  }

  /** POST /api/agents/me/heartbeat: allowed while paused; answers with the controls. */
  async heartbeat(ctx: HttpContext) {
    const agent = this.#self(ctx)
    const beat = await ctx.request.validateUsing(heartbeatValidator)
    const updated = await heartbeat(actorFromContext(ctx), await Agent.findOrFail(agent.id), beat)
    const { paused, reason } = await controlsFor(updated)
    return { ...serializeAgent(updated), controls: { paused, reason } }
  }

  async #control(ctx: HttpContext, action: ControlAction) {
    await ctx.bouncer.with(AgentPolicy).authorize('control')
    const { reason } = await ctx.request.validateUsing(controlReasonValidator)
    const agent = await controlAgent(actorFromContext(ctx), ctx.params.id, action, reason ?? null)
    return serializeAgent(agent)
  }

  #self(ctx: HttpContext): Agent {
    const actor = ctx.auth.user
    if (!(actor instanceof Agent)) {
      throw ApiException.forbidden('Only an agent, with its own token, has a /me')
    }
    return actor
  }
}
