import Agent from '#models/agent'
import { AgentStatus } from '#enums/agent_status'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import pluginHost from '#plugin_host/running'
import { checkAgentSettings } from '#services/agent_types'

/**
 * An agent of a type some plugin declares (422 otherwise, listing the known
 * types), with `metadata.settings`, when given, valid for that type.
 */
export async function createAgent(
  context: ChangeContext,
  data: { name: string; type: string; metadata?: Record<string, unknown> }
) {
  if (!pluginHost.agentType(data.type)) {
    const known = pluginHost.agentTypes().map((type) => type.name)
    throw new ApiException(
      422,
      known.length
        ? `Unknown agent type "${data.type}"; known types: ${known.join(', ')}`
        : `Unknown agent type "${data.type}"; no plugin declares any agent type`,
      { field: 'type', rule: 'agentType', code: 'E_VALIDATION_ERROR' }
    )
  }
  const metadata = await checkAgentSettings(data.type, data.metadata)
  return recordChange(
    context,
    async (trx) => {
      const agent = await Agent.create(
        {
          name: data.name,
          type: data.type,
          status: AgentStatus.Idle,
          metadata: metadata ?? {},
        },
        { client: trx }
      )
      // read back the columns the database filled in, so the answer is complete
      return Agent.query({ client: trx }).where('id', agent.id).firstOrFail()
    },
    {
      action: 'agent.created',
      resourceType: 'agents',
      resourceId: (agent) => agent.id,
      agentId: (agent) => agent.id,
      after: (agent) => agent.serialize(),
      snapshot: true,
    }
  )
}
