/**
 * The host's routes in the OpenAPI document: one entry per route of
 * backend/start/routes.ts (and the realtime routes Transmit registers).
 * Bodies come from the validators the controllers run, list parameters
 * from their ListSpecs; records are described here.
 */
import { Permission } from '#policies/permissions'
import { ROLES } from '#enums/roles'
import { OWNER_TYPES, TASK_COLUMNS, TASK_PRIORITIES } from '#enums/task'
import { AGENT_STATUSES } from '#enums/agent_status'
import { ACTOR_TYPES } from '#enums/actor_type'
import { MAX_EVENT_PAYLOAD_BYTES } from '#enums/event_type'
import { changePasswordValidator, loginValidator, createTokenValidator } from '#validators/auth'
import { MIN_PASSWORD_LENGTH } from '#services/password_policy'
import { createUserValidator, updateUserValidator } from '#validators/user'
import { bulkTaskActionValidator, createTaskValidator, updateTaskValidator } from '#validators/task'
import { BULK_TASK_ACTIONS, MAX_BULK_TASKS } from '#actions/tasks/bulk_task_action'
import { controlReasonValidator, createAgentValidator, heartbeatValidator } from '#validators/agent'
import { createEventValidator } from '#validators/event'
import { USER_LIST } from '#controllers/users_controller'
import { taskList } from '#controllers/tasks_controller'
import { taskLinks } from '#plugin_host/task_links'
import { AGENT_LIST } from '#controllers/agents_controller'
import { AUDIT_LIST } from '#controllers/audit_controller'
import { issueTokenValidator } from '#controllers/agent_tokens_controller'
import { EVENT_LIST } from '#services/event_feed'
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
  type JsonSchema,
} from '#openapi/kit'

const ID = '0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10'
const AGENT_ID = '5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21'
const TASK_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
const AT = '2026-03-01T10:00:00.000Z'

const integerId = { schema: { type: 'integer', minimum: 1 }, description: 'The numeric id.' }
const anyObject: JsonSchema = { type: 'object', additionalProperties: true }
const permissions: JsonSchema = {
  type: 'array',
  items: { type: 'string' },
  description:
    'What the role table lets the caller do (`tasks.write`, ...): see docs/PERMISSIONS.md.',
}

const plugins: JsonSchema = {
  type: 'array',
  items: { type: 'string' },
  description:
    'The plugins enabled on this server (`PLUGINS`): the admin shows only their screens.',
}

const user = {
  id: ID,
  email: 'ops@example.com',
  role: 'operator',
  is_active: true,
  created_at: AT,
  updated_at: AT,
}
const task = {
  id: TASK_ID,
  title: 'Find 20 dentists in Austin',
  description: '',
  column: 'doing',
  priority: 'high',
  owner_type: 'agent',
  owner_id: AGENT_ID,
  created_by: ID,
  created_at: AT,
  updated_at: AT,
  done_at: null,
  ...Object.fromEntries(taskLinks.all().map((link) => [link.field, null])),
}
const agent = {
  id: AGENT_ID,
  name: 'researcher-1',
  type: 'researcher',
  status: 'running',
  current_task_id: TASK_ID,
  pause_reason: null,
  last_update_at: AT,
  metadata: {},
  created_at: AT,
  updated_at: AT,
  stale: false,
}
const event = {
  id: 1234,
  task_id: TASK_ID,
  agent_id: AGENT_ID,
  event_type: 'lead.enriched',
  payload: { resource: 'tasks', id: TASK_ID, fields: ['email', 'phone'] },
  created_by: AGENT_ID,
  created_at: AT,
}
const token = {
  id: 42,
  name: 'nightly import',
  abilities: ['*'],
  created_at: AT,
  last_used_at: null,
  expires_at: '2026-05-30T10:00:00.000Z',
}
const globalPause = { paused: false, reason: null, updated_by: null, updated_at: null }

