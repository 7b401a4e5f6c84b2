import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

/**
 * The Enricher agent type of the built-in crew. Its progress event types and
 * their payload schemas come with the agent-type contract (issue 6).
 */
export default definePlugin({
  name: 'enricher',
  label: 'Enricher',
  description: 'Completes leads: contact person, role, email, phone, and personalization notes.',
  agentTypes: [
    {
      name: 'enricher',
      label: 'Enricher',
      description:
        'Completes leads: contact person, role, email, phone, and personalization notes.',
      abilities: [Permission.WriteTasks, Permission.WriteLeads, Permission.EmitEvents],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
