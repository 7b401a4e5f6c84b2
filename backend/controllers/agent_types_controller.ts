import type { HttpContext } from '@adonisjs/core/http'
import AgentPolicy from '#policies/agent_policy'
import { ApiException } from '#exceptions/api_exception'
import { describeAgentType, describeAgentTypes } from '#services/agent_types'

/** The agent types the enabled plugins declare: for people creating agents and for agent authors. */
export default class AgentTypesController {
  async index({ bouncer }: HttpContext) {
    await bouncer.with(AgentPolicy).authorize('view')
    return describeAgentTypes()
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(AgentPolicy).authorize('view')
    const type = describeAgentType(params.name)
    if (!type) throw ApiException.notFound('Agent type')
    return type
  }
}