export default defineOpenApi({
  tags: [
    { name: 'Auth', description: 'Sessions, the caller, personal access tokens.' },
    { name: 'Users', description: 'People and their roles (admin only).' },
    { name: 'Tasks', description: 'The board: cards in backlog, doing, needs_approval, done.' },
    {
      name: 'Agents',
      description:
        'Agents, their controls (pause, resume, kill), their self-service (`/me`, heartbeat) and their tokens.',
    },
    {
      name: 'Agent types',
      description:
        'What the enabled plugins declare: abilities, settings schema, progress event types with their payload schemas.',
    },
    { name: 'System', description: 'The global pause, and health.' },
    {
      name: 'Events',
      description:
        'The timeline: every change writes one event; agents post progress events. `id` is the realtime `seq`.',
    },
    { name: 'Audit', description: 'One entry per change, read-only (admin only).' },
    { name: 'Replay', description: 'The board at a moment, and the history of a record.' },
    {
      name: 'Realtime',
      description:
        'Server-Sent Events (Transmit). Channels: `events` (every envelope), `resources/<resource>` (`{type, ids}`), `agents/<agent id>` (control messages). Open the stream, then subscribe to channels with the same `uid`.',
    },
    { name: 'Meta', description: 'This document and its rendering.' },
  ],

  schemas: {
    User: record(
      {
        id: uuid(),
        email: { type: 'string', format: 'email', description: 'Stored lower-case.' },
        role: enumOf(ROLES),
        is_active: {
          type: 'boolean',
          description: 'A deactivated user loses every session and token.',
        },
        created_at: dateTime(),
        updated_at: dateTime(),
      },
      'A person who uses Mission Control.'
    ),
    Task: record(
      {
        id: uuid(),
        title: text(),
        description: text(),
        column: enumOf(TASK_COLUMNS),
        priority: enumOf(TASK_PRIORITIES),
        owner_type: enumOf(OWNER_TYPES),
        owner_id: nullable(uuid('The agent or admin the task is assigned to.')),
        created_by: uuid(),
        created_at: dateTime(),
        updated_at: dateTime(),
        done_at: nullable(dateTime('Stamped when the task moves to done.')),
        ...Object.fromEntries(
          taskLinks
            .all()
            .map((link) => [
              link.field,
              nullable(uuid(`The ${link.label.toLowerCase()} it is about.`)),
            ])
        ),
      },
      'A card on the board.'
    ),
    TaskBulkActionResult: record({
      id: uuid('The action: every event it wrote carries it as `payload.bulk_id`.'),
      action: enumOf(BULK_TASK_ACTIONS),
      matched: { type: 'integer', description: 'Cards named that exist.' },
      changed: { type: 'integer', description: 'Of those, the cards it changed.' },
      unchanged: {
        type: 'integer',
        description: 'Cards already in that column or of that priority.',
      },
      refused: {
        type: 'array',
        description: 'Cards left as they were, in the order sent, and why.',
        items: record({
          id: uuid(),
          code: enumOf(['E_NOT_FOUND', 'E_INVALID_TRANSITION', 'E_FORBIDDEN']),
          message: text(),
        }),
      },
    }),
    Agent: record(
      {
        id: uuid(),
        name: text('Unique.'),
        type: text('Its agent type (see GET /api/agent-types).'),
        status: enumOf(AGENT_STATUSES, '`blocked` after a kill.'),
        current_task_id: nullable(uuid()),
        pause_reason: nullable(
          text(
            'Why it is paused or killed: an admin’s reason, or the rule (a budget) that paused it.'
          )
        ),
        last_update_at: nullable(dateTime('The last heartbeat.')),
        metadata: anyObject,
        created_at: dateTime(),
        updated_at: dateTime(),
        stale: {
          type: 'boolean',
          description: 'No heartbeat for longer than AGENT_STALE_SECONDS (120 s by default).',
        },
      },
      'An AI agent that works through the API with its own token.'
    ),
    AgentControls: record(
      {
        paused: {
          type: 'boolean',
          description: 'Whether the agent may write now, everything considered.',
        },
        reason: nullable(text()),
      },
      'Whether the agent may write (it is not paused, killed, or under the global pause).'
    ),
    AgentSelf: {
      allOf: [ref('Agent')],
      type: 'object',
      properties: { controls: ref('AgentControls') },
      required: ['controls'],
      description: 'The calling agent, with its controls.',
    },
    Token: record(
      {
        id: { type: 'integer' },
        name: nullable(text()),
        abilities: { type: 'array', items: { type: 'string' } },
        created_at: dateTime(),
        last_used_at: nullable(dateTime()),
        expires_at: nullable(dateTime()),
      },
      'An access token, without its secret.'
    ),
    NewToken: {
      allOf: [ref('Token')],
      type: 'object',
      properties: {
        token: text(
          'The secret, shown in this answer only: send it as `Authorization: Bearer <token>`.'
        ),
      },
      required: ['token'],
    },
    Me: {
      oneOf: [
        record({
          type: { const: 'user' },
          id: uuid(),
          email: text(),
          role: enumOf(ROLES),
          is_active: { type: 'boolean' },
          permissions,
          plugins,
        }),
        record({
          type: { const: 'agent' },
          id: uuid(),
          name: text(),
          agent_type: text(),
          status: enumOf(AGENT_STATUSES),
          permissions,
          plugins,
        }),
      ],
      description: 'Who is calling.',
    },
    GlobalPause: record({
      paused: { type: 'boolean' },
      reason: nullable(text()),
      updated_by: nullable(uuid()),
      updated_at: nullable(dateTime()),
    }),
    SystemControls: record({ global_pause: ref('GlobalPause') }),
    Event: record(
      {
        id: { type: 'integer', description: 'The `seq` of the realtime envelope.' },
        task_id: nullable(uuid()),
        agent_id: nullable(uuid()),
        event_type: text('`lead.enriched`, `task.moved`, ...'),
        payload: {
          type: 'object',
          additionalProperties: true,
          description:
            'What happened. Always names its record in `resource` and `id`; task and agent changes carry `snapshot`, moves `from` and `to`.',
        },
        created_by: nullable(uuid()),
        created_at: dateTime(),
      },
      'An entry of the domain timeline. Never changed or deleted.'
    ),
    AuditEntry: record(
      {
        id: { type: 'integer' },
        actor_type: enumOf(ACTOR_TYPES),
        actor_id: nullable(uuid()),
        action: text(),
        resource_type: text(),
        resource_id: text(),
        before_state: nullable(anyObject),
        after_state: nullable(anyObject),
        metadata: {
          type: 'object',
          properties: {
            request_id: { type: ['string', 'null'] },
            ip: { type: ['string', 'null'] },
            seq: { type: 'integer', description: 'The id of the event written with it.' },
            changed: {
              type: 'array',
              items: { type: 'string' },
              description: 'The fields the change touched.',
            },
          },
          additionalProperties: true,
          description: '`request_id`, `ip`, `seq` (the id of the event written with it), and more.',
        },
        created_at: dateTime(),
      },
      'One change: who, what, the record before and after.'
    ),
    Board: record(
      {
        at: dateTime('The moment, normalized to UTC.'),
        tasks: { type: 'array', items: anyObject, description: 'Task snapshots, in board order.' },
        agents: {
          type: 'array',
          items: anyObject,
          description: 'Agent snapshots by name, with `stale` as it was then.',
        },
      },
      'The board as it stood at a moment, rebuilt from events.'
    ),
    TimelineItem: {
      type: 'object',
      description:
        'An event (`kind: "event"`: `id`, `seq`, `event_type`, `task_id`, `agent_id`, `created_by`, `payload`), an audit entry (`kind: "audit"`, admins only: `id`, `seq`, `action`, `actor_type`, `actor_id`, `resource_type`, `resource_id`, `before_state`, `after_state`, `metadata`), or an item a plugin adds (`version`, `approval`, ...).',
      properties: { at: dateTime(), kind: text() },
      required: ['at', 'kind'],
      additionalProperties: true,
    },
    Health: record({
      status: enumOf(['ok', 'degraded', 'down', 'draining']),
      db: enumOf(['ok', 'down']),
      redis: enumOf(['ok', 'down', 'disabled']),
    }),
    AgentType: record(
      {
        name: text(),
        label: text(),
        description: nullable(text()),
        plugin: text('The plugin that declares it.'),
        abilities: { type: 'array', items: { type: 'string' } },
        settings: nullable({ type: 'object', description: 'JSON Schema of `metadata.settings`.' }),
        events: {
          type: 'array',
          items: record({
            type: text('The event type an agent of this type may post.'),
            description: nullable(text()),
            payload: { type: 'object', description: 'JSON Schema of its payload.' },
          }),
        },
      },
      'An agent type declared by a plugin.'
    ),
  },

  paths: {
    '/api/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Health check',
        tags: ['System'],
        access: 'public',
        response: {
          status: 200,
          description: 'The database is up (`redis` may be `down`: then `status` is `degraded`).',
          schema: ref('Health'),
          example: { status: 'ok', db: 'ok', redis: 'disabled' },
        },
        responses: {
          503: {
            description:
              'The database is down, or gave no answer within 2 s (the check never waits longer; `Retry-After` says when to look again), or the instance is shutting down (`status` `draining`: it still serves what arrives, for a moment; send new requests elsewhere).',
            headers: {
              'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
            },
            content: {
              'application/json': {
                schema: ref('Health'),
                example: { status: 'down', db: 'down', redis: 'ok' },
              },
            },
          },
        },
      },
    },

    '/api/auth/login': {
      post: {
        operationId: 'login',
        summary: 'Log in (session)',
        description:
          'Sets the HttpOnly session cookie `mc_session` and the `XSRF-TOKEN` cookie. The email is case-insensitive. After 5 failures within a minute for an IP and email, that pair is blocked for 15 minutes (429).',
        tags: ['Auth'],
        access: 'public',
        body: {
          schema: loginValidator,
          example: { email: 'admin@example.com', password: 'correct horse battery' },
        },
        response: {
          status: 200,
          description: 'Logged in.',
          schema: record({ user: ref('Me') }),
        },
        errors: {
          401: 'Wrong email or password (`E_INVALID_CREDENTIALS`), or a deactivated account (`E_ACCOUNT_DISABLED`).',
          429: 'Too many failed logins for this IP and email.',
        },
      },
    },
    '/api/auth/logout': {
      post: {
        operationId: 'logout',
        summary: 'Log out',
        description: 'Ends the session; with a personal token, revokes that token.',
        tags: ['Auth'],
        access: 'people',
        response: { status: 204, description: 'Logged out.' },
      },
    },
    '/api/auth/me': {
      get: {
        operationId: 'getMe',
        summary: 'Who am I',
        tags: ['Auth'],
        access: 'signed_in',
        response: {
          status: 200,
          description: 'The caller.',
          schema: ref('Me'),
          example: {
            type: 'agent',
            id: AGENT_ID,
            name: 'researcher-1',
            agent_type: 'researcher',
            status: 'running',
            permissions: ['records.read', 'tasks.write', 'events.emit'],
            plugins: ['researcher'],
          },
        },
      },
    },
    '/api/auth/password': {
      post: {
        operationId: 'changeMyPassword',
        summary: 'Change my password',
        description:
          'Checks the current password (failed attempts are throttled like logins), then sets the new one: ' +
          `at least ${MIN_PASSWORD_LENGTH} characters and not easy to guess (common passwords, words, ` +
          'repeats, sequences and your e-mail are refused: 422 `strongPassword`). Every other session ' +
          'and personal token of yours ends; the session or token you send this with keeps working.',
        tags: ['Auth'],
        access: 'people',
        body: {
          schema: changePasswordValidator,
          example: { current_password: 'the old one', password: 'a quiet harbour at dawn' },
        },
        response: { status: 204, description: 'Changed.' },
        errors: {
          403: 'An agent: agents have no password.',
          422: 'The current password is wrong, or the new one too short or too easy to guess.',
          429: 'Too many wrong current passwords.',
        },
      },
    },
    '/api/auth/tokens': {
      get: {
        operationId: 'listMyTokens',
        summary: 'My personal tokens',
        tags: ['Auth'],
        access: 'people',
        response: { status: 200, description: 'Without their secrets.', schema: listOf('Token') },
        errors: { 403: 'An agent: agents have no personal tokens.' },
      },
      post: {
        operationId: 'createMyToken',
        summary: 'Create a personal token',
        description: 'For scripts. Expires after 90 days.',
        tags: ['Auth'],
        access: 'people',
        body: { schema: createTokenValidator, example: { name: 'nightly import' } },
        response: {
          status: 201,
          description: 'The token; its secret is shown this once.',
          schema: ref('NewToken'),
          example: { ...token, token: 'mcu_…' },
        },
        errors: { 403: 'An agent: agents have no personal tokens.' },
      },
    },
    '/api/auth/tokens/{id}': {
      delete: {
        operationId: 'revokeMyToken',
        summary: 'Revoke a personal token',
        tags: ['Auth'],
        access: 'people',
        path: { id: integerId },
        response: { status: 204, description: 'Revoked: it stops working at once.' },
      },
    },

    '/api/users': {
      get: {
        operationId: 'listUsers',
        summary: 'List users',
        tags: ['Users'],
        access: Permission.ReadUsers,
        list: USER_LIST,
        response: {
          status: 200,
          description: 'A page of users.',
          schema: listOf('User'),
          example: [user],
        },
      },
      post: {
        operationId: 'createUser',
        summary: 'Create a user',
        tags: ['Users'],
        access: Permission.ManageUsers,
        body: {
          schema: createUserValidator,
          fields: {
            email: { description: 'Unique (422 on `email` when taken); stored lower-case.' },
          },
          example: { email: 'ops@example.com', role: 'operator', password: 'a long passphrase' },
        },
        response: { status: 201, description: 'The user.', schema: ref('User'), example: user },
      },
    },
    '/api/users/{id}': {
      get: {
        operationId: 'getUser',
        summary: 'Get a user',
        tags: ['Users'],
        access: Permission.ReadUsers,
        response: { status: 200, description: 'The user.', schema: ref('User') },
      },
      patch: {
        operationId: 'updateUser',
        summary: 'Update a user',
        description:
          'Deactivating (`is_active: false`) revokes every token and session at once. There is no DELETE: deactivate instead.',
        tags: ['Users'],
        access: Permission.ManageUsers,
        body: { schema: updateUserValidator, example: { role: 'closer' } },
        response: { status: 200, description: 'The user.', schema: ref('User') },
        errors: { 409: 'The last active admin cannot be demoted or deactivated (`E_LAST_ADMIN`).' },
      },
    },

    '/api/tasks': {
      get: {
        operationId: 'listTasks',
        summary: 'List tasks',
        tags: ['Tasks'],
        access: Permission.ReadRecords,
        list: taskList(),
        response: {
          status: 200,
          description: 'A page of tasks.',
          schema: listOf('Task'),
          example: [task],
        },
      },
      post: {
        operationId: 'createTask',
        summary: 'Create a task',
        description:
          'Defaults: column `backlog`, priority `med`, owner_type `admin`. Only an admin creates one straight into `done`.',
        tags: ['Tasks'],
        access: Permission.WriteTasks,
        body: {
          schema: createTaskValidator(),
          example: { title: 'Find 20 dentists in Austin', priority: 'high' },
        },
        response: { status: 201, description: 'The task.', schema: ref('Task'), example: task },
        errors: { 403: 'The role may not create a task in this column (`done` is for admins).' },
      },
    },
    '/api/tasks/bulk-actions': {
      post: {
        operationId: 'actOnTasks',
        summary: 'Act on many tasks at once',
        description: `One action over the cards a person ticked (\`ids\`, at most ${MAX_BULK_TASKS}): \`move\` to a \`column\` or \`set_priority\` (whoever may write tasks), or \`delete\` (\`tasks.finish\`: admins). Each card is checked as if it were changed alone: a move the board does not allow from its column (\`E_INVALID_TRANSITION\`), or into or out of \`done\` by someone who is not an admin (\`E_FORBIDDEN\`), leaves that card as it is and lists it in \`refused\`, like an id that matches no task (\`E_NOT_FOUND\`); the other cards change, all in one transaction. Each changed card gets its own event (\`task.moved\`, \`task.updated\`, \`task.deleted\`, with its snapshot) and audit row, as when changed alone, so the board's replay and every open board follow it; every one carries the action's id as \`payload.bulk_id\`. Agents: the same abilities, pause rule (423) and rate limits; a request counts as one write.`,
        tags: ['Tasks'],
        access: Permission.WriteTasks,
        body: {
          schema: bulkTaskActionValidator,
          example: { action: 'move', ids: [ID], column: 'doing' },
        },
        response: {
          status: 200,
          description: 'What the action did, card by card.',
          schema: ref('TaskBulkActionResult'),
          example: {
            id: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
            action: 'move',
            matched: 3,
            changed: 2,
            unchanged: 0,
            refused: [
              {
                id: ID,
                code: 'E_FORBIDDEN',
                message: 'Only an admin moves a task into or out of done',
              },
            ],
          },
        },
        errors: {
          403: 'The role may not write tasks, or may not delete them (`delete` needs `tasks.finish`).',
          422: '`ids` empty, repeated or over the cap; `column` missing for `move`, `priority` for `set_priority`.',
        },
      },
    },
    '/api/tasks/{id}': {
      get: {
        operationId: 'getTask',
        summary: 'Get a task',
        tags: ['Tasks'],
        access: Permission.ReadRecords,
        response: { status: 200, description: 'The task.', schema: ref('Task'), example: task },
      },
      patch: {
        operationId: 'updateTask',
        summary: 'Update or move a task',
        description:
          'Moving a card is `{"column":"doing"}`. Allowed moves: backlog → doing, done; doing → backlog, needs_approval, done; needs_approval → doing, backlog, done; done → backlog, doing. Moving into or out of `done` needs an admin; `done` stamps `done_at`.',
        tags: ['Tasks'],
        access: Permission.WriteTasks,
        body: { schema: updateTaskValidator(), example: { column: 'doing' } },
        response: { status: 200, description: 'The task.', schema: ref('Task'), example: task },
        errors: {
          403: 'Only an admin moves a task into or out of `done`.',
          409: 'A move the board does not allow from the current column (`E_CONFLICT`).',
        },
      },
      delete: {
        operationId: 'deleteTask',
        summary: 'Delete a task',
        tags: ['Tasks'],
        access: Permission.FinishTasks,
        response: { status: 204, description: 'Deleted (its events stay).' },
      },
    },
    '/api/tasks/{id}/claim': {
      post: {
        operationId: 'claimTask',
        summary: 'Claim a task',
        description:
          'The caller becomes the owner (an agent: `owner_type` agent; a person: `admin`). Of two claims at once exactly one wins. Claiming a task you own changes nothing; a task someone else owns answers 409 naming the owner (an admin reassigns it with PATCH).',
        tags: ['Tasks'],
        access: Permission.WriteTasks,
        response: { status: 200, description: 'The task.', schema: ref('Task'), example: task },
        errors: { 409: 'Someone else owns the task (`E_ALREADY_CLAIMED`).' },
      },
    },

    '/api/agents': {
      get: {
        operationId: 'listAgents',
        summary: 'List agents',
        tags: ['Agents'],
        access: Permission.ReadRecords,
        list: AGENT_LIST,
        response: {
          status: 200,
          description: 'A page of agents.',
          schema: listOf('Agent'),
          example: [agent],
        },
      },
      post: {
        operationId: 'createAgent',
        summary: 'Create an agent',
        description:
          'The `type` must be an agent type an enabled plugin declares (GET /api/agent-types); `metadata.settings`, when given, is checked against that type’s settings schema.',
        tags: ['Agents'],
        access: Permission.ControlAgents,
        body: {
          schema: createAgentValidator,
          fields: { name: { description: 'Unique (422 on `name` when taken).' } },
          example: { name: 'researcher-2', type: 'researcher' },
        },
        response: { status: 201, description: 'The agent.', schema: ref('Agent'), example: agent },
      },
    },
    '/api/agents/me': {
      get: {
        operationId: 'getAgentSelf',
        summary: 'The calling agent and its controls',
        description:
          'Poll this (or listen on `agents/<id>`) to learn when a paused agent may write again.',
        tags: ['Agents'],
        access: 'agents',
        response: {
          status: 200,
          description: 'The agent, with `controls: {paused, reason}`.',
          schema: ref('AgentSelf'),
          example: { ...agent, controls: { paused: false, reason: null } },
        },
        errors: { 403: 'Not an agent token.' },
      },
    },
    '/api/agents/me/heartbeat': {
      post: {
        operationId: 'heartbeat',
        summary: 'Heartbeat',
        description:
          'Reports that the agent is alive and what it is doing; allowed while paused. Answers with the controls, so an agent learns here that it must stop writing. An agent without a heartbeat for 120 s is shown as stale.',
        tags: ['Agents'],
        access: 'agents',
        allowedWhilePaused: true,
        body: {
          schema: heartbeatValidator,
          example: { status: 'running', current_task_id: TASK_ID, message: 'Writing draft 3/5' },
        },
        response: {
          status: 200,
          description: 'The agent, with its controls.',
          schema: ref('AgentSelf'),
          example: {
            ...agent,
            controls: { paused: true, reason: 'All agents are paused by an admin' },
          },
        },
        errors: { 403: 'Not an agent token.' },
      },
    },
    '/api/agents/{id}': {
      get: {
        operationId: 'getAgent',
        summary: 'Get an agent',
        tags: ['Agents'],
        access: Permission.ReadRecords,
        response: { status: 200, description: 'The agent.', schema: ref('Agent'), example: agent },
      },
    },
    '/api/agents/{id}/pause': {
      post: {
        operationId: 'pauseAgent',
        summary: 'Pause an agent',
        description: 'Its writes get 423 until resumed; it gets a `pause` control message at once.',
        tags: ['Agents'],
        access: Permission.ControlAgents,
        body: { schema: controlReasonValidator, example: { reason: 'Checking its work' } },
        response: { status: 200, description: 'The agent.', schema: ref('Agent') },
      },
    },
    '/api/agents/{id}/resume': {
      post: {
        operationId: 'resumeAgent',
        summary: 'Resume an agent',
        description: 'Undoes pause and kill (the global pause, if on, still holds it).',
        tags: ['Agents'],
        access: Permission.ControlAgents,
        body: { schema: controlReasonValidator, required: false },
        response: { status: 200, description: 'The agent.', schema: ref('Agent') },
      },
    },
    '/api/agents/{id}/kill': {
      post: {
        operationId: 'killAgent',
        summary: 'Kill an agent',
        description:
          'Sets status `blocked`: the agent must stop; its writes get 423 until resumed.',
        tags: ['Agents'],
        access: Permission.ControlAgents,
        body: { schema: controlReasonValidator, required: false },
        response: { status: 200, description: 'The agent.', schema: ref('Agent') },
      },
    },
    '/api/agents/{id}/tokens': {
      get: {
        operationId: 'listAgentTokens',
        summary: "List an agent's tokens",
        tags: ['Agents'],
        access: Permission.ManageAgentTokens,
        response: { status: 200, description: 'Without their secrets.', schema: listOf('Token') },
      },
      post: {
        operationId: 'createAgentToken',
        summary: 'Mint an agent token',
        description:
          "Its abilities are those the agent's type declares. Also: `node ace agent:token <agent name>`.",
        tags: ['Agents'],
        access: Permission.ManageAgentTokens,
        body: { schema: issueTokenValidator, example: { name: 'laptop' } },
        response: {
          status: 201,
          description: 'The token; its secret is shown this once.',
          schema: ref('NewToken'),
          example: { ...token, name: 'laptop', abilities: ['tasks.write'], token: 'mca_…' },
        },
      },
    },
    '/api/agents/{id}/tokens/{token_id}': {
      delete: {
        operationId: 'revokeAgentToken',
        summary: 'Revoke an agent token',
        tags: ['Agents'],
        access: Permission.ManageAgentTokens,
        path: { token_id: integerId },
        response: { status: 204, description: 'Revoked: refused at once afterwards.' },
      },
    },

    '/api/agent-types': {
      get: {
        operationId: 'listAgentTypes',
        summary: 'List agent types',
        description:
          'Every agent type the enabled plugins declare, with the JSON Schemas of their settings and event payloads.',
        tags: ['Agent types'],
        access: Permission.ReadRecords,
        response: { status: 200, description: 'The agent types.', schema: listOf('AgentType') },
      },
    },
    '/api/agent-types/{name}': {
      get: {
        operationId: 'getAgentType',
        summary: 'Get an agent type',
        tags: ['Agent types'],
        access: Permission.ReadRecords,
        path: {
          name: {
            schema: { type: 'string' },
            description: 'The type name.',
            example: 'researcher',
          },
        },
        response: { status: 200, description: 'The agent type.', schema: ref('AgentType') },
      },
    },

    '/api/system/controls': {
      get: {
        operationId: 'getSystemControls',
        summary: 'The global pause',
        tags: ['System'],
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'The controls.',
          schema: ref('SystemControls'),
          example: { global_pause: globalPause },
        },
      },
    },
    '/api/system/pause': {
      post: {
        operationId: 'pauseAll',
        summary: 'Pause every agent',
        description:
          'Every agent write (heartbeat aside) gets 423 until resumed; every agent channel gets `global_pause`.',
        tags: ['System'],
        access: Permission.ControlAgents,
        body: { schema: controlReasonValidator, example: { reason: 'Reviewing the pipeline' } },
        response: { status: 200, description: 'The controls.', schema: ref('SystemControls') },
      },
    },
    '/api/system/resume': {
      post: {
        operationId: 'resumeAll',
        summary: 'End the global pause',
        tags: ['System'],
        access: Permission.ControlAgents,
        response: { status: 200, description: 'The controls.', schema: ref('SystemControls') },
      },
    },

    '/api/events': {
      get: {
        operationId: 'listEvents',
        summary: 'List events, or catch up after a seq',
        description:
          'The list dialect, newest first. With `after=<seq>`: the reconnect backfill, events with `id > seq` in ascending order, at most 1000 a call (default page `_start=0&_end=1000`); `x-total-count` counts every event after `seq`, so while it is larger than the page, ask again with `after=<last id>`. With `after`, `_sort`/`_order` other than `id`/`asc` → 422.',
        tags: ['Events'],
        access: Permission.ReadRecords,
        list: EVENT_LIST,
        query: {
          after: {
            schema: { type: 'integer', minimum: 0 },
            description: 'The last seq you saw (the `seq` of a realtime envelope).',
            example: 1200,
          },
        },
        response: {
          status: 200,
          description: 'A page of events.',
          schema: listOf('Event'),
          example: [event],
        },
      },
      post: {
        operationId: 'emitEvent',
        summary: 'Post a progress event',
        description: `\`event_type\` is lowercase words joined by dots (\`lead.enriched\`). Refused (422, rule \`reserved\`): the namespaces the server writes itself (\`task.\`, \`agent.\`, \`user.\`, \`system.\`, \`auth.\`, \`audit.\`) and the verbs \`.created\`, \`.updated\`, \`.deleted\`. An agent posts only the event types its type declares, and a declared type's payload must match its schema (both listed by GET /api/agent-types). \`payload\` is a JSON object of at most ${MAX_EVENT_PAYLOAD_BYTES} bytes; the stored payload also names a record in \`resource\` and \`id\` (the task, else the poster) unless yours sets them: put a lead's or draft's id in \`payload.id\` to attach the event to its timeline.`,
        tags: ['Events'],
        access: Permission.EmitEvents,
        body: {
          schema: createEventValidator,
          fields: {
            event_type: {
              description: 'For an agent, one its type declares.',
              examples: ['lead.enriched'],
            },
          },
          example: {
            event_type: 'lead.enriched',
            task_id: TASK_ID,
            payload: { id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', fields: ['email', 'phone'] },
          },
        },
        response: {
          status: 201,
          description: 'The stored event.',
          schema: ref('Event'),
          example: event,
        },
        errors: {
          422: 'Invalid or reserved `event_type`, an event type the agent’s type does not declare, a payload that does not match its schema or is over 64 KB, or an unknown `task_id`.',
        },
      },
    },
    '/api/events/types': {
      get: {
        operationId: 'listEventTypes',
        summary: 'List the event types there are',
        description:
          'Every event type recorded so far and every one an agent type declares (recorded yet or not), sorted by name: what a filter on `event_type` can match. `declared_by` names the agent types whose agents may post it (empty for the types the server writes itself).',
        tags: ['Events'],
        access: Permission.ReadRecords,
        response: {
          status: 200,
          description: 'The event types.',
          schema: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'declared_by', 'description', 'recorded'],
              properties: {
                type: { type: 'string' },
                declared_by: { type: 'array', items: { type: 'string' } },
                description: { type: ['string', 'null'] },
                recorded: { type: 'boolean' },
              },
            },
          },
          example: [
            { type: 'draft.approved', declared_by: [], description: null, recorded: true },
            {
              type: 'lead.enriched',
              declared_by: ['researcher'],
              description: 'Fields were added to a lead.',
              recorded: true,
            },
          ],
        },
      },
    },
    '/api/events/{id}': {
      get: {
        operationId: 'getEvent',
        summary: 'Get an event',
        tags: ['Events'],
        access: Permission.ReadRecords,
        path: { id: { ...integerId, description: 'The seq.' } },
        response: { status: 200, description: 'The event.', schema: ref('Event'), example: event },
      },
    },

    '/api/audit': {
      get: {
        operationId: 'listAudit',
        summary: 'List audit entries',
        description:
          'Newest first. There is no write route: the database refuses changes to the audit log.',
        tags: ['Audit'],
        access: Permission.ReadAudit,
        list: AUDIT_LIST,
        response: { status: 200, description: 'A page of entries.', schema: listOf('AuditEntry') },
      },
    },
    '/api/audit/{id}': {
      get: {
        operationId: 'getAuditEntry',
        summary: 'Get an audit entry',
        tags: ['Audit'],
        access: Permission.ReadAudit,
        path: { id: integerId },
        response: { status: 200, description: 'The entry.', schema: ref('AuditEntry') },
      },
    },

    '/api/audit/export.csv': {
      get: {
        operationId: 'exportAuditCsv',
        summary: 'Export audit entries as CSV',
        description:
          "The list's filters, `q` and sort (`_start`/`_end` are ignored: every matching entry is streamed, straight from PostgreSQL). RFC 4180, UTF-8, a header row, the entry's fields in order; `before_state`, `after_state` and `metadata` are JSON text cells (empty for none). A cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`. If the database fails mid-stream the connection is cut, never a truncated file that looks whole. Each export has a database connection of its own; an export that makes no progress for `EXPORT_STALL_SECONDS` (30) — its client stopped reading — is cut the same way.",
        tags: ['Audit'],
        access: Permission.ReadAudit,
        list: AUDIT_LIST,
        paging: false,
        errors: {
          429: 'Too many exports running (`E_TOO_MANY_EXPORTS`): this person already has `EXPORT_MAX_PER_USER` (2), or the instance `EXPORT_MAX_CONCURRENT` (4). `Retry-After` says when to try again.',
        },
        response: {
          status: 200,
          description:
            'The CSV file (`Content-Disposition: attachment; filename="audit-YYYY-MM-DD.csv"`).',
          contentType: 'text/csv',
          schema: { type: 'string' },
          example:
            'id,actor_type,actor_id,action,resource_type,resource_id,before_state,after_state,metadata,created_at\n',
          headers: {
            'Content-Disposition': {
              description: '`attachment; filename="audit-YYYY-MM-DD.csv"` (UTC date).',
              schema: { type: 'string' },
            },
          },
        },
      },
    },
    '/api/audit/export.jsonl': {
      get: {
        operationId: 'exportAuditJsonl',
        summary: 'Export audit entries as JSON Lines',
        description:
          'As the CSV export (same filters, sort, caps and failure rules), one JSON object per line (`\\n`), each the entry as `GET /api/audit/{id}` answers it, states as JSON values. UTF-8, unguarded.',
        tags: ['Audit'],
        access: Permission.ReadAudit,
        list: AUDIT_LIST,
        paging: false,
        errors: {
          429: 'Too many exports running (`E_TOO_MANY_EXPORTS`), as for the CSV export.',
        },
        response: {
          status: 200,
          description:
            'The JSON Lines file (`Content-Disposition: attachment; filename="audit-YYYY-MM-DD.jsonl"`).',
          contentType: 'application/jsonl',
          schema: { type: 'string' },
          headers: {
            'Content-Disposition': {
              description: '`attachment; filename="audit-YYYY-MM-DD.jsonl"` (UTC date).',
              schema: { type: 'string' },
            },
          },
        },
      },
    },

    '/api/replay/board': {
      get: {
        operationId: 'replayBoard',
        summary: 'The board at a moment',
        description:
          'Each task and agent as its latest snapshot at or before `at` showed it; tasks deleted by then are left out. Any other parameter → 422.',
        tags: ['Replay'],
        access: Permission.ReadRecords,
        query: {
          at: {
            schema: { type: 'string', format: 'date-time' },
            description:
              'An ISO 8601 time (UTC when it has no offset), read to the millisecond. Default: now.',
            example: AT,
          },
        },
        response: { status: 200, description: 'The board.', schema: ref('Board') },
      },
    },
    '/api/replay/timeline': {
      get: {
        operationId: 'replayTimeline',
        summary: 'The history of a record',
        description: `Give exactly one of ${['task_id', ...taskLinks.all().map((link) => link.subject)].map((key) => `\`${key}\``).join(', ')} (else 422). Every event, what the plugins record (versions, approvals, ...) and (for admins) audit entry about that record and the records linked to it through tasks, oldest first; \`x-total-count\` is the length.`,
        tags: ['Replay'],
        access: Permission.ReadRecords,
        query: {
          task_id: { schema: uuid() },
          ...Object.fromEntries(taskLinks.all().map((link) => [link.subject, { schema: uuid() }])),
        },
        response: {
          status: 200,
          description: 'The timeline.',
          schema: listOf('TimelineItem'),
          headers: {
            'x-total-count': { description: 'The number of items.', schema: { type: 'integer' } },
          },
        },
      },
    },

    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This OpenAPI document',
        tags: ['Meta'],
        access: 'public',
        noDatabase: true,
        response: {
          status: 200,
          description: 'OpenAPI 3.1, every route of this server (host and enabled plugins).',
          schema: { type: 'object' },
        },
      },
    },
    '/api/docs': {
      get: {
        operationId: 'getApiReference',
        summary: 'API reference (HTML)',
        description: 'This document rendered for people: self-contained, no script.',
        tags: ['Meta'],
        access: 'public',
        noDatabase: true,
        response: {
          status: 200,
          description: 'An HTML page.',
          contentType: 'text/html',
          schema: { type: 'string' },
        },
      },
    },

    '/__transmit/events': {
      get: {
        operationId: 'openEventStream',
        summary: 'Open the event stream (SSE)',
        description:
          'A `text/event-stream` that stays open. Pick a random UUID as `uid` and use it to subscribe: the stream belongs to you, and only you may subscribe, unsubscribe or reopen it (a reconnect with the same `uid` takes it over). Events reach an open stream after they commit, each once and in `seq` order, also across instances and through a Redis outage; after every (re)connect, read `GET /api/events?after=<last seq>`. A ping every 25 s keeps proxies from cutting it; it ends when the instance stops or the caller loses its rights. Node 20 has no EventSource: use the `eventsource` package with a fetch that adds the Authorization header.',
        tags: ['Realtime'],
        access: 'signed_in',
        query: { uid: { schema: uuid(), required: true, description: 'Your client id.' } },
        response: {
          status: 200,
          description: 'The stream; each message is `{channel, payload}` as JSON.',
          contentType: 'text/event-stream',
          schema: { type: 'string' },
        },
        errors: {
          403: 'This `uid` is the open stream of another user or agent (`E_FORBIDDEN`).',
          429: 'The token or session already holds `REALTIME_MAX_STREAMS` (20) open streams (`E_TOO_MANY_STREAMS`, with `Retry-After`).',
        },
      },
    },
    '/__transmit/subscribe': {
      post: {
        operationId: 'subscribe',
        summary: 'Subscribe to a channel',
        description:
          '`events` (every role and agents), `resources/<resource>` (who may read the resource), `agents/<agent id>` (that agent and admins). Allowed while paused.',
        tags: ['Realtime'],
        access: 'signed_in',
        allowedWhilePaused: true,
        body: {
          schema: record({ uid: uuid(), channel: text() }),
          example: { uid: '9d2b1f4e-3c5a-4e6f-8a7b-1c2d3e4f5a6b', channel: `agents/${AGENT_ID}` },
        },
        response: { status: 204, description: 'Subscribed.' },
        errors: {
          403: 'A channel the caller may not follow, or the `uid` of another user or agent’s stream (`E_FORBIDDEN`).',
          404: 'No stream with this `uid` is open (`E_NOT_FOUND`).',
          422: 'No `uid` or `channel`, or an unknown channel.',
          503: 'The stream is on another instance and Redis cannot reach it now (`E_UNAVAILABLE`, `Retry-After`).',
        },
      },
    },
    '/__transmit/unsubscribe': {
      post: {
        operationId: 'unsubscribe',
        summary: 'Unsubscribe from a channel',
        tags: ['Realtime'],
        access: 'signed_in',
        allowedWhilePaused: true,
        body: { schema: record({ uid: uuid(), channel: text() }) },
        response: { status: 204, description: 'Unsubscribed.' },
        errors: {
          403: 'The `uid` of another user or agent’s stream (`E_FORBIDDEN`).',
          404: 'No stream with this `uid` is open (`E_NOT_FOUND`).',
          503: 'The stream is on another instance and Redis cannot reach it now (`E_UNAVAILABLE`, `Retry-After`).',
        },
      },
    },
  },
})
