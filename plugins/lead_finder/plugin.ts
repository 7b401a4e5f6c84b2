import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

/**
 * The Lead finder agent type of the built-in crew. Its progress event types and
 * their payload schemas come with the agent-type contract (issue 6).
 */
export default definePlugin({
  name: 'lead_finder',
  label: 'Lead finder',
  description: 'Finds businesses that fit the niche and region, and adds them as leads.',
  agentTypes: [
    {
      name: 'lead_finder',
      label: 'Lead finder',
      description: 'Finds businesses that fit the niche and region, and adds them as leads.',
      abilities: [Permission.WriteTasks, Permission.WriteLeads, Permission.EmitEvents],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
