import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Agent from '#models/agent'
import AgentTokenPolicy from '#policies/agent_token_policy'
import { ApiException } from '#exceptions/api_exception'
import { agentTokens } from '#actions/agents/agent_tokens'
import { actorFromContext } from '#services/change_recorder'

export const issueTokenValidator = vine.create(
  vine.object({ name: vine.string().trim().minLength(1).maxLength(100).optional() })
)

/** Admin: agent tokens are shown once, listed without their secret, revoked at once. */
export default class AgentTokensController {
  async index({ bouncer, params }: HttpContext) {
    await bouncer.with(AgentTokenPolicy).authorize('manage')
    return agentTokens.list(await this.#agent(params.id))
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(AgentTokenPolicy).authorize('manage')
    const agent = await this.#agent(ctx.params.id)
    const { name } = await ctx.request.validateUsing(issueTokenValidator)
    return ctx.response.created(await agentTokens.issue(actorFromContext(ctx), agent, name))
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(AgentTokenPolicy).authorize('manage')
    const agent = await this.#agent(ctx.params.id)
    await agentTokens.revoke(actorFromContext(ctx), agent, Number(ctx.params.token_id))
    return ctx.response.noContent()
  }

  async #agent(id: string) {
    const agent = await Agent.find(id)
    if (!agent) throw ApiException.notFound('Agent')
    return agent
  }
}
