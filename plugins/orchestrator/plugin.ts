import vine from '@vinejs/vine'
import { definePlugin } from '#plugin_host/define_plugin'
import { Permission } from '#policies/permissions'

/**
 * Orchestrator: the agent type that plans the crew's work. It shows the
 * smallest complete agent-type plugin: the type, its settings, the progress
 * events it reports with their payload schemas, and a demo agent. Kept
 * declarative: this file is imported while the configuration loads.
 */
export default definePlugin({
  name: 'orchestrator',
  label: 'Orchestrator',
  description:
    'Plans the work: splits goals into tasks, hands them to agents and reports progress.',
  agentTypes: [
    {
      name: 'orchestrator',
      label: 'Orchestrator',
      demo: () => import('./demo/behaviour.js'),
      description: 'Breaks a goal into tasks on the board, assigns them and emits progress events.',
      abilities: [Permission.WriteTasks, Permission.EmitEvents],
      settings: vine.object({
        /** How many tasks it keeps open at once before waiting for the crew. */
        max_open_tasks: vine.number().withoutDecimals().range([1, 100]).optional(),
      }),
      events: [
        {
          type: 'goal.planned',
          description: 'A goal was split into tasks on the board.',
          payload: vine.object({
            goal: vine.string().trim().minLength(1).maxLength(500),
            task_ids: vine.array(vine.string().uuid()).minLength(1).distinct(),
          }),
        },
        {
          type: 'work.assigned',
          description: 'A task was handed to an agent of the crew.',
          payload: vine.object({
            task_id: vine.string().uuid(),
            agent_id: vine.string().uuid(),
            note: vine.string().trim().maxLength(500).optional(),
          }),
        },
      ],
    },
  ],
  seeders: [() => import('./seed/demo_agent.js')],
})
