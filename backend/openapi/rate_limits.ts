/**
 * The rate-limit routes in GET /api/openapi.json (admins only; docs/API.md,
 * "Rate limits"). How the limits answer agents (429) is in document.ts.
 */
import { Permission } from '#policies/permissions'
import { rateLimitsValidator, MAX_PER_MINUTE } from '#validators/rate_limit'
import { LIMIT_SOURCES } from '#enums/rate_limit'
import { dateTime, defineOpenApi, enumOf, nullable, record, ref, text, uuid } from '#openapi/kit'

const AT = '2026-03-01T10:00:00.000Z'
const AGENT_ID = '5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21'
const ADMIN_ID = '0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10'

const perMinute = (what: string) => ({
  type: 'integer',
  minimum: 0,
  maximum: MAX_PER_MINUTE,
  description: `${what} per minute; 0 = unlimited.`,
})
const ownValue = (what: string) =>
  nullable({
    ...perMinute(what),
    description: `${what} per minute; 0 = unlimited; null = inherited.`,
  })

const ownFields = {
  requests_per_minute: ownValue('Requests'),
  writes_per_minute: ownValue('Writes'),
  updated_by: nullable(uuid('The admin who set them last.')),
  updated_at: dateTime(),
}
const defaults = { requests_per_minute: 600, writes_per_minute: 300 }
const typeLimits = {
  agent_type: 'researcher',
  requests_per_minute: null,
  writes_per_minute: 120,
  updated_by: ADMIN_ID,
  updated_at: AT,
}
const agentLimits = {
  agent_id: AGENT_ID,
  agent_type: 'researcher',
  requests_per_minute: 1200,
  writes_per_minute: 120,
  sources: { requests_per_minute: 'agent', writes_per_minute: 'agent_type' },
  own: { requests_per_minute: 1200, writes_per_minute: null, updated_by: ADMIN_ID, updated_at: AT },
  type: { requests_per_minute: null, writes_per_minute: 120, updated_by: ADMIN_ID, updated_at: AT },
  defaults,
}

const BODY_DESCRIPTION =
  'The whole setting: an omitted or null value is inherited (an agent’s from its type, a type’s from the defaults). At least one value must be set; to inherit both, DELETE.'

export default defineOpenApi({
  tags: [
    {
      name: 'Rate limits',
      description:
        'Requests and writes (any method but GET, HEAD, OPTIONS) per minute for each agent, on every /api route and POST /mcp. An agent’s own value wins over its type’s, which wins over the defaults (`AGENT_REQUESTS_PER_MINUTE`, `AGENT_WRITES_PER_MINUTE`: 600 and 300); 0 is unlimited. Counted in Redis with `REDIS_URL` (shared by every instance), else in PostgreSQL. Over a limit the agent gets 429 `E_RATE_LIMITED` with `Retry-After`, and nothing is written. A change applies within seconds on every instance.',
    },
  ],
  schemas: {
    RateLimitValues: record(
      {
        requests_per_minute: perMinute('Requests'),
        writes_per_minute: perMinute('Writes'),
      },
      'Limits per minute.'
    ),
    AgentTypeRateLimits: record(
      { agent_type: text(), ...ownFields },
      'The limits an admin set for every agent of a type.'
    ),
    AgentOwnRateLimits: record(
      { agent_id: uuid(), agent_name: text(), agent_type: text(), ...ownFields },
      'The limits an admin set for one agent.'
    ),
    AgentRateLimits: record(
      {
        agent_id: uuid(),
        agent_type: text(),
        requests_per_minute: perMinute('Requests the agent may make'),
        writes_per_minute: perMinute('Writes the agent may make'),
        sources: record(
          {
            requests_per_minute: enumOf(LIMIT_SOURCES),
            writes_per_minute: enumOf(LIMIT_SOURCES),
          },
          'Where each limit comes from: the agent’s own value, its type’s, or the defaults.'
        ),
        own: nullable(record(ownFields, 'The agent’s own values (null: none).')),
        type: nullable(record(ownFields, 'Its agent type’s values (null: none).')),
        defaults: ref('RateLimitValues'),
      },
      'The limits that apply to an agent, and where they come from.'
    ),
  },
  paths: {
    '/api/rate-limits': {
      get: {
        operationId: 'listRateLimits',
        summary: 'List rate limits',
        description:
          'The defaults, the store that counts, and every type’s and agent’s own limits.',
        access: Permission.ManageRateLimits,
        response: {
          status: 200,
          description: 'Every rate limit setting.',
          schema: record({
            defaults: ref('RateLimitValues'),
            store: enumOf(['redis', 'database'], 'Where the counts live.'),
            agent_types: { type: 'array', items: ref('AgentTypeRateLimits') },
            agents: { type: 'array', items: ref('AgentOwnRateLimits') },
          }),
          example: {
            defaults,
            store: 'redis',
            agent_types: [typeLimits],
            agents: [
              {
                agent_id: AGENT_ID,
                agent_name: 'researcher-1',
                agent_type: 'researcher',
                ...agentLimits.own,
              },
            ],
          },
        },
      },
    },
    '/api/agents/{id}/rate-limits': {
      get: {
        operationId: 'getAgentRateLimits',
        summary: 'Get an agent’s rate limits',
        access: Permission.ManageRateLimits,
        response: {
          status: 200,
          description: 'What applies to the agent, and where it comes from.',
          schema: ref('AgentRateLimits'),
          example: agentLimits,
        },
      },
      put: {
        operationId: 'setAgentRateLimits',
        summary: 'Set an agent’s own rate limits',
        access: Permission.ManageRateLimits,
        body: {
          schema: rateLimitsValidator,
          description: BODY_DESCRIPTION,
          required: true,
          example: { requests_per_minute: 1200 },
        },
        response: {
          status: 200,
          description: 'What applies to the agent now.',
          schema: ref('AgentRateLimits'),
          example: agentLimits,
        },
      },
      delete: {
        operationId: 'clearAgentRateLimits',
        summary: 'Clear an agent’s own rate limits',
        description: 'The agent inherits its type’s limits (or the defaults) again.',
        access: Permission.ManageRateLimits,
        response: { status: 204, description: 'Cleared.' },
        errors: { 404: 'No such agent, or it has no limits of its own.' },
      },
    },
    '/api/agent-types/{name}/rate-limits': {
      put: {
        operationId: 'setAgentTypeRateLimits',
        summary: 'Set an agent type’s rate limits',
        description: 'For every agent of the type that has no value of its own.',
        access: Permission.ManageRateLimits,
        path: {
          name: {
            description:
              'The agent type: declared by an enabled plugin, or the type of an existing agent.',
            schema: { type: 'string' },
            example: 'researcher',
          },
        },
        body: {
          schema: rateLimitsValidator,
          description: BODY_DESCRIPTION,
          required: true,
          example: { writes_per_minute: 120 },
        },
        response: {
          status: 200,
          description: 'The type’s limits.',
          schema: ref('AgentTypeRateLimits'),
          example: typeLimits,
        },
      },
      delete: {
        operationId: 'clearAgentTypeRateLimits',
        summary: 'Clear an agent type’s rate limits',
        description: 'Its agents get the defaults again (unless they have values of their own).',
        access: Permission.ManageRateLimits,
        path: {
          name: { description: 'The agent type.', schema: { type: 'string' } },
        },
        response: { status: 204, description: 'Cleared.' },
        errors: { 404: 'No such agent type, or it has no limits.' },
      },
    },
  },
})
