import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

/**
 * The Copywriter agent type of the built-in crew. Its progress event types and
 * their payload schemas come with the agent-type contract (issue 6).
 */
export default definePlugin({
  name: 'copywriter',
  label: 'Copywriter',
  description: 'Writes outreach drafts for leads and submits them for approval.',
  agentTypes: [
    {
      name: 'copywriter',
      label: 'Copywriter',
      description: 'Writes outreach drafts for leads and submits them for approval.',
      abilities: [Permission.WriteTasks, Permission.WriteDrafts, Permission.EmitEvents],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
