/**
 * The host's MCP tools and resources: an agent's controls, its heartbeat,
 * tasks and progress events. Plugins add theirs (`mcp` in plugin.ts).
 */
import { defineMcp } from '#mcp/kit'
import { Permission } from '#policies/permissions'
import { heartbeatValidator } from '#validators/agent'
import { createEventValidator } from '#validators/event'
import { createTaskValidator, updateTaskValidator } from '#validators/task'
import { taskList } from '#controllers/tasks_controller'
import { OwnerType } from '#enums/task'
import { describeAgentType } from '#services/agent_types'
import { reservationValidator, settleValidator, usageValidator } from '#validators/budget'

const TASK_ID = 'The task’s id.'

export default defineMcp({
  tools: [
    {
      name: 'get_controls',
      title: 'Read my controls',
      description:
        'Who you are (id, name, type) and whether you may write: `controls.paused` with the `reason` (paused or killed by an admin, or every agent paused). While paused every writing tool is refused; ask again later.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/agents/me' },
      readOnly: true,
      example: {},
    },
    {
      name: 'heartbeat',
      title: 'Send a heartbeat',
      description:
        'Says you are alive and what you are doing (`idle` or `running`, the task you work on). Allowed while paused; answers with your controls. An agent silent for long is shown as stale to the admins.',
      access: Permission.ReadRecords,
      request: { method: 'POST', path: '/api/agents/me/heartbeat' },
      body: heartbeatValidator,
      example: { status: 'running', message: 'Working through 12 records' },
    },
    {
      name: 'list_tasks',
      title: 'List tasks',
      description:
        'Cards of the shared board, filtered and sorted like GET /api/tasks. `mine: true` narrows to the tasks you own; `column` to one column (backlog, doing, needs_approval, done).',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/tasks' },
      list: taskList,
      fixed: (agent, input) =>
        input.mine === true ? { owner_type: OwnerType.Agent, owner_id: agent.id } : {},
      tailor: (schema) => ({
        ...schema,
        properties: {
          mine: { type: 'boolean', description: 'Only the tasks you own.' },
          ...schema.properties,
        },
      }),
      readOnly: true,
      example: { mine: true, column: ['doing'], _end: 10 },
    },
    {
      name: 'create_task',
      title: 'Create a task',
      description: 'A new card on the board (in `backlog` unless `column` says otherwise).',
      access: Permission.WriteTasks,
      request: { method: 'POST', path: '/api/tasks' },
      body: createTaskValidator,
      example: { title: 'Find dentists in Austin, TX', priority: 'high' },
    },
    {
      name: 'claim_task',
      title: 'Claim a task',
      description:
        'You become the task’s owner. Refused when someone else owns it (the error names the owner); of two agents claiming at once, one wins.',
      access: Permission.WriteTasks,
      request: { method: 'POST', path: '/api/tasks/{id}/claim' },
      params: { id: TASK_ID },
      example: { id: '0b9c6a1e-2f4d-4c8a-9e1b-3d5f7a9c1e2b' },
    },
    {
      name: 'move_task',
      title: 'Move a task',
      description:
        'Moves the card to another column. Allowed: backlog → doing; doing → backlog, needs_approval; needs_approval → doing, backlog. Only an admin moves into or out of `done`.',
      access: Permission.WriteTasks,
      request: { method: 'PATCH', path: '/api/tasks/{id}' },
      params: { id: TASK_ID },
      body: updateTaskValidator,
      pick: ['column'],
      tailor: (schema) => ({ ...schema, required: [...(schema.required ?? []), 'column'] }),
      example: { id: '0b9c6a1e-2f4d-4c8a-9e1b-3d5f7a9c1e2b', column: 'doing' },
    },
    {
      name: 'report_progress',
      title: 'Report progress',
      description:
        'Records a progress event on the live feed (and on a task’s history with `task_id`). Only the event types your agent type declares, each with its payload schema.',
      access: Permission.EmitEvents,
      request: { method: 'POST', path: '/api/events' },
      body: createEventValidator,
      tailor: (schema, agent) => {
        const events = describeAgentType(agent.type)?.events ?? []
        // a type that declares no events may post none: the schema says so rather than offer an empty enum
        if (events.length === 0) {
          return {
            ...schema,
            description: `Agents of type "${agent.type}" declare no event types, so they may not post any.`,
          }
        }
        return {
          ...schema,
          required: [...(schema.required ?? []), 'payload'],
          properties: {
            ...schema.properties,
            event_type: {
              type: 'string',
              enum: events.map((event) => event.type),
              description: events
                .map((event) => `\`${event.type}\`: ${event.description ?? ''}`)
                .join(' '),
            },
          },
          allOf: events.map((event) => ({
            if: { properties: { event_type: { const: event.type } }, required: ['event_type'] },
            then: { properties: { payload: event.payload } },
          })),
        }
      },
      // an event type as an agent type declares it (GET /api/agent-types lists them)
      example: {
        event_type: 'search.completed',
        task_id: '0b9c6a1e-2f4d-4c8a-9e1b-3d5f7a9c1e2b',
        payload: { found: 12 },
      },
    },
    {
      name: 'get_budget',
      title: 'Read my budgets',
      description:
        'The budgets that cover you (yours, your type’s, the overall one; per day or month, in USD and/or tokens) with what is spent, reserved and left in the current period, and your open reservations.',
      access: Permission.ReadRecords,
      request: { method: 'GET', path: '/api/agents/me/budget' },
      readOnly: true,
      example: {},
    },
    {
      name: 'reserve_budget',
      title: 'Reserve budget before an expensive step',
      description:
        'Call before a step that costs money (a model call, a paid lookup), with its estimated `cost_usd`. Granted: you get a reservation id; do the step, then `settle_reservation` with what it really cost. Refused (423 `E_AGENT_OVER_BUDGET`): do not do the step; you are paused until an admin resumes you. Unsettled reservations expire (`ttl_seconds`, 600 by default).',
      access: Permission.ReadRecords,
      request: { method: 'POST', path: '/api/agents/me/reservations' },
      body: reservationValidator,
      example: { cost_usd: 0.25, purpose: 'Write the first draft for Acme Dental' },
    },
    {
      name: 'settle_reservation',
      title: 'Settle a reservation',
      description:
        'After the step: what it really cost (model, input and output tokens, USD). Releases the hold and records the usage. Allowed while paused.',
      access: Permission.ReadRecords,
      request: { method: 'POST', path: '/api/agents/me/reservations/{id}/settle' },
      params: { id: 'The reservation’s id (from reserve_budget).' },
      body: settleValidator,
      example: {
        id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        model: 'gpt-4.1-mini',
        input_tokens: 5200,
        output_tokens: 780,
        cost_usd: 0.0033,
      },
    },
    {
      name: 'report_usage',
      title: 'Report usage',
      description:
        'What a step cost when you did not reserve for it (model, input and output tokens, USD). Counts against your budgets; reaching one pauses you. Allowed while paused.',
      access: Permission.ReadRecords,
      request: { method: 'POST', path: '/api/agents/me/usage' },
      body: usageValidator,
      example: { model: 'gpt-4.1-mini', input_tokens: 1200, output_tokens: 300, cost_usd: 0.0009 },
    },
  ],
  resources: [
    {
      name: 'board',
      title: 'The board',
      description:
        'Every open card of the shared board (backlog, doing, needs approval), newest first.',
      access: Permission.ReadRecords,
      uri: 'mission-control://board',
      path: '/api/tasks',
      query: { column_ne: 'done', _sort: 'updated_at', _order: 'desc', _end: 200 },
    },
  ],
})
