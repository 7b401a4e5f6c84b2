import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

/**
 * Orchestrator: the example plugin shipped with the host. It declares an
 * agent type and one read-only route, and nothing else, so it shows the
 * smallest useful shape of a plugin. Kept declarative: this file is imported
 * while the configuration loads, so the controller is imported lazily.
 */
const AgentTypesController = () => import('./controllers/agent_types_controller.js')

export default definePlugin({
  name: 'orchestrator',
  label: 'Orchestrator',
  description:
    'Plans the work: splits goals into tasks, hands them to agents and reports progress.',
  agentTypes: [
    {
      name: 'orchestrator',
      label: 'Orchestrator',
      description: 'Breaks a goal into tasks on the board, assigns them and emits progress events.',
      abilities: [Permission.WriteTasks, Permission.EmitEvents],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
  routes({ router, middleware }) {
    router.get('orchestrator/agent-types', [AgentTypesController, 'index']).use(middleware.auth())
  },
})
