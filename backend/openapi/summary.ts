/**
 * GET /api/summary in GET /api/openapi.json (docs/API.md, "Summary").
 */
import { Permission } from '#policies/permissions'
import { TASK_COLUMNS } from '#enums/task'
import { AGENT_STATUSES } from '#enums/agent_status'
import { SUMMARY_DAYS, SPEND_DAYS, ACTIVITY_AGENTS } from '#services/summary'
import { dateTime, defineOpenApi, listOf, record, ref, text, uuid } from '#openapi/kit'

const count = { type: 'integer', minimum: 0 }
const countsOf = (values: readonly string[], description?: string) =>
  record(Object.fromEntries(values.map((value) => [value, count])), description)
const perDay = (description: string) => ({
  type: 'array',
  description,
  items: record({ day: { type: 'string', format: 'date' }, count }),
})

const days = ['2026-02-28', '2026-03-01']
const example = {
  generated_at: '2026-03-01T10:00:00.000Z',
  time_zone: 'UTC',
  days,
  tasks: { total: 9, by_column: { backlog: 3, doing: 2, needs_approval: 1, done: 3 } },
  agents: {
    total: 2,
    by_status: { idle: 1, running: 1, paused: 0, blocked: 0 },
    activity: [
      {
        id: '5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21',
        name: 'planner-1',
        type: 'planner',
        status: 'running',
        events_24h: 42,
      },
    ],
  },
  events_per_day: [
    { day: days[0], count: 120 },
    { day: days[1], count: 57 },
  ],
  spend: {
    series: {
      bucket: 'day',
      time_zone: 'UTC',
      from: '2026-01-30T10:00:00.000Z',
      to: '2026-03-01T10:00:00.000Z',
      points: [],
    },
    overall_budgets: [],
  },
  plugins: { invoices: { unpaid: 4, paid_per_day: [{ day: days[1], count: 2 }] } },
}

export default defineOpenApi({
  tags: [
    {
      name: 'Summary',
      description:
        'Every number the admin’s Home shows, in one request: the host’s (tasks, agents, activity, spend) and each enabled plugin’s part.',
    },
  ],
  schemas: {
    Summary: record(
      {
        generated_at: dateTime('When the numbers were taken.'),
        time_zone: text('Where a day starts (BUDGET_TIME_ZONE).'),
        days: {
          type: 'array',
          items: { type: 'string', format: 'date' },
          description: `The ${SUMMARY_DAYS} days of the per-day series, oldest first, today last.`,
        },
        tasks: record({ total: count, by_column: countsOf(TASK_COLUMNS) }),
        agents: record({
          total: count,
          by_status: countsOf(AGENT_STATUSES),
          activity: {
            type: 'array',
            description: `The first ${ACTIVITY_AGENTS} agents by name, with the events about them in the last 24 hours.`,
            items: record({
              id: uuid(),
              name: text(),
              type: text(),
              status: text(),
              events_24h: count,
            }),
          },
        }),
        events_per_day: perDay('Events recorded each day (every change and progress report).'),
        spend: record({
          series: {
            ...ref('UsageSeries'),
            description: `Spend per day over the last ${SPEND_DAYS} days (as GET /api/usage/series).`,
          },
          overall_budgets: {
            ...listOf('Budget'),
            description: 'The budgets over all agents, with their current period.',
          },
        }),
        plugins: {
          type: 'object',
          description:
            'Each enabled plugin’s part, under its name (`summary` in its plugin.ts; docs/PLUGINS.md). A part the caller may not read is left out.',
          additionalProperties: { type: 'object' },
        },
      },
      'The Home’s numbers.'
    ),
  },
  paths: {
    '/api/summary': {
      get: {
        operationId: 'getSummary',
        summary: 'The Home’s numbers in one answer',
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'The summary.',
          schema: ref('Summary'),
          example,
        },
      },
    },
  },
})
