import pluginHost from '#services/plugin_host'

export default class AgentTypesController {
  /** GET /api/orchestrator/agent-types → every agent type registered by any enabled plugin. */
  async index() {
    return pluginHost.agentTypes()
  }
}
