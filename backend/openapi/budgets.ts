/**
 * Usage, reservations and budgets in GET /api/openapi.json (docs/BUDGETS.md).
 */
import { Permission } from '#policies/permissions'
import {
  createBudgetValidator,
  reservationValidator,
  settleValidator,
  updateBudgetValidator,
  usageValidator,
} from '#validators/budget'
import {
  BUDGET_LIST,
  RESERVATION_LIST,
  RESERVATION_STATUSES,
  USAGE_LIST,
} from '#controllers/budgets_controller'
import { BUDGET_PERIODS, BUDGET_SCOPES } from '#services/budgets'
import {
  dateTime,
  defineOpenApi,
  enumOf,
  listOf,
  nullable,
  record,
  ref,
  text,
  uuid,
} from '#openapi/kit'

const AT = '2026-03-01T10:00:00.000Z'
const AGENT_ID = '5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21'
const BUDGET_ID = '9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b'
const RESERVATION_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const usd = (description?: string) => ({
  type: 'number',
  minimum: 0,
  ...(description ? { description } : {}),
})
const tokens = (description?: string) => ({
  type: 'integer',
  minimum: 0,
  ...(description ? { description } : {}),
})

const budget = {
  id: BUDGET_ID,
  scope: 'agent',
  agent_id: AGENT_ID,
  agent_type: null,
  period: 'day',
  limit_usd: 5,
  limit_tokens: null,
  created_by: '0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10',
  created_at: AT,
  updated_at: AT,
  current: {
    period_start: '2026-03-01',
    resets_at: '2026-03-02T00:00:00.000Z',
    spent_usd: 3.42,
    reserved_usd: 0.25,
    remaining_usd: 1.33,
    spent_tokens: 412_000,
    reserved_tokens: 0,
    remaining_tokens: null,
    reached: false,
  },
}
const reservation = {
  id: RESERVATION_ID,
  agent_id: AGENT_ID,
  cost_usd: 0.25,
  tokens: 0,
  purpose: 'Write draft for Acme Dental',
  status: 'open',
  expires_at: '2026-03-01T10:10:00.000Z',
  created_at: AT,
  settled_at: null,
}
const usage = {
  id: 88231,
  agent_id: AGENT_ID,
  agent_type: 'researcher',
  model: 'gpt-4.1-mini',
  input_tokens: 5200,
  output_tokens: 780,
  cost_usd: 0.0033,
  task_id: null,
  reservation_id: RESERVATION_ID,
  created_at: AT,
}
const usageBody = {
  model: 'gpt-4.1-mini',
  input_tokens: 5200,
  output_tokens: 780,
  cost_usd: 0.0033,
}

