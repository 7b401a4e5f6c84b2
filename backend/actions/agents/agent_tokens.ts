import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import { describeToken, mintToken } from '#services/access_tokens'
import pluginHost from '#plugin_host/running'

/**
 * Agent tokens: minted with the abilities of the agent's type (as its plugin
 * declared them), shown once, revoked at once (the agent guard checks the
 * row on every request).
 */
export const agentTokens = {
  async issue(context: ChangeContext, agent: Agent, name?: string) {
    const abilities = pluginHost.agentType(agent.type)?.abilities ?? ['*']
    const token = await recordChange(
      context,
      (trx) =>
        mintToken(trx, Agent.accessTokens, agent.id, abilities, name ?? `${agent.name} token`),
      {
        action: 'agent.token_created',
        resourceType: 'agents',
        resourceId: agent.id,
        agentId: agent.id,
        after: (minted) => describeToken(minted),
      }
    )
    return { ...describeToken(token), token: token.value!.release() }
  },

  async list(agent: Agent) {
    return (await Agent.accessTokens.all(agent)).map(describeToken)
  },

  async revoke(context: ChangeContext, agent: Agent, tokenId: number) {
    await recordChange(
      context,
      async (trx) => {
        const deleted = await trx
          .from('agent_access_tokens')
          .where({ id: tokenId, tokenable_id: agent.id })
          .delete()
        if (!Number(deleted)) throw ApiException.notFound('Token')
      },
      {
        action: 'agent.token_revoked',
        resourceType: 'agents',
        resourceId: agent.id,
        agentId: agent.id,
        before: { token_id: tokenId },
      }
    )
  },
}