export default defineOpenApi({
  tags: [
    {
      name: 'Budgets',
      description:
        'What agents spend (usage reports), budgets per agent, agent type and overall, per day or month, in USD and/or tokens, and reservations that stop a step before it overspends. See docs/BUDGETS.md.',
    },
  ],
  schemas: {
    Budget: record(
      {
        id: uuid(),
        scope: enumOf(BUDGET_SCOPES, 'What it covers: one agent, every agent of a type, or all.'),
        agent_id: nullable(uuid('With scope `agent`.')),
        agent_type: nullable(text('With scope `agent_type`.')),
        period: enumOf(BUDGET_PERIODS, 'Resets at midnight (or on the 1st) in BUDGET_TIME_ZONE.'),
        limit_usd: nullable(usd()),
        limit_tokens: nullable(tokens('Input and output tokens together.')),
        created_by: nullable(uuid()),
        created_at: dateTime(),
        updated_at: dateTime(),
        current: record(
          {
            period_start: { type: 'string', format: 'date' },
            resets_at: dateTime(),
            spent_usd: usd(),
            reserved_usd: usd('Held by open reservations.'),
            remaining_usd: nullable(usd()),
            spent_tokens: tokens(),
            reserved_tokens: tokens(),
            remaining_tokens: nullable(tokens()),
            reached: { type: 'boolean', description: 'What was spent has reached a limit.' },
          },
          'The current period.'
        ),
      },
      'A spending budget and its current period.'
    ),
    BudgetReservation: record(
      {
        id: uuid(),
        agent_id: uuid(),
        cost_usd: usd('Held against every budget that covers the agent.'),
        tokens: tokens(),
        purpose: nullable(text()),
        status: enumOf(RESERVATION_STATUSES, '`expired`: not settled in time, its hold released.'),
        expires_at: dateTime(),
        created_at: dateTime(),
        settled_at: nullable(dateTime()),
      },
      'A hold on budget before an expensive step.'
    ),
    UsageReport: record(
      {
        id: { type: 'integer' },
        agent_id: uuid(),
        agent_type: text(),
        model: nullable(text()),
        input_tokens: tokens(),
        output_tokens: tokens(),
        cost_usd: usd(),
        task_id: nullable(uuid()),
        reservation_id: nullable(uuid()),
        created_at: dateTime(),
      },
      'What one step of an agent cost.'
    ),
    UsageSeries: record(
      {
        bucket: enumOf(['hour', 'day']),
        time_zone: text('Buckets begin at midnight / on the hour here.'),
        from: dateTime(),
        to: dateTime(),
        points: {
          type: 'array',
          items: record(
            {
              at: dateTime('The bucket’s start.'),
              agent_id: uuid('With `by=agent`.'),
              cost_usd: usd(),
              input_tokens: tokens(),
              output_tokens: tokens(),
              reports: tokens(),
            },
            undefined,
            { optional: ['agent_id'] }
          ),
        },
      },
      'Spend over time; buckets without usage are left out.'
    ),
  },
  paths: {
    '/api/agents/me/usage': {
      post: {
        operationId: 'reportUsage',
        summary: 'Report what a step cost',
        description:
          'One usage report, added to every budget that covers the agent. Allowed while paused (the money is spent either way). When it brings a budget to its limit the agent is paused (`agent.paused` by the system, with the reason).',
        access: 'agents',
        allowedWhilePaused: true,
        body: { schema: usageValidator, example: usageBody },
        response: {
          status: 201,
          description: 'The report.',
          schema: ref('UsageReport'),
          example: usage,
        },
      },
    },
    '/api/agents/me/budget': {
      get: {
        operationId: 'getMyBudget',
        summary: 'The budgets that cover me',
        access: 'agents',
        response: {
          status: 200,
          description: 'Budgets with their current period, and the agent’s open reservations.',
          schema: record({
            budgets: listOf('Budget'),
            open_reservations: listOf('BudgetReservation'),
          }),
          example: { budgets: [budget], open_reservations: [reservation] },
        },
      },
    },
    '/api/agents/me/reservations': {
      get: {
        operationId: 'listMyReservations',
        summary: 'List my reservations',
        access: 'agents',
        list: RESERVATION_LIST,
        response: {
          status: 200,
          description: 'A page of the agent’s reservations.',
          schema: listOf('BudgetReservation'),
          example: [reservation],
        },
      },
      post: {
        operationId: 'reserveBudget',
        summary: 'Reserve budget before an expensive step',
        description:
          'Holds `cost_usd` (and `tokens`) against every budget that covers the agent until it is settled or expires (`ttl_seconds`, 600 by default). Parallel reservations never add up past a limit. When it does not fit: 423 `E_AGENT_OVER_BUDGET`, nothing is held, and the agent is paused until an admin resumes it.',
        access: 'agents',
        body: {
          schema: reservationValidator,
          example: { cost_usd: 0.25, purpose: reservation.purpose },
        },
        response: {
          status: 201,
          description: 'The reservation.',
          schema: ref('BudgetReservation'),
          example: reservation,
        },
        errors: {
          423: 'Paused (`E_AGENT_PAUSED`), or the reservation does not fit a budget (`E_AGENT_OVER_BUDGET`: the agent is now paused).',
        },
      },
    },
    '/api/agents/me/reservations/{id}/settle': {
      post: {
        operationId: 'settleReservation',
        summary: 'Settle a reservation with what the step cost',
        description:
          'Releases the hold and records the actual usage (a usage report). Allowed while paused. A reservation that expired still records the usage.',
        access: 'agents',
        allowedWhilePaused: true,
        body: { schema: settleValidator, example: usageBody },
        response: {
          status: 200,
          description: 'The settled reservation and the usage report.',
          schema: record({ reservation: ref('BudgetReservation'), usage: ref('UsageReport') }),
          example: { reservation: { ...reservation, status: 'settled', settled_at: AT }, usage },
        },
        errors: {
          404: 'No reservation of this agent has this id.',
          409: 'It was already settled (`E_ALREADY_SETTLED`).',
        },
      },
    },
    '/api/agents/{id}/budgets': {
      get: {
        operationId: 'listAgentBudgets',
        summary: 'The budgets that cover an agent',
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'Its own, its type’s and the overall budgets, with their current period.',
          schema: listOf('Budget'),
          example: [budget],
        },
      },
    },
    '/api/budgets': {
      get: {
        operationId: 'listBudgets',
        summary: 'List budgets',
        access: Permission.ReadRecords,
        list: BUDGET_LIST,
        response: {
          status: 200,
          description: 'A page of budgets with their current period.',
          schema: listOf('Budget'),
          example: [budget],
        },
      },
      post: {
        operationId: 'createBudget',
        summary: 'Set a budget',
        description:
          'One per scope and period (409 `E_DUPLICATE` otherwise, with `existing_id`). Give `limit_usd`, `limit_tokens` or both. A budget set mid-period counts what its scope already spent in it.',
        access: Permission.ManageBudgets,
        body: {
          schema: createBudgetValidator,
          example: { scope: 'agent', agent_id: AGENT_ID, period: 'day', limit_usd: 5 },
        },
        response: {
          status: 201,
          description: 'The budget.',
          schema: ref('Budget'),
          example: budget,
        },
        errors: { 409: 'That scope already has a budget for the period (`E_DUPLICATE`).' },
      },
    },
    '/api/budgets/{id}': {
      get: {
        operationId: 'getBudget',
        summary: 'Get a budget',
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'The budget.',
          schema: ref('Budget'),
          example: budget,
        },
      },
      patch: {
        operationId: 'updateBudget',
        summary: 'Change a budget’s limits',
        description:
          'Applies to the next reservation at once. `null` removes a limit (one must stay).',
        access: Permission.ManageBudgets,
        body: { schema: updateBudgetValidator, example: { limit_usd: 10 } },
        response: {
          status: 200,
          description: 'The budget.',
          schema: ref('Budget'),
          example: budget,
        },
      },
      delete: {
        operationId: 'deleteBudget',
        summary: 'Remove a budget',
        access: Permission.ManageBudgets,
        response: { status: 204, description: 'Removed.' },
      },
    },
    '/api/usage': {
      get: {
        operationId: 'listUsage',
        summary: 'List usage reports',
        access: Permission.ReadRecords,
        list: USAGE_LIST,
        response: {
          status: 200,
          description: 'A page of usage reports, newest first.',
          schema: listOf('UsageReport'),
          example: [usage],
        },
      },
    },
    '/api/usage/series': {
      get: {
        operationId: 'usageSeries',
        summary: 'Spend over time',
        description:
          'Sums per hour or day (in BUDGET_TIME_ZONE), overall, for one agent, or per agent. At most 800 buckets; any other parameter → 422.',
        access: Permission.ReadRecords,
        query: {
          bucket: { schema: enumOf(['hour', 'day']), description: 'Default `day`.' },
          from: {
            schema: { type: 'string', format: 'date-time' },
            description: 'Default: 30 days (48 hours by the hour) before `to`.',
          },
          to: { schema: { type: 'string', format: 'date-time' }, description: 'Default: now.' },
          agent_id: { schema: uuid(), description: 'One agent only.' },
          by: {
            schema: enumOf(['agent']),
            description: '`agent`: one point per agent and bucket.',
          },
        },
        response: {
          status: 200,
          description: 'The series.',
          schema: ref('UsageSeries'),
          example: {
            bucket: 'day',
            time_zone: 'UTC',
            from: '2026-02-01T10:00:00.000Z',
            to: AT,
            points: [
              {
                at: '2026-03-01T00:00:00.000Z',
                cost_usd: 3.42,
                input_tokens: 380000,
                output_tokens: 32000,
                reports: 96,
              },
            ],
          },
        },
      },
    },
  },
})
