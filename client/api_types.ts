/**
 * The API's types, generated from its OpenAPI document (GET /api/openapi.json)
 * with every plugin, by openapi-typescript. Do not edit: run `npm run types:generate`.
 * Alias what you need: `type Task = components['schemas']['Task']`.
 */

export interface paths {
  '/api/health': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Health check
     * @description Public: no credentials needed.
     */
    get: operations['getHealth']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/login': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Log in (session)
     * @description Public: no credentials needed.
     *
     *     Sets the HttpOnly session cookie `mc_session` and the `XSRF-TOKEN` cookie. The email is case-insensitive. After 5 failures within a minute for an IP and email, that pair is blocked for 15 minutes (429).
     */
    post: operations['login']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/logout': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Log out
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Ends the session; with a personal token, revokes that token.
     */
    post: operations['logout']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Who am I
     * @description **Who:** every role and agents.
     */
    get: operations['getMe']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Change my password
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Checks the current password (failed attempts are throttled like logins), then sets the new one: at least 12 characters and not easy to guess (common passwords, words, repeats, sequences and your e-mail are refused: 422 `strongPassword`). Every other session and personal token of yours ends; the session or token you send this with keeps working.
     */
    post: operations['changeMyPassword']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/tokens': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * My personal tokens
     * @description **Who:** admin, operator, closer, viewer.
     */
    get: operations['listMyTokens']
    put?: never
    /**
     * Create a personal token
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     For scripts. Expires after 90 days.
     */
    post: operations['createMyToken']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/tokens/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Revoke a personal token
     * @description **Who:** admin, operator, closer, viewer.
     */
    delete: operations['revokeMyToken']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List users
     * @description **Who:** admin (permission `users.read`).
     */
    get: operations['listUsers']
    put?: never
    /**
     * Create a user
     * @description **Who:** admin (permission `users.manage`).
     */
    post: operations['createUser']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/users/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a user
     * @description **Who:** admin (permission `users.read`).
     */
    get: operations['getUser']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Update a user
     * @description **Who:** admin (permission `users.manage`).
     *
     *     Deactivating (`is_active: false`) revokes every token and session at once. There is no DELETE: deactivate instead.
     */
    patch: operations['updateUser']
    trace?: never
  }
  '/api/tasks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List tasks
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['listTasks']
    put?: never
    /**
     * Create a task
     * @description **Who:** admin, operator, agent (permission `tasks.write`). Agents only when their type declares the ability `tasks.write`.
     *
     *     Defaults: column `backlog`, priority `med`, owner_type `admin`. Only an admin creates one straight into `done`.
     */
    post: operations['createTask']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/tasks/bulk-actions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Act on many tasks at once
     * @description **Who:** admin, operator, agent (permission `tasks.write`). Agents only when their type declares the ability `tasks.write`.
     *
     *     One action over the cards a person ticked (`ids`, at most 500): `move` to a `column` or `set_priority` (whoever may write tasks), or `delete` (`tasks.finish`: admins). Each card is checked as if it were changed alone: a move the board does not allow from its column (`E_INVALID_TRANSITION`), or into or out of `done` by someone who is not an admin (`E_FORBIDDEN`), leaves that card as it is and lists it in `refused`, like an id that matches no task (`E_NOT_FOUND`); the other cards change, all in one transaction. Each changed card gets its own event (`task.moved`, `task.updated`, `task.deleted`, with its snapshot) and audit row, as when changed alone, so the board's replay and every open board follow it; every one carries the action's id as `payload.bulk_id`. Agents: the same abilities, pause rule (423) and rate limits; a request counts as one write.
     */
    post: operations['actOnTasks']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/tasks/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a task
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getTask']
    put?: never
    post?: never
    /**
     * Delete a task
     * @description **Who:** admin (permission `tasks.finish`).
     */
    delete: operations['deleteTask']
    options?: never
    head?: never
    /**
     * Update or move a task
     * @description **Who:** admin, operator, agent (permission `tasks.write`). Agents only when their type declares the ability `tasks.write`.
     *
     *     Moving a card is `{"column":"doing"}`. Allowed moves: backlog → doing, done; doing → backlog, needs_approval, done; needs_approval → doing, backlog, done; done → backlog, doing. Moving into or out of `done` needs an admin; `done` stamps `done_at`.
     */
    patch: operations['updateTask']
    trace?: never
  }
  '/api/tasks/{id}/claim': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Claim a task
     * @description **Who:** admin, operator, agent (permission `tasks.write`). Agents only when their type declares the ability `tasks.write`.
     *
     *     The caller becomes the owner (an agent: `owner_type` agent; a person: `admin`). Of two claims at once exactly one wins. Claiming a task you own changes nothing; a task someone else owns answers 409 naming the owner (an admin reassigns it with PATCH).
     */
    post: operations['claimTask']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List agents
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['listAgents']
    put?: never
    /**
     * Create an agent
     * @description **Who:** admin (permission `agents.control`).
     *
     *     The `type` must be an agent type an enabled plugin declares (GET /api/agent-types); `metadata.settings`, when given, is checked against that type’s settings schema.
     */
    post: operations['createAgent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The calling agent and its controls
     * @description **Who:** agent.
     *
     *     Poll this (or listen on `agents/<id>`) to learn when a paused agent may write again.
     */
    get: operations['getAgentSelf']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/me/heartbeat': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Heartbeat
     * @description **Who:** agent.
     *
     *     Reports that the agent is alive and what it is doing; allowed while paused. Answers with the controls, so an agent learns here that it must stop writing. An agent without a heartbeat for 120 s is shown as stale.
     */
    post: operations['heartbeat']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an agent
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getAgent']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/pause': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Pause an agent
     * @description **Who:** admin (permission `agents.control`).
     *
     *     Its writes get 423 until resumed; it gets a `pause` control message at once.
     */
    post: operations['pauseAgent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/resume': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Resume an agent
     * @description **Who:** admin (permission `agents.control`).
     *
     *     Undoes pause and kill (the global pause, if on, still holds it).
     */
    post: operations['resumeAgent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/kill': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Kill an agent
     * @description **Who:** admin (permission `agents.control`).
     *
     *     Sets status `blocked`: the agent must stop; its writes get 423 until resumed.
     */
    post: operations['killAgent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/tokens': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List an agent's tokens
     * @description **Who:** admin (permission `agents.tokens`).
     */
    get: operations['listAgentTokens']
    put?: never
    /**
     * Mint an agent token
     * @description **Who:** admin (permission `agents.tokens`).
     *
     *     Its abilities are those the agent's type declares. Also: `node ace agent:token <agent name>`.
     */
    post: operations['createAgentToken']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/tokens/{token_id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Revoke an agent token
     * @description **Who:** admin (permission `agents.tokens`).
     */
    delete: operations['revokeAgentToken']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agent-types': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List agent types
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Every agent type the enabled plugins declare, with the JSON Schemas of their settings and event payloads.
     */
    get: operations['listAgentTypes']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agent-types/{name}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an agent type
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getAgentType']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/system/controls': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The global pause
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getSystemControls']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/system/pause': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Pause every agent
     * @description **Who:** admin (permission `agents.control`).
     *
     *     Every agent write (heartbeat aside) gets 423 until resumed; every agent channel gets `global_pause`.
     */
    post: operations['pauseAll']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/system/resume': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * End the global pause
     * @description **Who:** admin (permission `agents.control`).
     */
    post: operations['resumeAll']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List events, or catch up after a seq
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     The list dialect, newest first. With `after=<seq>`: the reconnect backfill, events with `id > seq` in ascending order, at most 1000 a call (default page `_start=0&_end=1000`); `x-total-count` counts every event after `seq`, so while it is larger than the page, ask again with `after=<last id>`. With `after`, `_sort`/`_order` other than `id`/`asc` → 422.
     */
    get: operations['listEvents']
    put?: never
    /**
     * Post a progress event
     * @description **Who:** admin, operator, agent (permission `events.emit`). Agents only when their type declares the ability `events.emit`.
     *
     *     `event_type` is lowercase words joined by dots (`lead.enriched`). Refused (422, rule `reserved`): the namespaces the server writes itself (`task.`, `agent.`, `user.`, `system.`, `auth.`, `audit.`) and the verbs `.created`, `.updated`, `.deleted`. An agent posts only the event types its type declares, and a declared type's payload must match its schema (both listed by GET /api/agent-types). `payload` is a JSON object of at most 65536 bytes; the stored payload also names a record in `resource` and `id` (the task, else the poster) unless yours sets them: put a lead's or draft's id in `payload.id` to attach the event to its timeline.
     *
     *     Event types the agent types declare:
     *
     *     - `draft.written` (copywriter): A first version of a draft was written. Payload: [EventPayload.draft.written](#schema-eventpayload-draft-written).
     *     - `draft.revised` (copywriter): A draft got a new version, after changes were requested or on its own. Payload: [EventPayload.draft.revised](#schema-eventpayload-draft-revised).
     *     - `lead.enriched` (enricher): A lead was completed; `fields` lists what was filled in. Payload: [EventPayload.lead.enriched](#schema-eventpayload-lead-enriched).
     *     - `lead.enrichment_failed` (enricher): A lead could not be completed, and why. Payload: [EventPayload.lead.enrichment_failed](#schema-eventpayload-lead-enrichment-failed).
     *     - `lead.search_started` (lead_finder): A search for businesses of a niche in a region began. Payload: [EventPayload.lead.search_started](#schema-eventpayload-lead-search-started).
     *     - `lead.found` (lead_finder): A business was found and added as a lead. Payload: [EventPayload.lead.found](#schema-eventpayload-lead-found).
     *     - `lead.search_finished` (lead_finder): A search ended; `found` leads were added. Payload: [EventPayload.lead.search_finished](#schema-eventpayload-lead-search-finished).
     *     - `goal.planned` (orchestrator): A goal was split into tasks on the board. Payload: [EventPayload.goal.planned](#schema-eventpayload-goal-planned).
     *     - `work.assigned` (orchestrator): A task was handed to an agent of the crew. Payload: [EventPayload.work.assigned](#schema-eventpayload-work-assigned).
     */
    post: operations['emitEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/events/types': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List the event types there are
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Every event type recorded so far and every one an agent type declares (recorded yet or not), sorted by name: what a filter on `event_type` can match. `declared_by` names the agent types whose agents may post it (empty for the types the server writes itself).
     */
    get: operations['listEventTypes']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/events/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an event
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getEvent']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List audit entries
     * @description **Who:** admin (permission `audit.read`).
     *
     *     Newest first. There is no write route: the database refuses changes to the audit log.
     */
    get: operations['listAudit']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an audit entry
     * @description **Who:** admin (permission `audit.read`).
     */
    get: operations['getAuditEntry']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit/export.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Export audit entries as CSV
     * @description **Who:** admin (permission `audit.read`).
     *
     *     The list's filters, `q` and sort (`_start`/`_end` are ignored: every matching entry is streamed, straight from PostgreSQL). RFC 4180, UTF-8, a header row, the entry's fields in order; `before_state`, `after_state` and `metadata` are JSON text cells (empty for none). A cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`. If the database fails mid-stream the connection is cut, never a truncated file that looks whole. Each export has a database connection of its own; an export that makes no progress for `EXPORT_STALL_SECONDS` (30) — its client stopped reading — is cut the same way.
     */
    get: operations['exportAuditCsv']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit/export.jsonl': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Export audit entries as JSON Lines
     * @description **Who:** admin (permission `audit.read`).
     *
     *     As the CSV export (same filters, sort, caps and failure rules), one JSON object per line (`\n`), each the entry as `GET /api/audit/{id}` answers it, states as JSON values. UTF-8, unguarded.
     */
    get: operations['exportAuditJsonl']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/replay/board': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The board at a moment
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Each task and agent as its latest snapshot at or before `at` showed it; tasks deleted by then are left out. Any other parameter → 422.
     */
    get: operations['replayBoard']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/replay/timeline': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The history of a record
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Give exactly one of `task_id`, `lead_id`, `draft_id` (else 422). Every event, what the plugins record (versions, approvals, ...) and (for admins) audit entry about that record and the records linked to it through tasks, oldest first; `x-total-count` is the length.
     */
    get: operations['replayTimeline']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/openapi.json': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * This OpenAPI document
     * @description Public: no credentials needed.
     */
    get: operations['getOpenApi']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/docs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * API reference (HTML)
     * @description Public: no credentials needed.
     *
     *     This document rendered for people: self-contained, no script.
     */
    get: operations['getApiReference']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/__transmit/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Open the event stream (SSE)
     * @description **Who:** every role and agents.
     *
     *     A `text/event-stream` that stays open. Pick a random UUID as `uid` and use it to subscribe: the stream belongs to you, and only you may subscribe, unsubscribe or reopen it (a reconnect with the same `uid` takes it over). Events reach an open stream after they commit, each once and in `seq` order, also across instances and through a Redis outage; after every (re)connect, read `GET /api/events?after=<last seq>`. A ping every 25 s keeps proxies from cutting it; it ends when the instance stops or the caller loses its rights. Node 20 has no EventSource: use the `eventsource` package with a fetch that adds the Authorization header.
     */
    get: operations['openEventStream']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/__transmit/subscribe': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Subscribe to a channel
     * @description **Who:** every role and agents.
     *
     *     `events` (every role and agents), `resources/<resource>` (who may read the resource), `agents/<agent id>` (that agent and admins). Allowed while paused.
     */
    post: operations['subscribe']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/__transmit/unsubscribe': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Unsubscribe from a channel
     * @description **Who:** every role and agents.
     */
    post: operations['unsubscribe']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List webhook subscriptions
     * @description **Who:** admin (permission `webhooks.manage`).
     */
    get: operations['listWebhooks']
    put?: never
    /**
     * Subscribe a URL
     * @description **Who:** admin (permission `webhooks.manage`).
     *
     *     Answers with the new `secret`. The URL is checked (http or https, no credentials, a public address unless `WEBHOOK_ALLOW_PRIVATE_TARGETS=true`): 422 on `url` otherwise.
     */
    post: operations['createWebhook']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a webhook subscription
     * @description **Who:** admin (permission `webhooks.manage`).
     */
    get: operations['getWebhook']
    put?: never
    post?: never
    /**
     * Delete a webhook subscription
     * @description **Who:** admin (permission `webhooks.manage`).
     *
     *     Its deliveries go with it.
     */
    delete: operations['deleteWebhook']
    options?: never
    head?: never
    /**
     * Change a webhook subscription
     * @description **Who:** admin (permission `webhooks.manage`).
     *
     *     `enabled: false` pauses it (its deliveries wait); `rotate_secret: true` replaces the secret at once.
     */
    patch: operations['updateWebhook']
    trace?: never
  }
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List a subscription’s deliveries
     * @description **Who:** admin (permission `webhooks.manage`).
     */
    get: operations['listWebhookDeliveries']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}/test': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Send a test
     * @description **Who:** admin (permission `webhooks.manage`).
     *
     *     Queues a `webhook.test` message for this URL only, sent like any delivery.
     */
    post: operations['testWebhook']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}/deliveries/{delivery_id}/redeliver': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Redeliver
     * @description **Who:** admin (permission `webhooks.manage`).
     *
     *     A delivered or failed delivery is sent again, with a fresh retry schedule and the same `webhook-id`.
     */
    post: operations['redeliverWebhook']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List my notifications
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     `unread=true` for the unread ones. Newest first.
     */
    get: operations['listNotifications']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications/unread-count': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Count my unread notifications
     * @description **Who:** admin, operator, closer, viewer.
     */
    get: operations['countUnreadNotifications']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Mark one as read
     * @description **Who:** admin, operator, closer, viewer.
     */
    post: operations['readNotification']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications/read-all': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Mark all as read
     * @description **Who:** admin, operator, closer, viewer.
     */
    post: operations['readAllNotifications']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications/preferences': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * What I receive
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Every kind your role is notified of, with your channels for each (default: the bell only, at once).
     */
    get: operations['getNotificationPreferences']
    /**
     * Change what I receive
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     The kinds it lists and the Slack URL, if given; the rest is kept. A private Slack URL is refused like a webhook target.
     */
    put: operations['updateNotificationPreferences']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/rate-limits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List rate limits
     * @description **Who:** admin (permission `rate_limits.manage`).
     *
     *     The defaults, the store that counts, and every type’s and agent’s own limits.
     */
    get: operations['listRateLimits']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/rate-limits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an agent’s rate limits
     * @description **Who:** admin (permission `rate_limits.manage`).
     */
    get: operations['getAgentRateLimits']
    /**
     * Set an agent’s own rate limits
     * @description **Who:** admin (permission `rate_limits.manage`).
     */
    put: operations['setAgentRateLimits']
    post?: never
    /**
     * Clear an agent’s own rate limits
     * @description **Who:** admin (permission `rate_limits.manage`).
     *
     *     The agent inherits its type’s limits (or the defaults) again.
     */
    delete: operations['clearAgentRateLimits']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agent-types/{name}/rate-limits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Set an agent type’s rate limits
     * @description **Who:** admin (permission `rate_limits.manage`).
     *
     *     For every agent of the type that has no value of its own.
     */
    put: operations['setAgentTypeRateLimits']
    post?: never
    /**
     * Clear an agent type’s rate limits
     * @description **Who:** admin (permission `rate_limits.manage`).
     *
     *     Its agents get the defaults again (unless they have values of their own).
     */
    delete: operations['clearAgentTypeRateLimits']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/me/usage': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Report what a step cost
     * @description **Who:** agent.
     *
     *     One usage report, added to every budget that covers the agent. Allowed while paused (the money is spent either way). When it brings a budget to its limit the agent is paused (`agent.paused` by the system, with the reason).
     */
    post: operations['reportUsage']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/me/budget': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The budgets that cover me
     * @description **Who:** agent.
     */
    get: operations['getMyBudget']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/me/reservations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List my reservations
     * @description **Who:** agent.
     */
    get: operations['listMyReservations']
    put?: never
    /**
     * Reserve budget before an expensive step
     * @description **Who:** agent.
     *
     *     Holds `cost_usd` (and `tokens`) against every budget that covers the agent until it is settled or expires (`ttl_seconds`, 600 by default). Parallel reservations never add up past a limit. When it does not fit: 423 `E_AGENT_OVER_BUDGET`, nothing is held, and the agent is paused until an admin resumes it.
     */
    post: operations['reserveBudget']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/me/reservations/{id}/settle': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Settle a reservation with what the step cost
     * @description **Who:** agent.
     *
     *     Releases the hold and records the actual usage (a usage report). Allowed while paused. A reservation that expired still records the usage.
     */
    post: operations['settleReservation']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/agents/{id}/budgets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The budgets that cover an agent
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['listAgentBudgets']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/budgets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List budgets
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['listBudgets']
    put?: never
    /**
     * Set a budget
     * @description **Who:** admin (permission `budgets.manage`).
     *
     *     One per scope and period (409 `E_DUPLICATE` otherwise, with `existing_id`). Give `limit_usd`, `limit_tokens` or both. A budget set mid-period counts what its scope already spent in it.
     */
    post: operations['createBudget']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/budgets/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a budget
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getBudget']
    put?: never
    post?: never
    /**
     * Remove a budget
     * @description **Who:** admin (permission `budgets.manage`).
     */
    delete: operations['deleteBudget']
    options?: never
    head?: never
    /**
     * Change a budget’s limits
     * @description **Who:** admin (permission `budgets.manage`).
     *
     *     Applies to the next reservation at once. `null` removes a limit (one must stay).
     */
    patch: operations['updateBudget']
    trace?: never
  }
  '/api/usage': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List usage reports
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['listUsage']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/usage/series': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Spend over time
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Sums per hour or day (in BUDGET_TIME_ZONE), overall, for one agent, or per agent. At most 800 buckets; any other parameter → 422.
     */
    get: operations['usageSeries']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/saved-views': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List my views and the shared ones
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Your own views and the views others share on lists your role may read (`resource=tasks` for one list).
     */
    get: operations['listSavedViews']
    put?: never
    /**
     * Save a view
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Names the current state of a list. 403 when your role may not read that list; 422 when you already have a view of that name on it.
     */
    post: operations['createSavedView']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/saved-views/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a view
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Yours, or a shared one of a list you may read; any other answers 404.
     */
    get: operations['getSavedView']
    put?: never
    post?: never
    /**
     * Delete a view
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     The owner, or an admin (`saved_views.manage`).
     */
    delete: operations['deleteSavedView']
    options?: never
    head?: never
    /**
     * Change a view
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     The owner only (403 for anyone else); `shared` shares it or takes it back.
     */
    patch: operations['updateSavedView']
    trace?: never
  }
  '/api/auth/preferences': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get my preferences
     * @description **Who:** admin, operator, closer, viewer.
     */
    get: operations['getPreferences']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change my preferences
     * @description **Who:** admin, operator, closer, viewer.
     *
     *     Only the fields sent change. Recorded (`user.preferences_updated`).
     */
    patch: operations['updatePreferences']
    trace?: never
  }
  '/api/summary': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The Home’s numbers in one answer
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getSummary']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import leads from a CSV file
     * @description **Who:** admin, operator, closer, agent (permission `leads.import`). Agents only when their type declares the ability `leads.import` or `leads.write`.
     *
     *     The file is the body (`Content-Type: text/csv`), or the `file` field of a `multipart/form-data` form; it streams into the database as it arrives (no size limit, memory stays flat). UTF-8, with or without a BOM; RFC 4180 quoting (commas, quotes and line breaks inside quotes); the first row names the columns (at most 200). Options are query parameters. The answer comes once the import is done (201, the import record); follow a long one with `GET /api/leads/imports/{id}` using an `id` you chose. Rows are checked with the rules of `POST /api/leads` (lengths, required fields, enums, the website pattern, the e-mail rule); text is trimmed. In a CSV an empty cell is an absent field: empty optional fields are stored as null, and fields with a default take it (`source` import, `lead_score` C, `status` new). `notes`: one note per line (a leading "•" is dropped, blank lines too), as the export writes them. A cell the leads export guarded against formulas (`'=`, `'+`, `'-`, `'@`) is read without its apostrophe. Duplicates follow the rule of single creates (the normalized website and e-mail), against the leads already there and within the file: rows are taken in file order, so of two rows with the same website or e-mail the first is imported. Rows on the do-not-contact list are refused (`suppressed`). Valid rows are imported, the others kept with their reason (`GET /api/leads/imports/{id}/rejected.csv`); the import is recorded once: one `lead.imported` event and one audit row with the counts and the file name. A file that is not UTF-8, or a quote left open, fails the import whole (422, nothing imported; its record says why). The mapping is remembered for this person, by column header.
     */
    post: operations['importLeads']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/import/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Preview a CSV file and the mapping its import would use
     * @description **Who:** admin, operator, closer, agent (permission `leads.import`). Agents only when their type declares the ability `leads.import` or `leads.write`.
     *
     *     The start of the file as the body (`text/csv`, at most 1 MB; `?partial=true` when it was cut anywhere: the unfinished last row is left out). Writes nothing.
     */
    post: operations['previewLeadImport']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/imports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List past and running imports
     * @description **Who:** admin, operator, closer, agent (permission `leads.import`). Agents only when their type declares the ability `leads.import` or `leads.write`.
     *
     *     Newest first: the caller’s own imports; admins (who read the audit log) see everyone’s. An import whose server stopped mid-way shows `failed`. Each done import with refused rows links its rejected rows (`rejected_csv`).
     */
    get: operations['listLeadImports']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/imports/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an import (status, counts, progress)
     * @description **Who:** admin, operator, closer, agent (permission `leads.import`). Agents only when their type declares the ability `leads.import` or `leads.write`.
     *
     *     Poll it while the import runs (its numbers are written every second). Its creator and admins may read it; for anyone else it does not exist (404). An import whose server stopped mid-way shows `failed`.
     */
    get: operations['getLeadImport']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/imports/{id}/rejected.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download the rows an import refused
     * @description **Who:** admin, operator, closer, agent (permission `leads.import`). Agents only when their type declares the ability `leads.import` or `leads.write`.
     *
     *     CSV (UTF-8): `row` (its number in the file, the header being row 1), `reason` (`invalid`, `duplicate`, `duplicate_in_file`, `suppressed`), `message` (every refused field, or the lead or row it duplicates, or the do-not-contact entry), then the row's cells under the file's own headers. A cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` (the import reads it back without). Streamed on an export connection (the export's limits apply).
     */
    get: operations['getLeadImportRejections']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List leads
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Newest first by default. `status_gte=contacted` means contacted or further in the funnel. A raw comma in a value separates several values (`status=new,lost`): encode a comma that belongs to the value.
     */
    get: operations['listLeads']
    put?: never
    /**
     * Create a lead
     * @description **Who:** admin, operator, agent (permission `leads.write`). Agents only when their type declares the ability `leads.write`.
     *
     *     Defaults: `source` manual, `lead_score` C, `status` new, `notes` []. Text is trimmed; an empty optional field is stored as null; unknown fields are ignored.
     */
    post: operations['createLead']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/bulk': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Create many leads
     * @description **Who:** admin, operator, agent (permission `leads.write`). Agents only when their type declares the ability `leads.write`.
     *
     *     Up to 1000 leads in one request (more: 413 `E_TOO_MANY_ROWS`; the body is at most 1 MB as everywhere, so send fewer when they carry long notes). Each row is checked as `POST /api/leads` checks one: the same validation and defaults, the duplicate rule (normalized website or e-mail) against the table **and** against the earlier rows of the request (the first one wins), and the do-not-contact list. The rows that pass are created by one statement; the others are refused with their reason. The answer is 200 whatever each row’s fate, with a result per row in input order and the totals. The whole request is ONE recorded change: one `lead.bulk_created` event and audit row with the counts and the created ids (none when nothing was created). Same roles, abilities, pause rule (423) and rate limits as creating one lead: a request counts as one write.
     */
    post: operations['createLeadsBulk']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/bulk-actions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Act on many leads at once
     * @description **Who:** admin, operator, closer, agent (permission `leads.write_follow_up`). Agents only when their type declares the ability `leads.write_follow_up` or `leads.write`.
     *
     *     One action over the rows a person ticked (`ids`, at most 1000) or over every lead the list's filters match when it runs (`filter`: the query parameters of `GET /api/leads` as an object, `q` and `suppressed` included; paging and sort are ignored), at most 10,000 leads (more: 422 `E_SELECTION_TOO_LARGE`, nothing changed). `set_status` (stamps `last_action_at`, as a single status change does) and `set_next_step` (null clears it): whoever may update leads, closers included. `delete`: `leads.delete` (admins); linked tasks lose their link, each with its own event, as when one lead is deleted. Send the count you showed as `expected_count` (required for a `delete` by `filter`: 422 without it): when the selection now holds another number, nothing is changed (409 `E_SELECTION_CHANGED`, `matched` says how many). The action is ONE recorded change: a `lead.bulk_status_changed`, `lead.bulk_next_step_set` or `lead.bulk_deleted` event with the counts, and one audit row whose before/after keep the ids with their previous values (the whole rows for a delete). Agents: the same abilities, pause rule (423) and rate limits; a request counts as one write.
     */
    post: operations['actOnLeads']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/suppressions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List the do-not-contact entries
     * @description **Who:** admin (permission `leads.suppress`).
     */
    get: operations['listSuppressions']
    put?: never
    /**
     * Add a do-not-contact entry
     * @description **Who:** admin (permission `leads.suppress`).
     *
     *     An e-mail address, or a domain (`acme.com`; `@acme.com` and a URL give the same). From then on, a lead it covers cannot be created (409 `E_SUPPRESSED`), bulk-created or imported (a refused row); existing ones are flagged (`suppressed`), left out of the CSV export unless asked for, and their drafts cannot be approved.
     */
    post: operations['createSuppression']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/suppressions/bulk': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Add many do-not-contact entries
     * @description **Who:** admin (permission `leads.suppress`).
     *
     *     A pasted or uploaded list, up to 10000 values (one per item; the admin splits lines, commas and spaces). Each value is checked on its own: `created`, `existing` (already on the list, or earlier in this one: its entry), or `refused` with the reason. One recorded change (`suppression.bulk_created`, with the counts); none when nothing was added.
     */
    post: operations['createSuppressionsBulk']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/suppressions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Remove a do-not-contact entry
     * @description **Who:** admin (permission `leads.suppress`).
     *
     *     The leads it covered are no longer suppressed (unless another entry covers them).
     */
    delete: operations['deleteSuppression']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/export.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Export leads as CSV
     * @description **Who:** admin, operator, closer (permission `leads.export`).
     *
     *     The list’s filters, `q` and sort (`_start`/`_end` are ignored: every matching row is streamed). RFC 4180, UTF-8, a header row, the record’s columns in order; a text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`; `notes` is one cell, a bullet per line. If the database fails mid-stream the connection is cut, never a truncated file that looks whole. Each export has a database connection of its own (never the one requests use); an export that makes no progress for `EXPORT_STALL_SECONDS` (30) — its client stopped reading — is cut the same way.
     */
    get: operations['exportLeads']
    put?: never
    /**
     * Export the selected leads as CSV
     * @description **Who:** admin, operator, closer (permission `leads.export`).
     *
     *     The rows a person ticked (`ids`, at most 1000: more than a URL carries), written as `GET /api/leads/export.csv` writes them, in the list's default order. Leads on the do-not-contact list are left out unless `include_suppressed` is true. Same caps and stall rule as the export of a filter.
     */
    post: operations['exportSelectedLeads']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/leads/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a lead
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getLead']
    put?: never
    post?: never
    /**
     * Delete a lead
     * @description **Who:** admin (permission `leads.delete`).
     *
     *     Unlinks the tasks linked to it.
     */
    delete: operations['deleteLead']
    options?: never
    head?: never
    /**
     * Update a lead
     * @description **Who:** admin, operator, closer, agent (permission `leads.write_follow_up`). Agents only when their type declares the ability `leads.write_follow_up` or `leads.write`.
     *
     *     Changes the fields it names (`notes` replaces the whole list); a PATCH that changes nothing writes nothing. Closers may send only `status`, `next_step` and `notes`.
     */
    patch: operations['updateLead']
    trace?: never
  }
  '/api/drafts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List drafts
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Newest change first. `overdue=true` keeps drafts waiting past the approval SLA.
     */
    get: operations['listDrafts']
    put?: never
    /**
     * Create a draft
     * @description **Who:** admin, operator, agent (permission `drafts.write`). Agents only when their type declares the ability `drafts.write`.
     *
     *     Creates version 1 with status `draft`.
     */
    post: operations['createDraft']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/drafts/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get a draft
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getDraft']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/drafts/{id}/versions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List the versions of a draft
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Oldest first.
     */
    get: operations['listDraftVersions']
    put?: never
    /**
     * Add a version
     * @description **Who:** admin, operator, agent (permission `drafts.write`). Agents only when their type declares the ability `drafts.write`.
     *
     *     `base_version` is the version your change starts from: it must be the current one, so two writers never overwrite each other silently.
     */
    post: operations['addDraftVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/drafts/{id}/feedback': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Read the reviewers’ feedback on a draft
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Every decision on the draft, newest first: the notes of `request_changes`, `approve_with_notes` and `reject`, and an inline edit as a unified diff against the agent’s version. People who may read drafts may read it; of the agents, only the one that wrote the draft (another agent gets 403). The author also receives each decision as a `feedback` message on its channel `agents/<id>`.
     */
    get: operations['getDraftFeedback']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/drafts/{id}/submit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Submit for approval
     * @description **Who:** admin, operator, agent (permission `drafts.write`). Agents only when their type declares the ability `drafts.write`.
     *
     *     Moves the draft (and its linked task) to `needs_approval`. When the approval policy of the author’s agent type and the draft’s kind is `auto_approve` and the author’s record qualifies (and its autonomy is not revoked), the system approves it in the same transaction: the answer is then the approved draft, and the approval (`auto: true`) names the policy and the evidence.
     */
    post: operations['submitDraft']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/drafts/{id}/decision': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Decide a draft
     * @description **Who:** admin (permission `drafts.decide`).
     *
     *     Only from `needs_approval`, on the current `version`. `approve` and `approve_with_notes` (notes required) → approved; `reject` → rejected (linked tasks to `done`: decided, nothing waits for an admin); `request_changes` (notes required) → back to `draft` (linked tasks to `doing`); `edit_inline_approve` (content required) → a new version by the admin, then approved. Each decision writes one approval. Of two admins deciding at once, one succeeds and the other gets 409. In a kind whose policy needs two admins, an approval that is not the second by another admin is recorded and the draft keeps waiting (`approvals_given` of `approvals_required`); the same admin approving the same version again gets 409 `E_SAME_APPROVER`; a rejection or a request for changes decides at once. A rejection, a request for changes or an inline edit of a draft whose author held autonomy demotes that agent (its record restarts).
     */
    post: operations['decideDraft']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/drafts/bulk-decisions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Decide many drafts at once
     * @description **Who:** admin (permission `drafts.decide`).
     *
     *     One decision (`approve`, `reject`, or `request_changes` with `notes`) on up to 100 drafts, each named with the `version` the admin saw. Each draft is decided exactly as `POST /api/drafts/{id}/decision` would decide it alone: its own transaction, approval, event and audit row, linked task moved, author told. A draft that decision would refuse (not waiting, decided meanwhile: `E_ALREADY_DECIDED`; a newer version: `E_STALE_VERSION`; its lead on the do-not-contact list, for `approve`; an unknown id: `E_NOT_FOUND`) is left as it is and reported with that code; the others are decided. If the database fails part way, what was decided is reported and the draft that failed and the rest come back `E_NOT_DECIDED`, to send again. Inline edits and notes per draft stay in the inbox.
     */
    post: operations['decideDrafts']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/approvals': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List approvals
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     An agent lists the decisions on the drafts it wrote only. Approvals of approval policies are here too (`auto: true`, `decided_by` null, with `policy` and `evidence`); `auto=true` lists them alone.
     */
    get: operations['listApprovals']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/approvals/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get an approval
     * @description **Who:** every role and agents (permission `records.read`).
     */
    get: operations['getApproval']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/approval-policies': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List approval policies
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Per agent type and draft kind. Where a type and kind have none, the type’s `any` policy applies, else always ask.
     */
    get: operations['listApprovalPolicies']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/approval-policies/{agent_type}/{channel}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Get the policy of an agent type and a kind
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Exactly this scope: `any` is the type’s policy for every other kind.
     */
    get: operations['getApprovalPolicy']
    /**
     * Set the policy of an agent type and a kind
     * @description **Who:** admin (permission `drafts.manage_autonomy`).
     *
     *     The whole policy (thresholds not sent take their defaults: 20 decisions, 0.9 clean, no rejection in the last 10, one admin). 201 when it is new, 200 when it replaced one. A kind that needs two admins (`required_approvals: 2`) must be `always_ask`.
     */
    put: operations['putApprovalPolicy']
    post?: never
    /**
     * Remove the policy of an agent type and a kind
     * @description **Who:** admin (permission `drafts.manage_autonomy`).
     *
     *     Drafts of that type and kind fall back to the type’s `any` policy, else always ask.
     */
    delete: operations['deleteApprovalPolicy']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/autonomy/{agent_id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * An agent’s record and autonomy
     * @description **Who:** every role and agents (permission `records.read`).
     *
     *     Computed from its drafts and the human decisions on them, since its last demotion: outcomes, clean approvals and rate, notes, inline edits and how much they changed its text, changes requested, rejections; its state (demoted, revoked); and how it stands against each policy of its type.
     */
    get: operations['getAgentAutonomy']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/autonomy/{agent_id}/revoke': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Revoke an agent’s autonomy
     * @description **Who:** admin (permission `drafts.manage_autonomy`).
     *
     *     At once: every later draft of the agent waits for an admin, whatever its record, until an admin restores it. Recorded (`autonomy.revoked`).
     */
    post: operations['revokeAgentAutonomy']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/autonomy/{agent_id}/restore': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Restore an agent’s autonomy
     * @description **Who:** admin (permission `drafts.manage_autonomy`).
     *
     *     Its record decides again. Recorded (`autonomy.restored`).
     */
    post: operations['restoreAgentAutonomy']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: {
    /** @description Every error answer. One entry per problem (per invalid field for 422). */
    'Error': {
      errors: ({
        /** @description For a person to read. */
        message: string
        /** @description The field or parameter at fault. */
        field?: string
        /** @description The validation rule that failed (422). */
        rule?: string
        /** @description Machine-readable: `E_...`. */
        code?: string
      } & {
        [key: string]: unknown
      })[]
    }
    /** @description A person who uses Mission Control. */
    'User': {
      /** Format: uuid */
      id: string
      /**
       * Format: email
       * @description Stored lower-case.
       */
      email: string
      /** @enum {string} */
      role: 'admin' | 'operator' | 'closer' | 'viewer'
      /** @description A deactivated user loses every session and token. */
      is_active: boolean
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    /** @description A card on the board. */
    'Task': {
      /** Format: uuid */
      id: string
      title: string
      description: string
      /** @enum {string} */
      column: 'backlog' | 'doing' | 'needs_approval' | 'done'
      /** @enum {string} */
      priority: 'low' | 'med' | 'high'
      /** @enum {string} */
      owner_type: 'admin' | 'agent'
      /**
       * Format: uuid
       * @description The agent or admin the task is assigned to.
       */
      owner_id: string | null
      /** Format: uuid */
      created_by: string
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /**
       * Format: date-time
       * @description Stamped when the task moves to done.
       */
      done_at: string | null
      /**
       * Format: uuid
       * @description The lead it is about.
       */
      linked_lead_id: string | null
      /**
       * Format: uuid
       * @description The draft it is about.
       */
      linked_draft_id: string | null
    }
    'TaskBulkActionResult': {
      /**
       * Format: uuid
       * @description The action: every event it wrote carries it as `payload.bulk_id`.
       */
      id: string
      /** @enum {string} */
      action: 'move' | 'set_priority' | 'delete'
      /** @description Cards named that exist. */
      matched: number
      /** @description Of those, the cards it changed. */
      changed: number
      /** @description Cards already in that column or of that priority. */
      unchanged: number
      /** @description Cards left as they were, in the order sent, and why. */
      refused: {
        /** Format: uuid */
        id: string
        /** @enum {string} */
        code: 'E_NOT_FOUND' | 'E_INVALID_TRANSITION' | 'E_FORBIDDEN'
        message: string
      }[]
    }
    /** @description An AI agent that works through the API with its own token. */
    'Agent': {
      /** Format: uuid */
      id: string
      /** @description Unique. */
      name: string
      /** @description Its agent type (see GET /api/agent-types). */
      type: string
      /**
       * @description `blocked` after a kill.
       * @enum {string}
       */
      status: 'idle' | 'running' | 'paused' | 'blocked'
      /** Format: uuid */
      current_task_id: string | null
      /** @description Why it is paused or killed: an admin’s reason, or the rule (a budget) that paused it. */
      pause_reason: string | null
      /**
       * Format: date-time
       * @description The last heartbeat.
       */
      last_update_at: string | null
      metadata: {
        [key: string]: unknown
      }
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** @description No heartbeat for longer than AGENT_STALE_SECONDS (120 s by default). */
      stale: boolean
    }
    /** @description Whether the agent may write (it is not paused, killed, or under the global pause). */
    'AgentControls': {
      /** @description Whether the agent may write now, everything considered. */
      paused: boolean
      reason: string | null
    }
    /** @description The calling agent, with its controls. */
    'AgentSelf': {
      controls: components['schemas']['AgentControls']
    } & components['schemas']['Agent']
    /** @description An access token, without its secret. */
    'Token': {
      id: number
      name: string | null
      abilities: string[]
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      last_used_at: string | null
      /** Format: date-time */
      expires_at: string | null
    }
    'NewToken': {
      /** @description The secret, shown in this answer only: send it as `Authorization: Bearer <token>`. */
      token: string
    } & components['schemas']['Token']
    /** @description Who is calling. */
    'Me':
      | {
          /** @constant */
          type: 'user'
          /** Format: uuid */
          id: string
          email: string
          /** @enum {string} */
          role: 'admin' | 'operator' | 'closer' | 'viewer'
          is_active: boolean
          /** @description What the role table lets the caller do (`tasks.write`, ...): see docs/PERMISSIONS.md. */
          permissions: string[]
          /** @description The plugins enabled on this server (`PLUGINS`): the admin shows only their screens. */
          plugins: string[]
        }
      | {
          /** @constant */
          type: 'agent'
          /** Format: uuid */
          id: string
          name: string
          agent_type: string
          /** @enum {string} */
          status: 'idle' | 'running' | 'paused' | 'blocked'
          /** @description What the role table lets the caller do (`tasks.write`, ...): see docs/PERMISSIONS.md. */
          permissions: string[]
          /** @description The plugins enabled on this server (`PLUGINS`): the admin shows only their screens. */
          plugins: string[]
        }
    'GlobalPause': {
      paused: boolean
      reason: string | null
      /** Format: uuid */
      updated_by: string | null
      /** Format: date-time */
      updated_at: string | null
    }
    'SystemControls': {
      global_pause: components['schemas']['GlobalPause']
    }
    /** @description An entry of the domain timeline. Never changed or deleted. */
    'Event': {
      /** @description The `seq` of the realtime envelope. */
      id: number
      /** Format: uuid */
      task_id: string | null
      /** Format: uuid */
      agent_id: string | null
      /** @description `lead.enriched`, `task.moved`, ... */
      event_type: string
      /** @description What happened. Always names its record in `resource` and `id`; task and agent changes carry `snapshot`, moves `from` and `to`. */
      payload: {
        [key: string]: unknown
      }
      /** Format: uuid */
      created_by: string | null
      /** Format: date-time */
      created_at: string
    }
    /** @description One change: who, what, the record before and after. */
    'AuditEntry': {
      id: number
      /** @enum {string} */
      actor_type: 'user' | 'agent' | 'system'
      /** Format: uuid */
      actor_id: string | null
      action: string
      resource_type: string
      resource_id: string
      before_state: {
        [key: string]: unknown
      } | null
      after_state: {
        [key: string]: unknown
      } | null
      /** @description `request_id`, `ip`, `seq` (the id of the event written with it), and more. */
      metadata: {
        request_id?: string | null
        ip?: string | null
        /** @description The id of the event written with it. */
        seq?: number
        /** @description The fields the change touched. */
        changed?: string[]
      } & {
        [key: string]: unknown
      }
      /** Format: date-time */
      created_at: string
    }
    /** @description The board as it stood at a moment, rebuilt from events. */
    'Board': {
      /**
       * Format: date-time
       * @description The moment, normalized to UTC.
       */
      at: string
      /** @description Task snapshots, in board order. */
      tasks: {
        [key: string]: unknown
      }[]
      /** @description Agent snapshots by name, with `stale` as it was then. */
      agents: {
        [key: string]: unknown
      }[]
    }
    /** @description An event (`kind: "event"`: `id`, `seq`, `event_type`, `task_id`, `agent_id`, `created_by`, `payload`), an audit entry (`kind: "audit"`, admins only: `id`, `seq`, `action`, `actor_type`, `actor_id`, `resource_type`, `resource_id`, `before_state`, `after_state`, `metadata`), or an item a plugin adds (`version`, `approval`, ...). */
    'TimelineItem': {
      /** Format: date-time */
      at: string
      kind: string
    } & {
      [key: string]: unknown
    }
    'Health': {
      /** @enum {string} */
      status: 'ok' | 'degraded' | 'down' | 'draining'
      /** @enum {string} */
      db: 'ok' | 'down'
      /** @enum {string} */
      redis: 'ok' | 'down' | 'disabled'
    }
    /** @description An agent type declared by a plugin. */
    'AgentType': {
      name: string
      label: string
      description: string | null
      /** @description The plugin that declares it. */
      plugin: string
      abilities: string[]
      /** @description JSON Schema of `metadata.settings`. */
      settings: Record<string, unknown> | null
      events: {
        /** @description The event type an agent of this type may post. */
        type: string
        description: string | null
        /** @description JSON Schema of its payload. */
        payload: Record<string, unknown>
      }[]
    }
    /** @description A webhook subscription. */
    'Webhook': {
      /** Format: uuid */
      id: string
      /** @description http(s); private and loopback addresses only when the operator allows them. */
      url: string
      description: string | null
      /** @description Exact types (`draft.approved`), prefixes (`draft.*`) or `*`. */
      event_types: string[]
      /** @description Only events about these resources (`tasks`, ...); empty: all. */
      resource_types: string[]
      /**
       * Format: uuid
       * @description Only the events about this agent, and its private messages (`draft.feedback`).
       */
      agent_id: string | null
      /** @description The signing secret (`whsec_...`), for verifying `webhook-signature`. */
      secret: string
      enabled: boolean
      /** Format: uuid */
      created_by: string | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      deliveries: {
        pending: number
        delivered: number
        failed: number
      }
    }
    /** @description One event (or message) for one subscription, and how sending it went. */
    'WebhookDelivery': {
      /** @description Also the `webhook-id` header: `msg_<id>`. */
      id: number
      /** Format: uuid */
      subscription_id: string
      /** @description The event’s `seq`; null for a message of its own. */
      event_seq: number | null
      event_type: string
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed'
      attempts: number
      /**
       * Format: date-time
       * @description While pending: when it is tried next.
       */
      next_attempt_at: string
      /** @description The receiver’s last HTTP status. */
      last_status: number | null
      /** @description The first 2 KB of the receiver’s last answer. */
      last_response: string | null
      /** @description Why the last attempt failed. */
      last_error: string | null
      last_duration_ms: number | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      delivered_at: string | null
    }
    /** @description Something for you to act on. */
    'Notification': {
      id: number
      kind: string
      title: string
      body: string | null
      /** @description The admin path that acts on it. */
      link: string | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      read_at: string | null
    }
    'NotificationPreferences': {
      /** @description Where e-mail goes: your sign-in address. */
      email: string
      /** @description Whether the server can send e-mail (SMTP_HOST). */
      email_available: boolean
      slack_webhook_url: string | null
      kinds: {
        kind: string
        label: string
        description: string | null
        roles: string[]
        in_app: boolean
        email: boolean
        slack: boolean
        /** @enum {integer} */
        digest_minutes: 0 | 15 | 60 | 240 | 1440
      }[]
    }
    /** @description Limits per minute. */
    'RateLimitValues': {
      /** @description Requests per minute; 0 = unlimited. */
      requests_per_minute: number
      /** @description Writes per minute; 0 = unlimited. */
      writes_per_minute: number
    }
    /** @description The limits an admin set for every agent of a type. */
    'AgentTypeRateLimits': {
      agent_type: string
      /** @description Requests per minute; 0 = unlimited; null = inherited. */
      requests_per_minute: number | null
      /** @description Writes per minute; 0 = unlimited; null = inherited. */
      writes_per_minute: number | null
      /**
       * Format: uuid
       * @description The admin who set them last.
       */
      updated_by: string | null
      /** Format: date-time */
      updated_at: string
    }
    /** @description The limits an admin set for one agent. */
    'AgentOwnRateLimits': {
      /** Format: uuid */
      agent_id: string
      agent_name: string
      agent_type: string
      /** @description Requests per minute; 0 = unlimited; null = inherited. */
      requests_per_minute: number | null
      /** @description Writes per minute; 0 = unlimited; null = inherited. */
      writes_per_minute: number | null
      /**
       * Format: uuid
       * @description The admin who set them last.
       */
      updated_by: string | null
      /** Format: date-time */
      updated_at: string
    }
    /** @description The limits that apply to an agent, and where they come from. */
    'AgentRateLimits': {
      /** Format: uuid */
      agent_id: string
      agent_type: string
      /** @description Requests the agent may make per minute; 0 = unlimited. */
      requests_per_minute: number
      /** @description Writes the agent may make per minute; 0 = unlimited. */
      writes_per_minute: number
      /** @description Where each limit comes from: the agent’s own value, its type’s, or the defaults. */
      sources: {
        /** @enum {string} */
        requests_per_minute: 'agent' | 'agent_type' | 'default'
        /** @enum {string} */
        writes_per_minute: 'agent' | 'agent_type' | 'default'
      }
      /** @description The agent’s own values (null: none). */
      own: {
        /** @description Requests per minute; 0 = unlimited; null = inherited. */
        requests_per_minute: number | null
        /** @description Writes per minute; 0 = unlimited; null = inherited. */
        writes_per_minute: number | null
        /**
         * Format: uuid
         * @description The admin who set them last.
         */
        updated_by: string | null
        /** Format: date-time */
        updated_at: string
      } | null
      /** @description Its agent type’s values (null: none). */
      type: {
        /** @description Requests per minute; 0 = unlimited; null = inherited. */
        requests_per_minute: number | null
        /** @description Writes per minute; 0 = unlimited; null = inherited. */
        writes_per_minute: number | null
        /**
         * Format: uuid
         * @description The admin who set them last.
         */
        updated_by: string | null
        /** Format: date-time */
        updated_at: string
      } | null
      defaults: components['schemas']['RateLimitValues']
    }
    /** @description A spending budget and its current period. */
    'Budget': {
      /** Format: uuid */
      id: string
      /**
       * @description What it covers: one agent, every agent of a type, or all.
       * @enum {string}
       */
      scope: 'agent' | 'agent_type' | 'overall'
      /**
       * Format: uuid
       * @description With scope `agent`.
       */
      agent_id: string | null
      /** @description With scope `agent_type`. */
      agent_type: string | null
      /**
       * @description Resets at midnight (or on the 1st) in BUDGET_TIME_ZONE.
       * @enum {string}
       */
      period: 'day' | 'month'
      limit_usd: number | null
      /** @description Input and output tokens together. */
      limit_tokens: number | null
      /** Format: uuid */
      created_by: string | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** @description The current period. */
      current: {
        /** Format: date */
        period_start: string
        /** Format: date-time */
        resets_at: string
        spent_usd: number
        /** @description Held by open reservations. */
        reserved_usd: number
        remaining_usd: number | null
        spent_tokens: number
        reserved_tokens: number
        remaining_tokens: number | null
        /** @description What was spent has reached a limit. */
        reached: boolean
      }
    }
    /** @description A hold on budget before an expensive step. */
    'BudgetReservation': {
      /** Format: uuid */
      id: string
      /** Format: uuid */
      agent_id: string
      /** @description Held against every budget that covers the agent. */
      cost_usd: number
      tokens: number
      purpose: string | null
      /**
       * @description `expired`: not settled in time, its hold released.
       * @enum {string}
       */
      status: 'open' | 'settled' | 'expired'
      /** Format: date-time */
      expires_at: string
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      settled_at: string | null
    }
    /** @description What one step of an agent cost. */
    'UsageReport': {
      id: number
      /** Format: uuid */
      agent_id: string
      agent_type: string
      model: string | null
      input_tokens: number
      output_tokens: number
      cost_usd: number
      /** Format: uuid */
      task_id: string | null
      /** Format: uuid */
      reservation_id: string | null
      /** Format: date-time */
      created_at: string
    }
    /** @description Spend over time; buckets without usage are left out. */
    'UsageSeries': {
      /** @enum {string} */
      bucket: 'hour' | 'day'
      /** @description Buckets begin at midnight / on the hour here. */
      time_zone: string
      /** Format: date-time */
      from: string
      /** Format: date-time */
      to: string
      points: {
        /**
         * Format: date-time
         * @description The bucket’s start.
         */
        at: string
        /**
         * Format: uuid
         * @description With `by=agent`.
         */
        agent_id?: string
        cost_usd: number
        input_tokens: number
        output_tokens: number
        reports: number
      }[]
    }
    /** @description A saved view of an admin list. */
    'SavedView': {
      /** Format: uuid */
      id: string
      /** @description The list: the API path its screen reads (`tasks`, `audit`, a plugin’s). */
      resource: string
      /** @description Unique among the owner’s views of that list (case-insensitive). */
      name: string
      /** @description Refine filters as the list’s URL carries them: `q` is the free-text search; `contains` is `field_like`, `in` a repeated key. */
      filters: {
        field: string
        /** @enum {string} */
        operator: 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'contains'
        value: string | string[]
      }[]
      sorters: {
        field: string
        /** @enum {string} */
        order: 'asc' | 'desc'
      }[]
      /** @description The list’s columns left out (their keys); a column added later shows in every view. */
      hidden_columns: string[]
      page_size: number | null
      /** @description Shown to everyone who may read the list. */
      shared: boolean
      /**
       * Format: uuid
       * @description The owner.
       */
      user_id: string
      /** @description Who saved it. */
      owner_email: string
      /** @description Whether you own it (and so may change it). */
      mine: boolean
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    'Preferences': {
      /**
       * @description `system` follows the device (prefers-color-scheme).
       * @enum {string}
       */
      theme: 'system' | 'light' | 'dark'
    }
    /** @description The Home’s numbers. */
    'Summary': {
      /**
       * Format: date-time
       * @description When the numbers were taken.
       */
      generated_at: string
      /** @description Where a day starts (BUDGET_TIME_ZONE). */
      time_zone: string
      /** @description The 14 days of the per-day series, oldest first, today last. */
      days: string[]
      tasks: {
        total: number
        by_column: {
          backlog: number
          doing: number
          needs_approval: number
          done: number
        }
      }
      agents: {
        total: number
        by_status: {
          idle: number
          running: number
          paused: number
          blocked: number
        }
        /** @description The first 50 agents by name, with the events about them in the last 24 hours. */
        activity: {
          /** Format: uuid */
          id: string
          name: string
          type: string
          status: string
          events_24h: number
        }[]
      }
      /** @description Events recorded each day (every change and progress report). */
      events_per_day: {
        /** Format: date */
        day: string
        count: number
      }[]
      spend: {
        /** @description Spend per day over the last 30 days (as GET /api/usage/series). */
        series: components['schemas']['UsageSeries']
        /** @description The budgets over all agents, with their current period. */
        overall_budgets: components['schemas']['Budget'][]
      }
      /** @description Each enabled plugin’s part, under its name (`summary` in its plugin.ts; docs/PLUGINS.md). A part the caller may not read is left out. */
      plugins: {
        [key: string]: Record<string, unknown>
      }
    }
    /** @description A CSV import of leads: its progress while it runs, its counts once done. */
    'LeadImport': {
      /** Format: uuid */
      id: string
      /**
       * @description `loading` (rows arriving), `checking`, `inserting`, then `done` or `failed`.
       * @enum {string}
       */
      status: 'loading' | 'checking' | 'inserting' | 'done' | 'failed'
      file_name: string
      /** @description The file’s column names. */
      headers: string[]
      /** @description CSV column (its header, as in the file) → lead field, or null: the column is not imported. */
      mapping: {
        [key: string]:
          | 'business_name'
          | 'niche'
          | 'region'
          | 'website'
          | 'contact_name'
          | 'contact_role'
          | 'email'
          | 'phone'
          | 'source'
          | 'lead_score'
          | 'status'
          | 'next_step'
          | 'notes'
          | null
      }
      created_by: {
        /** @enum {string} */
        type: 'user' | 'agent'
        /** Format: uuid */
        id: string | null
      }
      /** @description Data rows read so far (blank lines are not rows). */
      rows: number
      imported: number
      rejected: number
      /** @description `invalid`: a field breaks a rule; `duplicate`: a lead has this website or e-mail; `duplicate_in_file`: an earlier row of the file has it; `suppressed`: on the do-not-contact list. */
      rejected_by_reason: {
        invalid: number
        duplicate: number
        duplicate_in_file: number
        suppressed: number
      }
      bytes_received: number
      /** @description Content-Length, when sent. */
      bytes_total: number | null
      /** @description Percent, for a progress bar: loading 0-50 (bytes received, when Content-Length is known), checking ~52, inserting 55-97 (estimated), done 100. */
      progress: number
      /** @description Why it failed (nothing was imported). */
      error: string | null
      /** @description Where to download the rejected rows, once done with some (null once they were removed). */
      rejected_csv: string | null
      /**
       * Format: date-time
       * @description When the rejected rows were removed: they are kept `LEAD_IMPORT_REJECTED_ROWS_DAYS` (30) days after the import finished. The counts stay.
       */
      rejected_rows_removed_at: string | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** Format: date-time */
      finished_at: string | null
    }
    /** @description The start of a CSV file as the import reads it, and the mapping it would use. */
    'LeadImportPreview': {
      headers: string[]
      /** @description The first 20 data rows. */
      rows: string[][]
      /** @description CSV column (its header, as in the file) → lead field, or null: the column is not imported. */
      mapping: {
        [key: string]:
          | 'business_name'
          | 'niche'
          | 'region'
          | 'website'
          | 'contact_name'
          | 'contact_role'
          | 'email'
          | 'phone'
          | 'source'
          | 'lead_score'
          | 'status'
          | 'next_step'
          | 'notes'
          | null
      }
      /** @description The headers whose mapping is this person’s choice from an earlier import. */
      remembered: string[]
      /** @description The lead fields a column may fill. */
      fields: {
        /** @enum {string} */
        name:
          | 'business_name'
          | 'niche'
          | 'region'
          | 'website'
          | 'contact_name'
          | 'contact_role'
          | 'email'
          | 'phone'
          | 'source'
          | 'lead_score'
          | 'status'
          | 'next_step'
          | 'notes'
        required: boolean
      }[]
    }
    /** @description A business that may become a customer. */
    'Lead': {
      /** Format: uuid */
      id: string
      business_name: string
      niche: string
      region: string
      /** @description A host name with a dot, optionally a scheme, a port and a path. */
      website: string
      contact_name: string | null
      contact_role: string | null
      /**
       * Format: email
       * @description Stored lower-case.
       */
      email: string | null
      phone: string | null
      /** @description Who found it (`manual` by default). */
      source: string
      /** @enum {string} */
      lead_score: 'A' | 'B' | 'C'
      /**
       * @description The funnel, in this order.
       * @enum {string}
       */
      status:
        'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
      /**
       * Format: date-time
       * @description Stamped by every status change.
       */
      last_action_at: string | null
      next_step: string | null
      /** @description Personalization bullets. */
      notes: string[]
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** @description On the do-not-contact list now: its e-mail address, its e-mail’s domain or its website’s host is an entry. Read when the record is; not a column. */
      suppressed: boolean
      suppression: components['schemas']['SuppressionEntry'] | null
    }
    /** @description A do-not-contact entry, as a lead or a refusal names it. */
    'SuppressionEntry': {
      /** Format: uuid */
      id: string
      /** @enum {string} */
      kind: 'email' | 'domain'
      /** @description Lower-case; a domain without scheme, `www.`, port or path. */
      value: string
    }
    /** @description An entry of the suppression (do-not-contact) list. */
    'Suppression': {
      /** Format: uuid */
      id: string
      /**
       * @description `email`: that address. `domain`: every e-mail address at that domain, and every website on that host, subdomains included (`acme.com` covers `jo@eu.acme.com`, not `notacme.com`), in either spelling of an internationalized name.
       * @enum {string}
       */
      kind: 'email' | 'domain'
      /** @description Lower-case and trimmed; a domain without scheme, `www.`, port or path. */
      value: string
      /** @description Why, for the admins. */
      reason: string | null
      /**
       * Format: uuid
       * @description The admin who added it.
       */
      created_by: string | null
      /** Format: date-time */
      created_at: string
    }
    'LeadBulkActionResult': {
      /**
       * Format: uuid
       * @description The recorded change: one event and one audit row for the whole action.
       */
      id: string
      /** @enum {string} */
      action: 'set_status' | 'set_next_step' | 'delete'
      /** @description Leads the selection held when the action ran. */
      matched: number
      /** @description Of those, the leads it changed. */
      changed: number
      /** @description Leads already in that status or with that next step. */
      unchanged: number
    }
    /** @description What happened to each row of a bulk create. */
    'LeadBulkResult': {
      /**
       * Format: uuid
       * @description The recorded change (`lead.bulk_created`); null when nothing was created.
       */
      batch_id: string | null
      totals: {
        received: number
        created: number
        refused: number
        duplicates: number
        invalid: number
        suppressed: number
      }
      /** @description One per row, in input order (`index` is the row’s position, from 0). */
      results: {
        index: number
        /** @enum {string} */
        status: 'created' | 'refused'
        /**
         * Format: uuid
         * @description The new lead (created).
         */
        id?: string
        /** @enum {string} */
        code?: 'E_DUPLICATE_LEAD' | 'E_SUPPRESSED' | 'E_VALIDATION_ERROR'
        message?: string
        /** @enum {string} */
        field?: 'website' | 'email'
        /**
         * Format: uuid
         * @description E_DUPLICATE_LEAD: the lead that has this website or e-mail (created by an earlier row of this request when `duplicate_of_index` is set).
         */
        existing_id?: string
        duplicate_of_index?: number
        entry?: components['schemas']['SuppressionEntry']
        /** @description E_VALIDATION_ERROR: one per invalid field, as a 422 lists them. */
        errors?: {
          message: string
          field?: string
          rule?: string
        }[]
      }[]
    }
    /** @description What happened to each value of a pasted list. */
    'SuppressionBulkResult': {
      /**
       * Format: uuid
       * @description The recorded change (`suppression.bulk_created`); null when nothing was added.
       */
      batch_id: string | null
      totals: {
        received: number
        created: number
        existing: number
        refused: number
      }
      /** @description One per value, in input order. */
      results: {
        index: number
        /** @enum {string} */
        status: 'created' | 'existing' | 'refused'
        /**
         * Format: uuid
         * @description The entry (created, or the one already on the list).
         */
        id?: string
        /** @enum {string} */
        kind?: 'email' | 'domain'
        /** @description As stored. */
        value?: string
        /** @enum {string} */
        code?: 'E_VALIDATION_ERROR'
        errors?: {
          message: string
          field?: string
          rule?: string
        }[]
      }[]
    }
    /** @description An outreach draft; `content` is its current version’s. */
    'Draft': {
      /** Format: uuid */
      id: string
      /** Format: uuid */
      lead_id: string | null
      /** @enum {string} */
      channel:
        | 'email'
        | 'linkedin'
        | 'facebook'
        | 'instagram'
        | 'post'
        | 'script'
        | 'landing_page'
        | 'ad_copy'
      /** @description Free text: `cold_intro`, `follow_up`, ... */
      draft_type: string
      /** @enum {string} */
      status: 'draft' | 'needs_approval' | 'approved' | 'rejected'
      current_version: number
      /**
       * Format: uuid
       * @description The admin who decided it.
       */
      approver_id: string | null
      /** Format: date-time */
      scheduled_send_at: string | null
      /** Format: uuid */
      created_by: string
      /**
       * Format: date-time
       * @description When it last entered needs_approval.
       */
      submitted_at: string | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** @description The content of the current version. */
      content: string | null
      /** @description How many different admins must approve it (its approval policy; 1 without one). */
      approvals_required: number
      /** @description While needs_approval in a kind that needs several admins: how many approved the current version so far. */
      approvals_given: number
      /** @description While needs_approval: seconds since it was submitted. */
      waiting_seconds: number | null
      /** @description Waiting longer than the approval SLA. */
      overdue: boolean
    }
    'DraftBulkDecisionResult': {
      /** @enum {string} */
      action: 'approve' | 'reject' | 'request_changes'
      /** @description Drafts decided. */
      decided: number
      /** @description Drafts left as they were. */
      refused: number
      /** @description One per draft, in the order sent. */
      results: {
        /** Format: uuid */
        id: string
        /** @enum {string} */
        result: 'decided' | 'refused'
        /**
         * @description The draft’s status after the decision (decided).
         * @enum {string}
         */
        status?: 'draft' | 'needs_approval' | 'approved' | 'rejected'
        /**
         * Format: uuid
         * @description The approval written (decided).
         */
        approval_id?: string
        /** @description Why not (refused): the code the single decision would answer. */
        code?: string
        /** @description Why not (refused). */
        message?: string
      }[]
    }
    /** @description One version of a draft. Versions are never changed. */
    'DraftVersion': {
      /** Format: uuid */
      id: string
      /** Format: uuid */
      draft_id: string
      version_number: number
      content: string
      change_note: string | null
      /** Format: uuid */
      created_by: string | null
      /** Format: date-time */
      created_at: string
    }
    /** @description A decision on a draft: by an admin, or by an approval policy (`auto`). */
    'Approval': {
      /** Format: uuid */
      id: string
      /** Format: uuid */
      draft_id: string
      /** @enum {string} */
      action:
        'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
      /** @description The version decided on; null for decisions made before it was kept. */
      version: number | null
      notes: string | null
      /** @description For edit_inline_approve: the admin’s text. */
      editor_content: string | null
      /**
       * Format: uuid
       * @description The admin; null when an approval policy decided (`auto`).
       */
      decided_by: string | null
      /** Format: date-time */
      decided_at: string
      /** @description Approved by an approval policy at submit time, by the system. */
      auto: boolean
      policy: components['schemas']['PolicyRules'] | null
      evidence: components['schemas']['AutonomyEvidence'] | null
      /** @description In a kind that needs several admins: this approval’s number. */
      approval_count: number | null
      /** @description In a kind that needs several admins: how many. */
      approvals_required: number | null
    }
    /** @description The rules of an approval policy. */
    'PolicyRules': {
      /** Format: uuid */
      id: string
      agent_type: string
      /**
       * @description The draft kind; null: any kind.
       * @enum {string|null}
       */
      channel:
        | 'email'
        | 'linkedin'
        | 'facebook'
        | 'instagram'
        | 'post'
        | 'script'
        | 'landing_page'
        | 'ad_copy'
        | null
      /** @enum {string} */
      mode: 'always_ask' | 'auto_approve'
      min_decided: number
      min_clean_rate: number
      no_rejection_in_last: number
      /** @enum {integer} */
      required_approvals: 1 | 2
    }
    /** @description An approval policy for one agent type and one draft kind (or any kind). */
    'ApprovalPolicy': {
      /** Format: uuid */
      id: string
      /** @description The agent type it applies to. */
      agent_type: string
      /**
       * @description The draft kind; null: every kind without a policy of its own.
       * @enum {string|null}
       */
      channel:
        | 'email'
        | 'linkedin'
        | 'facebook'
        | 'instagram'
        | 'post'
        | 'script'
        | 'landing_page'
        | 'ad_copy'
        | null
      /**
       * @description `always_ask`: every draft waits for an admin. `auto_approve`: approved at submit time when the author’s record meets the thresholds.
       * @enum {string}
       */
      mode: 'always_ask' | 'auto_approve'
      /** @description At least this many human decisions on the agent’s drafts of this kind. */
      min_decided: number
      /** @description At least this share approved with no inline edit and no requested change. */
      min_clean_rate: number
      /** @description No rejection among the last this many decisions (0: no such rule). */
      no_rejection_in_last: number
      /**
       * @description 2: two different admins must approve (always_ask only).
       * @enum {integer}
       */
      required_approvals: 1 | 2
      /**
       * Format: uuid
       * @description The admin who last set it.
       */
      updated_by: string | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    /** @description An agent’s record: its drafts and what people decided on them, since its last demotion. */
    'AutonomyRecord': {
      /**
       * Format: date-time
       * @description Decisions after this moment count (the last demotion); null: all.
       */
      since: string | null
      /**
       * @description The kind it covers; null: every kind.
       * @enum {string|null}
       */
      channel:
        | 'email'
        | 'linkedin'
        | 'facebook'
        | 'instagram'
        | 'post'
        | 'script'
        | 'landing_page'
        | 'ad_copy'
        | null
      /** @description Outcomes decided by people (a draft’s stay in the queue). */
      decided: number
      /** @description Approved with no inline edit and no requested change. */
      clean_approvals: number
      /** @description clean_approvals / decided; null before any decision. */
      clean_rate: number | null
      /** @description Of the clean approvals, those with notes. */
      approved_with_notes: number
      /** @description Approved after an admin edited the text. */
      inline_edits: number
      /** @description How much the admins’ inline edits changed its text on average: the share of characters not kept (latest 20 edits). */
      avg_edit_share: number | null
      /** @description Sent back with a request for changes. */
      changes_requested: number
      /** @description Rejected. */
      rejections: number
      /**
       * Format: date-time
       * @description Its latest rejection, ever.
       */
      last_rejection_at: string | null
      /** @description Rejections among the last `recent_window` outcomes. */
      recent_rejections: number
      /** @description How many outcomes `recent_rejections` looks back on. */
      recent_window: number
      /** @description Approved by a policy since `since`: shown, never counted. */
      auto_approved: number
    }
    /** @description One threshold of a policy against a record. */
    'AutonomyCheck': {
      /** @enum {string} */
      rule: 'min_decided' | 'min_clean_rate' | 'no_rejection_in_last'
      required: number
      actual: number | null
      ok: boolean
    }
    /** @description What an auto-approval saw: the author’s record for the policy’s kind, and each threshold. */
    'AutonomyEvidence': {
      record: components['schemas']['AutonomyRecord']
      checks: components['schemas']['AutonomyCheck'][]
    }
    /** @description An agent’s earned autonomy: its record, its state, its standing under each policy. */
    'AgentAutonomy': {
      /** Format: uuid */
      agent_id: string
      agent_type: string
      /** @description Its autonomy state. */
      state: {
        /** Format: uuid */
        agent_id: string
        /**
         * Format: date-time
         * @description Its record starts after this (the last demotion).
         */
        record_since: string | null
        /** Format: date-time */
        demoted_at: string | null
        /** @description The human correction that demoted it. */
        demoted_by: {
          /** Format: uuid */
          approval_id: string
          /** Format: uuid */
          draft_id: string
          /** @enum {string} */
          action:
            'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
          /** Format: uuid */
          decided_by: string | null
        } | null
        /** @description An admin revoked its autonomy. */
        revoked: boolean
        /** Format: date-time */
        revoked_at: string | null
        /** Format: uuid */
        revoked_by: string | null
        revoke_reason: string | null
      }
      record: components['schemas']['AutonomyRecord']
      /** @description Each policy of its type, and how its record (for that kind) stands. */
      policies: {
        policy: components['schemas']['PolicyRules']
        record: components['schemas']['AutonomyRecord'] | null
        /** @description Its record meets every threshold. */
        qualifies: boolean
        checks: components['schemas']['AutonomyCheck'][]
        /** @description Its drafts of this kind are approved at submit time now (not revoked). */
        auto_approves: boolean
      }[]
      /** @description The kinds whose drafts of this agent are approved at submit time now. */
      auto_approved_kinds: (
        | 'email'
        | 'linkedin'
        | 'facebook'
        | 'instagram'
        | 'post'
        | 'script'
        | 'landing_page'
        | 'ad_copy'
      )[]
    }
    /** @description What reviewers said about a draft: for its author. */
    'DraftFeedback': {
      /** Format: uuid */
      draft_id: string
      /** @enum {string} */
      status: 'draft' | 'needs_approval' | 'approved' | 'rejected'
      current_version: number
      /** @description Every decision on the draft, newest first. */
      decisions: {
        /** Format: uuid */
        approval_id: string
        /** @enum {string} */
        action:
          'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
        version: number | null
        /** @description What the reviewer asked for or noted. */
        notes: string | null
        /** Format: date-time */
        decided_at: string
        decided_by: {
          /**
           * Format: uuid
           * @description Null when an approval policy decided.
           */
          id: string | null
          /** @description The admin’s e-mail, or `approval policy`. */
          name: string | null
        }
        /** @description Approved by an approval policy. */
        auto: boolean
        /** @description For edit_inline_approve: what the admin changed in the agent’s text. */
        edit: {
          from_version: number
          to_version: number
          /** @description The admin’s text (version `to_version`). */
          content: string
          /** @description A unified diff from the agent’s version to the admin’s. */
          diff: string
        } | null
      }[]
    }
    /** @description The draft after the decision, with the approval row it wrote. */
    'DraftDecision': {
      approval: components['schemas']['Approval']
    } & components['schemas']['Draft']
    /** @description Payload of `draft.written` (agent type `copywriter`). */
    'EventPayload.draft.written': {
      /** Format: uuid */
      draft_id: string
      /** Format: uuid */
      lead_id?: string | null
      version: number
    }
    /** @description Payload of `draft.revised` (agent type `copywriter`). */
    'EventPayload.draft.revised': {
      /** Format: uuid */
      draft_id: string
      version: number
      change_note?: string
    }
    /** @description Payload of `lead.enriched` (agent type `enricher`). */
    'EventPayload.lead.enriched': {
      /** Format: uuid */
      lead_id: string
      fields: ('contact_name' | 'contact_role' | 'email' | 'phone' | 'notes')[]
    }
    /** @description Payload of `lead.enrichment_failed` (agent type `enricher`). */
    'EventPayload.lead.enrichment_failed': {
      /** Format: uuid */
      lead_id: string
      reason: string
    }
    /** @description Payload of `lead.search_started` (agent type `lead_finder`). */
    'EventPayload.lead.search_started': {
      niche: string
      region: string
    }
    /** @description Payload of `lead.found` (agent type `lead_finder`). */
    'EventPayload.lead.found': {
      /** Format: uuid */
      lead_id: string
      business_name: string
      /** Format: uri */
      website: string
    }
    /** @description Payload of `lead.search_finished` (agent type `lead_finder`). */
    'EventPayload.lead.search_finished': {
      niche: string
      region: string
      found: number
    }
    /** @description Payload of `goal.planned` (agent type `orchestrator`). */
    'EventPayload.goal.planned': {
      goal: string
      task_ids: string[]
    }
    /** @description Payload of `work.assigned` (agent type `orchestrator`). */
    'EventPayload.work.assigned': {
      /** Format: uuid */
      task_id: string
      /** Format: uuid */
      agent_id: string
      note?: string
    }
  }
  responses: {
    /** @description Malformed request: the body is not valid JSON (`E_MALFORMED_JSON`), or a query parameter has a malformed shape such as `a[b]=1` (`E_BAD_QUERY`). */
    BadRequest: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "The body is not valid JSON",
         *           "code": "E_MALFORMED_JSON"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description Not authenticated: no or bad credentials (`E_UNAUTHORIZED`), a deactivated account (`E_ACCOUNT_DISABLED`). */
    Unauthorized: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "Authentication required",
         *           "code": "E_UNAUTHORIZED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description The role does not allow this (`E_FORBIDDEN`), or a cookie-authenticated write without a valid `X-XSRF-TOKEN` (`E_BAD_CSRF_TOKEN`). */
    Forbidden: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "Your role does not allow this action",
         *           "code": "E_FORBIDDEN"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description No record with this id (`E_NOT_FOUND`). An id of the wrong shape answers 404 too. */
    NotFound: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "Record not found",
         *           "code": "E_NOT_FOUND"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description Conflict with the current state: an invalid state change or a stale version (`E_CONFLICT`), a unique value taken (`E_DUPLICATE`), a record still referenced (`E_REFERENCE`). */
    Conflict: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "This change conflicts with the current state",
         *           "code": "E_CONFLICT"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description A streamed upload stopped sending (`E_UPLOAD_STALLED`): nothing is written, and the connection closes. */
    RequestTimeout: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "The upload stalled: nothing arrived for 60 s, nothing was imported",
         *           "code": "E_UPLOAD_STALLED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description What was asked for existed and was removed for good, by a retention rule (`E_REJECTED_ROWS_REMOVED`). */
    Gone: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "The rejected rows of this import were removed on 2026-12-01, 30 days after it finished (its counts are kept)",
         *           "code": "E_REJECTED_ROWS_REMOVED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description The body is over 1 MB (`E_BODY_TOO_LARGE`). */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "The body is larger than 1 MB",
         *           "code": "E_BODY_TOO_LARGE"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description Validation failed: one entry per invalid field, with `field` and `rule` (`E_VALIDATION_ERROR`); for a list, an unknown filter or sort field or a page over 1000 rows (`E_INVALID_QUERY`). */
    ValidationFailed: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "The title field must have at least 1 characters",
         *           "field": "title",
         *           "rule": "minLength",
         *           "code": "E_VALIDATION_ERROR"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description The calling agent is paused or killed, or every agent is (global pause): nothing was written (`E_AGENT_PAUSED`). Wait for the `resume` control message on `agents/<id>`, or poll `GET /api/agents/me`. */
    AgentPaused: {
      headers: {
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "All agents are paused by an admin: writes are refused until resumed",
         *           "code": "E_AGENT_PAUSED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description Rate limited: an agent over its requests or writes per minute (`E_RATE_LIMITED`; the item names the `limit` and `retry_after`), too many failed logins (`E_TOO_MANY_REQUESTS`), or too many CSV exports running (`E_TOO_MANY_EXPORTS`). Nothing was written; `Retry-After` says when to try again. */
    TooManyRequests: {
      headers: {
        /** @description Seconds to wait. */
        'Retry-After'?: number
        /** @description An agent’s limit that was reached (per minute). */
        'X-RateLimit-Limit'?: number
        /** @description What is left of it: 0. */
        'X-RateLimit-Remaining'?: number
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "Rate limit reached: at most 300 writes per minute (the default for every agent); try again in 12 s",
         *           "limit": "writes_per_minute",
         *           "retry_after": 12,
         *           "code": "E_RATE_LIMITED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
    /** @description A dependency is down: the database is unreachable, frozen, overloaded or restarting (`E_UNAVAILABLE`), answered within the database timeouts instead of waiting for it. Nothing was written. `Retry-After` says when to try again; retry with backoff. */
    Unavailable: {
      headers: {
        /** @description Seconds to wait. */
        'Retry-After'?: number
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "errors": [
         *         {
         *           "message": "The database is unavailable: try again in a few seconds",
         *           "code": "E_UNAVAILABLE"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Error']
      }
    }
  }
  parameters: {
    /** @description First row of the page (inclusive, 0-based). Default 0. */
    _start: number
    /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
    _end: number
    /**
     * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
     * @example desc
     */
    _order: string
  }
  requestBodies: never
  headers: {
    /** @description How many rows match the query, over every page. */
    XTotalCount: number
  }
  pathItems: never
}
export type $defs = Record<string, never>
export interface operations {
  getHealth: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The database is up (`redis` may be `down`: then `status` is `degraded`). */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "status": "ok",
           *       "db": "ok",
           *       "redis": "disabled"
           *     }
           */
          'application/json': components['schemas']['Health']
        }
      }
      /** @description The database is down, or gave no answer within 2 s (the check never waits longer; `Retry-After` says when to look again), or the instance is shutting down (`status` `draining`: it still serves what arrives, for a moment; send new requests elsewhere). */
      503: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "status": "down",
           *       "db": "down",
           *       "redis": "ok"
           *     }
           */
          'application/json': components['schemas']['Health']
        }
      }
    }
  }
  login: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "admin@example.com",
         *       "password": "correct horse battery"
         *     }
         */
        'application/json': {
          email: string
          password: string
        }
      }
    }
    responses: {
      /** @description Logged in. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            user: components['schemas']['Me']
          }
        }
      }
      400: components['responses']['BadRequest']
      /** @description Wrong email or password (`E_INVALID_CREDENTIALS`), or a deactivated account (`E_ACCOUNT_DISABLED`). */
      401: components['responses']['Unauthorized']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      /** @description Too many failed logins for this IP and email. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  logout: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Logged out. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  getMe: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The caller. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "type": "agent",
           *       "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "name": "researcher-1",
           *       "agent_type": "researcher",
           *       "status": "running",
           *       "permissions": [
           *         "records.read",
           *         "tasks.write",
           *         "events.emit"
           *       ],
           *       "plugins": [
           *         "researcher"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Me']
        }
      }
      401: components['responses']['Unauthorized']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  changeMyPassword: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "current_password": "the old one",
         *       "password": "a quiet harbour at dawn"
         *     }
         */
        'application/json': {
          current_password: string
          /** @description At least 12 characters and not easy to guess: common passwords, words, names, keyboard patterns and the e-mail address are refused (rule `strongPassword`). */
          password: string
        }
      }
    }
    responses: {
      /** @description Changed. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description An agent: agents have no password. */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      /** @description The current password is wrong, or the new one too short or too easy to guess. */
      422: components['responses']['ValidationFailed']
      /** @description Too many wrong current passwords. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listMyTokens: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Without their secrets. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Token'][]
        }
      }
      401: components['responses']['Unauthorized']
      /** @description An agent: agents have no personal tokens. */
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  createMyToken: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "nightly import"
         *     }
         */
        'application/json': {
          name: string
        }
      }
    }
    responses: {
      /** @description The token; its secret is shown this once. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 42,
           *       "name": "nightly import",
           *       "abilities": [
           *         "*"
           *       ],
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "last_used_at": null,
           *       "expires_at": "2026-05-30T10:00:00.000Z",
           *       "token": "mcu_…"
           *     }
           */
          'application/json': components['schemas']['NewToken']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description An agent: agents have no personal tokens. */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  revokeMyToken: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The numeric id. */
        id: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Revoked: it stops working at once. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  listUsers: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: email, role, is_active, created_at, updated_at. Default: created_at asc. Another field → 422.
         * @example email
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over email. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        email?: string[]
        /** @description Differs from (rows without a value match too). */
        email_ne?: string[]
        /** @description Contains, case-insensitive. */
        email_like?: string
        /** @description Equals (repeat the key for any of several values). */
        role?: ('admin' | 'operator' | 'closer' | 'viewer')[]
        /** @description Differs from (rows without a value match too). */
        role_ne?: ('admin' | 'operator' | 'closer' | 'viewer')[]
        /** @description At least (inclusive). */
        role_gte?: 'admin' | 'operator' | 'closer' | 'viewer'
        /** @description At most (inclusive). */
        role_lte?: 'admin' | 'operator' | 'closer' | 'viewer'
        /** @description Equals (repeat the key for any of several values). */
        is_active?: boolean[]
        /** @description Differs from (rows without a value match too). */
        is_active_ne?: boolean[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of users. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "email": "ops@example.com",
           *         "role": "operator",
           *         "is_active": true,
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['User'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  createUser: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "ops@example.com",
         *       "role": "operator",
         *       "password": "a long passphrase"
         *     }
         */
        'application/json': {
          /**
           * Format: email
           * @description Unique (422 on `email` when taken); stored lower-case.
           */
          email: string
          /** @enum {unknown} */
          role: 'admin' | 'operator' | 'closer' | 'viewer'
          /** @description At least 12 characters and not easy to guess: common passwords, words, names, keyboard patterns and the e-mail address are refused (rule `strongPassword`). */
          password: string
        }
      }
    }
    responses: {
      /** @description The user. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "email": "ops@example.com",
           *       "role": "operator",
           *       "is_active": true,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['User']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getUser: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The user. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['User']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  updateUser: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "role": "closer"
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          role?: 'admin' | 'operator' | 'closer' | 'viewer'
          is_active?: boolean
          /** @description At least 12 characters and not easy to guess: common passwords, words, names, keyboard patterns and the e-mail address are refused (rule `strongPassword`). */
          password?: string
        }
      }
    }
    responses: {
      /** @description The user. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['User']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description The last active admin cannot be demoted or deactivated (`E_LAST_ADMIN`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  listTasks: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: title, column, priority, created_at, updated_at, done_at. Default: created_at asc. Another field → 422.
         * @example title
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over title, description. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        title?: string[]
        /** @description Differs from (rows without a value match too). */
        title_ne?: string[]
        /** @description Contains, case-insensitive. */
        title_like?: string
        /** @description Equals (repeat the key for any of several values). */
        column?: ('backlog' | 'doing' | 'needs_approval' | 'done')[]
        /** @description Differs from (rows without a value match too). */
        column_ne?: ('backlog' | 'doing' | 'needs_approval' | 'done')[]
        /** @description At least (inclusive). */
        column_gte?: 'backlog' | 'doing' | 'needs_approval' | 'done'
        /** @description At most (inclusive). */
        column_lte?: 'backlog' | 'doing' | 'needs_approval' | 'done'
        /** @description Equals (repeat the key for any of several values). */
        priority?: ('low' | 'med' | 'high')[]
        /** @description Differs from (rows without a value match too). */
        priority_ne?: ('low' | 'med' | 'high')[]
        /** @description At least (inclusive). */
        priority_gte?: 'low' | 'med' | 'high'
        /** @description At most (inclusive). */
        priority_lte?: 'low' | 'med' | 'high'
        /** @description Equals (repeat the key for any of several values). */
        owner_type?: ('admin' | 'agent')[]
        /** @description Differs from (rows without a value match too). */
        owner_type_ne?: ('admin' | 'agent')[]
        /** @description At least (inclusive). */
        owner_type_gte?: 'admin' | 'agent'
        /** @description At most (inclusive). */
        owner_type_lte?: 'admin' | 'agent'
        /** @description Equals (repeat the key for any of several values). */
        owner_id?: string[]
        /** @description Differs from (rows without a value match too). */
        owner_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        linked_lead_id?: string[]
        /** @description Differs from (rows without a value match too). */
        linked_lead_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        linked_draft_id?: string[]
        /** @description Differs from (rows without a value match too). */
        linked_draft_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_by?: string[]
        /** @description Differs from (rows without a value match too). */
        created_by_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        done_at?: string[]
        /** @description Differs from (rows without a value match too). */
        done_at_ne?: string[]
        /** @description At least (inclusive). */
        done_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        done_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of tasks. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *         "title": "Find 20 dentists in Austin",
           *         "description": "",
           *         "column": "doing",
           *         "priority": "high",
           *         "owner_type": "agent",
           *         "owner_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "done_at": null,
           *         "linked_lead_id": null,
           *         "linked_draft_id": null
           *       }
           *     ]
           */
          'application/json': components['schemas']['Task'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  createTask: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "title": "Find 20 dentists in Austin",
         *       "priority": "high"
         *     }
         */
        'application/json': {
          title: string
          description?: string
          /** @enum {unknown} */
          column?: 'backlog' | 'doing' | 'needs_approval' | 'done'
          /** @enum {unknown} */
          priority?: 'low' | 'med' | 'high'
          /** @enum {unknown} */
          owner_type?: 'admin' | 'agent'
          /** Format: uuid */
          owner_id?: string | null
          /** Format: uuid */
          linked_lead_id?: string | null
          /** Format: uuid */
          linked_draft_id?: string | null
        }
      }
    }
    responses: {
      /** @description The task. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "title": "Find 20 dentists in Austin",
           *       "description": "",
           *       "column": "doing",
           *       "priority": "high",
           *       "owner_type": "agent",
           *       "owner_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "done_at": null,
           *       "linked_lead_id": null,
           *       "linked_draft_id": null
           *     }
           */
          'application/json': components['schemas']['Task']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description The role may not create a task in this column (`done` is for admins). */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  actOnTasks: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "action": "move",
         *       "ids": [
         *         "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10"
         *       ],
         *       "column": "doing"
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          action: 'move' | 'set_priority' | 'delete'
          ids: string[]
          /** @enum {unknown} */
          column?: 'backlog' | 'doing' | 'needs_approval' | 'done'
          /** @enum {unknown} */
          priority?: 'low' | 'med' | 'high'
        }
      }
    }
    responses: {
      /** @description What the action did, card by card. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c",
           *       "action": "move",
           *       "matched": 3,
           *       "changed": 2,
           *       "unchanged": 0,
           *       "refused": [
           *         {
           *           "id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *           "code": "E_FORBIDDEN",
           *           "message": "Only an admin moves a task into or out of done"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TaskBulkActionResult']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description The role may not write tasks, or may not delete them (`delete` needs `tasks.finish`). */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      /** @description `ids` empty, repeated or over the cap; `column` missing for `move`, `priority` for `set_priority`. */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getTask: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The task. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "title": "Find 20 dentists in Austin",
           *       "description": "",
           *       "column": "doing",
           *       "priority": "high",
           *       "owner_type": "agent",
           *       "owner_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "done_at": null,
           *       "linked_lead_id": null,
           *       "linked_draft_id": null
           *     }
           */
          'application/json': components['schemas']['Task']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  deleteTask: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted (its events stay). */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  updateTask: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "column": "doing"
         *     }
         */
        'application/json': {
          title?: string
          description?: string
          /** @enum {unknown} */
          column?: 'backlog' | 'doing' | 'needs_approval' | 'done'
          /** @enum {unknown} */
          priority?: 'low' | 'med' | 'high'
          /** @enum {unknown} */
          owner_type?: 'admin' | 'agent'
          /** Format: uuid */
          owner_id?: string | null
          /** Format: uuid */
          linked_lead_id?: string | null
          /** Format: uuid */
          linked_draft_id?: string | null
        }
      }
    }
    responses: {
      /** @description The task. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "title": "Find 20 dentists in Austin",
           *       "description": "",
           *       "column": "doing",
           *       "priority": "high",
           *       "owner_type": "agent",
           *       "owner_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "done_at": null,
           *       "linked_lead_id": null,
           *       "linked_draft_id": null
           *     }
           */
          'application/json': components['schemas']['Task']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description Only an admin moves a task into or out of `done`. */
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description A move the board does not allow from the current column (`E_CONFLICT`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  claimTask: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The task. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "title": "Find 20 dentists in Austin",
           *       "description": "",
           *       "column": "doing",
           *       "priority": "high",
           *       "owner_type": "agent",
           *       "owner_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "done_at": null,
           *       "linked_lead_id": null,
           *       "linked_draft_id": null
           *     }
           */
          'application/json': components['schemas']['Task']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description Someone else owns the task (`E_ALREADY_CLAIMED`). */
      409: components['responses']['Conflict']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listAgents: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: name, type, status, last_update_at, created_at. Default: name asc. Another field → 422.
         * @example name
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over name, type. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        name?: string[]
        /** @description Differs from (rows without a value match too). */
        name_ne?: string[]
        /** @description Contains, case-insensitive. */
        name_like?: string
        /** @description Equals (repeat the key for any of several values). */
        type?: string[]
        /** @description Differs from (rows without a value match too). */
        type_ne?: string[]
        /** @description Contains, case-insensitive. */
        type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        status?: ('idle' | 'running' | 'paused' | 'blocked')[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: ('idle' | 'running' | 'paused' | 'blocked')[]
        /** @description At least (inclusive). */
        status_gte?: 'idle' | 'running' | 'paused' | 'blocked'
        /** @description At most (inclusive). */
        status_lte?: 'idle' | 'running' | 'paused' | 'blocked'
        /** @description Equals (repeat the key for any of several values). */
        current_task_id?: string[]
        /** @description Differs from (rows without a value match too). */
        current_task_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        last_update_at?: string[]
        /** @description Differs from (rows without a value match too). */
        last_update_at_ne?: string[]
        /** @description At least (inclusive). */
        last_update_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        last_update_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of agents. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "name": "researcher-1",
           *         "type": "researcher",
           *         "status": "running",
           *         "current_task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *         "pause_reason": null,
           *         "last_update_at": "2026-03-01T10:00:00.000Z",
           *         "metadata": {},
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "stale": false
           *       }
           *     ]
           */
          'application/json': components['schemas']['Agent'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  createAgent: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "researcher-2",
         *       "type": "researcher"
         *     }
         */
        'application/json': {
          /** @description Unique (422 on `name` when taken). */
          name: string
          type: string
          metadata?: {
            [key: string]: string | number | boolean | unknown[] | Record<string, unknown>
          }
        }
      }
    }
    responses: {
      /** @description The agent. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "name": "researcher-1",
           *       "type": "researcher",
           *       "status": "running",
           *       "current_task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "pause_reason": null,
           *       "last_update_at": "2026-03-01T10:00:00.000Z",
           *       "metadata": {},
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "stale": false
           *     }
           */
          'application/json': components['schemas']['Agent']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getAgentSelf: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The agent, with `controls: {paused, reason}`. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "name": "researcher-1",
           *       "type": "researcher",
           *       "status": "running",
           *       "current_task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "pause_reason": null,
           *       "last_update_at": "2026-03-01T10:00:00.000Z",
           *       "metadata": {},
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "stale": false,
           *       "controls": {
           *         "paused": false,
           *         "reason": null
           *       }
           *     }
           */
          'application/json': components['schemas']['AgentSelf']
        }
      }
      401: components['responses']['Unauthorized']
      /** @description Not an agent token. */
      403: components['responses']['Forbidden']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  heartbeat: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "status": "running",
         *       "current_task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "message": "Writing draft 3/5"
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          status: 'idle' | 'running'
          /** Format: uuid */
          current_task_id?: string | null
          message?: string
        }
      }
    }
    responses: {
      /** @description The agent, with its controls. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "name": "researcher-1",
           *       "type": "researcher",
           *       "status": "running",
           *       "current_task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "pause_reason": null,
           *       "last_update_at": "2026-03-01T10:00:00.000Z",
           *       "metadata": {},
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "stale": false,
           *       "controls": {
           *         "paused": true,
           *         "reason": "All agents are paused by an admin"
           *       }
           *     }
           */
          'application/json': components['schemas']['AgentSelf']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description Not an agent token. */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getAgent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The agent. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "name": "researcher-1",
           *       "type": "researcher",
           *       "status": "running",
           *       "current_task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "pause_reason": null,
           *       "last_update_at": "2026-03-01T10:00:00.000Z",
           *       "metadata": {},
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "stale": false
           *     }
           */
          'application/json': components['schemas']['Agent']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  pauseAgent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Checking its work"
         *     }
         */
        'application/json': {
          reason?: string
        }
      }
    }
    responses: {
      /** @description The agent. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Agent']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  resumeAgent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        'application/json': {
          reason?: string
        }
      }
    }
    responses: {
      /** @description The agent. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Agent']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  killAgent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        'application/json': {
          reason?: string
        }
      }
    }
    responses: {
      /** @description The agent. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Agent']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  listAgentTokens: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Without their secrets. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Token'][]
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  createAgentToken: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "name": "laptop"
         *     }
         */
        'application/json': {
          name?: string
        }
      }
    }
    responses: {
      /** @description The token; its secret is shown this once. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 42,
           *       "name": "laptop",
           *       "abilities": [
           *         "tasks.write"
           *       ],
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "last_used_at": null,
           *       "expires_at": "2026-05-30T10:00:00.000Z",
           *       "token": "mca_…"
           *     }
           */
          'application/json': components['schemas']['NewToken']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  revokeAgentToken: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
        /** @description The numeric id. */
        token_id: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Revoked: refused at once afterwards. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  listAgentTypes: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The agent types. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AgentType'][]
        }
      }
      401: components['responses']['Unauthorized']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getAgentType: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The type name.
         * @example researcher
         */
        name: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The agent type. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AgentType']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getSystemControls: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The controls. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "global_pause": {
           *         "paused": false,
           *         "reason": null,
           *         "updated_by": null,
           *         "updated_at": null
           *       }
           *     }
           */
          'application/json': components['schemas']['SystemControls']
        }
      }
      401: components['responses']['Unauthorized']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  pauseAll: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Reviewing the pipeline"
         *     }
         */
        'application/json': {
          reason?: string
        }
      }
    }
    responses: {
      /** @description The controls. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['SystemControls']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  resumeAll: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The controls. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['SystemControls']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  listEvents: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: id, created_at. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over event_type. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: number[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: number[]
        /** @description At least (inclusive). */
        id_gte?: number
        /** @description At most (inclusive). */
        id_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        task_id?: string[]
        /** @description Differs from (rows without a value match too). */
        task_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        agent_id?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        event_type?: string[]
        /** @description Differs from (rows without a value match too). */
        event_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        event_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_by?: string[]
        /** @description Differs from (rows without a value match too). */
        created_by_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /**
         * @description The last seq you saw (the `seq` of a realtime envelope).
         * @example 1200
         */
        after?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of events. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": 1234,
           *         "task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "event_type": "lead.enriched",
           *         "payload": {
           *           "resource": "tasks",
           *           "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *           "fields": [
           *             "email",
           *             "phone"
           *           ]
           *         },
           *         "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "created_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['Event'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  emitEvent: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "event_type": "lead.enriched",
         *       "task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "payload": {
         *         "id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
         *         "fields": [
         *           "email",
         *           "phone"
         *         ]
         *       }
         *     }
         */
        'application/json': {
          /**
           * @description Not reserved (rule `reserved`): no `task.`, `agent.`, `user.`, `system.`, `auth.`, `audit.`, `budget.`, `reservation.`, `usage.`, `webhook.`, `saved_view.`, `notification_preferences.` namespace, no `.created`, `.updated`, `.deleted` ending. For an agent, one its type declares.
           * @example lead.enriched
           */
          event_type: string
          /** Format: uuid */
          task_id?: string | null
          /** @description At most 65536 bytes of JSON (rule `maxSize`). */
          payload?: {
            [key: string]: string | number | boolean | unknown[] | Record<string, unknown>
          }
        }
      }
    }
    responses: {
      /** @description The stored event. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 1234,
           *       "task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "event_type": "lead.enriched",
           *       "payload": {
           *         "resource": "tasks",
           *         "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *         "fields": [
           *           "email",
           *           "phone"
           *         ]
           *       },
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['Event']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      /** @description Invalid or reserved `event_type`, an event type the agent’s type does not declare, a payload that does not match its schema or is over 64 KB, or an unknown `task_id`. */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listEventTypes: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The event types. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "type": "draft.approved",
           *         "declared_by": [],
           *         "description": null,
           *         "recorded": true
           *       },
           *       {
           *         "type": "lead.enriched",
           *         "declared_by": [
           *           "researcher"
           *         ],
           *         "description": "Fields were added to a lead.",
           *         "recorded": true
           *       }
           *     ]
           */
          'application/json': {
            type: string
            declared_by: string[]
            description: string | null
            recorded: boolean
          }[]
        }
      }
      401: components['responses']['Unauthorized']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getEvent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The seq. */
        id: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The event. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 1234,
           *       "task_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "event_type": "lead.enriched",
           *       "payload": {
           *         "resource": "tasks",
           *         "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
           *         "fields": [
           *           "email",
           *           "phone"
           *         ]
           *       },
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['Event']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listAudit: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: id, created_at, action, actor_type, resource_type. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over action, resource_type, resource_id. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: number[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: number[]
        /** @description At least (inclusive). */
        id_gte?: number
        /** @description At most (inclusive). */
        id_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        actor_type?: ('user' | 'agent' | 'system')[]
        /** @description Differs from (rows without a value match too). */
        actor_type_ne?: ('user' | 'agent' | 'system')[]
        /** @description At least (inclusive). */
        actor_type_gte?: 'user' | 'agent' | 'system'
        /** @description At most (inclusive). */
        actor_type_lte?: 'user' | 'agent' | 'system'
        /** @description Equals (repeat the key for any of several values). */
        actor_id?: string[]
        /** @description Differs from (rows without a value match too). */
        actor_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        action?: string[]
        /** @description Differs from (rows without a value match too). */
        action_ne?: string[]
        /** @description Contains, case-insensitive. */
        action_like?: string
        /** @description Equals (repeat the key for any of several values). */
        resource_type?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        resource_id?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_id_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_id_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of entries. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AuditEntry'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getAuditEntry: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The numeric id. */
        id: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The entry. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AuditEntry']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  exportAuditCsv: {
    parameters: {
      query?: {
        /**
         * @description Comma-separated fields to sort by, from: id, created_at, action, actor_type, resource_type. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over action, resource_type, resource_id. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: number[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: number[]
        /** @description At least (inclusive). */
        id_gte?: number
        /** @description At most (inclusive). */
        id_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        actor_type?: ('user' | 'agent' | 'system')[]
        /** @description Differs from (rows without a value match too). */
        actor_type_ne?: ('user' | 'agent' | 'system')[]
        /** @description At least (inclusive). */
        actor_type_gte?: 'user' | 'agent' | 'system'
        /** @description At most (inclusive). */
        actor_type_lte?: 'user' | 'agent' | 'system'
        /** @description Equals (repeat the key for any of several values). */
        actor_id?: string[]
        /** @description Differs from (rows without a value match too). */
        actor_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        action?: string[]
        /** @description Differs from (rows without a value match too). */
        action_ne?: string[]
        /** @description Contains, case-insensitive. */
        action_like?: string
        /** @description Equals (repeat the key for any of several values). */
        resource_type?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        resource_id?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_id_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_id_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The CSV file (`Content-Disposition: attachment; filename="audit-YYYY-MM-DD.csv"`). */
      200: {
        headers: {
          /** @description `attachment; filename="audit-YYYY-MM-DD.csv"` (UTC date). */
          'Content-Disposition'?: string
          [name: string]: unknown
        }
        content: {
          /** @example id,actor_type,actor_id,action,resource_type,resource_id,before_state,after_state,metadata,created_at */
          'text/csv': string
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      /** @description Too many exports running (`E_TOO_MANY_EXPORTS`): this person already has `EXPORT_MAX_PER_USER` (2), or the instance `EXPORT_MAX_CONCURRENT` (4). `Retry-After` says when to try again. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  exportAuditJsonl: {
    parameters: {
      query?: {
        /**
         * @description Comma-separated fields to sort by, from: id, created_at, action, actor_type, resource_type. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over action, resource_type, resource_id. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: number[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: number[]
        /** @description At least (inclusive). */
        id_gte?: number
        /** @description At most (inclusive). */
        id_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        actor_type?: ('user' | 'agent' | 'system')[]
        /** @description Differs from (rows without a value match too). */
        actor_type_ne?: ('user' | 'agent' | 'system')[]
        /** @description At least (inclusive). */
        actor_type_gte?: 'user' | 'agent' | 'system'
        /** @description At most (inclusive). */
        actor_type_lte?: 'user' | 'agent' | 'system'
        /** @description Equals (repeat the key for any of several values). */
        actor_id?: string[]
        /** @description Differs from (rows without a value match too). */
        actor_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        action?: string[]
        /** @description Differs from (rows without a value match too). */
        action_ne?: string[]
        /** @description Contains, case-insensitive. */
        action_like?: string
        /** @description Equals (repeat the key for any of several values). */
        resource_type?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        resource_id?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_id_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_id_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The JSON Lines file (`Content-Disposition: attachment; filename="audit-YYYY-MM-DD.jsonl"`). */
      200: {
        headers: {
          /** @description `attachment; filename="audit-YYYY-MM-DD.jsonl"` (UTC date). */
          'Content-Disposition'?: string
          [name: string]: unknown
        }
        content: {
          'application/jsonl': string
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      /** @description Too many exports running (`E_TOO_MANY_EXPORTS`), as for the CSV export. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  replayBoard: {
    parameters: {
      query?: {
        /**
         * @description An ISO 8601 time (UTC when it has no offset), read to the millisecond. Default: now.
         * @example 2026-03-01T10:00:00.000Z
         */
        at?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The board. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Board']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  replayTimeline: {
    parameters: {
      query?: {
        task_id?: string
        lead_id?: string
        draft_id?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The timeline. */
      200: {
        headers: {
          /** @description The number of items. */
          'x-total-count'?: number
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['TimelineItem'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getOpenApi: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OpenAPI 3.1, every route of this server (host and enabled plugins). */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': Record<string, unknown>
        }
      }
    }
  }
  getApiReference: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description An HTML page. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/html': string
        }
      }
    }
  }
  openEventStream: {
    parameters: {
      query: {
        /** @description Your client id. */
        uid: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The stream; each message is `{channel, payload}` as JSON. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/event-stream': string
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description This `uid` is the open stream of another user or agent (`E_FORBIDDEN`). */
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      /** @description The token or session already holds `REALTIME_MAX_STREAMS` (20) open streams (`E_TOO_MANY_STREAMS`, with `Retry-After`). */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  subscribe: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "uid": "9d2b1f4e-3c5a-4e6f-8a7b-1c2d3e4f5a6b",
         *       "channel": "agents/5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21"
         *     }
         */
        'application/json': {
          /** Format: uuid */
          uid: string
          channel: string
        }
      }
    }
    responses: {
      /** @description Subscribed. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description A channel the caller may not follow, or the `uid` of another user or agent’s stream (`E_FORBIDDEN`). */
      403: components['responses']['Forbidden']
      /** @description No stream with this `uid` is open (`E_NOT_FOUND`). */
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      /** @description No `uid` or `channel`, or an unknown channel. */
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      /** @description The stream is on another instance and Redis cannot reach it now (`E_UNAVAILABLE`, `Retry-After`). */
      503: components['responses']['Unavailable']
    }
  }
  unsubscribe: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          uid: string
          channel: string
        }
      }
    }
    responses: {
      /** @description Unsubscribed. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description The `uid` of another user or agent’s stream (`E_FORBIDDEN`). */
      403: components['responses']['Forbidden']
      /** @description No stream with this `uid` is open (`E_NOT_FOUND`). */
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      /** @description The stream is on another instance and Redis cannot reach it now (`E_UNAVAILABLE`, `Retry-After`). */
      503: components['responses']['Unavailable']
    }
  }
  listWebhooks: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: url, created_at, updated_at. Default: created_at desc. Another field → 422.
         * @example url
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over url, description. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        enabled?: boolean[]
        /** @description Differs from (rows without a value match too). */
        enabled_ne?: boolean[]
        /** @description Equals (repeat the key for any of several values). */
        agent_id?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of subscriptions. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
           *         "url": "https://hooks.example.com/mission-control",
           *         "description": "Decisions to the CRM",
           *         "event_types": [
           *           "draft.approved",
           *           "draft.rejected"
           *         ],
           *         "resource_types": [],
           *         "agent_id": null,
           *         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
           *         "enabled": true,
           *         "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "deliveries": {
           *           "pending": 0,
           *           "delivered": 41,
           *           "failed": 1
           *         }
           *       }
           *     ]
           */
          'application/json': components['schemas']['Webhook'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  createWebhook: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "url": "https://hooks.example.com/mission-control",
         *       "description": "Decisions to the CRM",
         *       "event_types": [
         *         "draft.approved",
         *         "draft.rejected"
         *       ]
         *     }
         */
        'application/json': {
          /** Format: uri */
          url: string
          description?: string | null
          event_types: string[]
          resource_types?: string[]
          /** Format: uuid */
          agent_id?: string | null
          /** @enum {unknown} */
          enabled?: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
        }
      }
    }
    responses: {
      /** @description The subscription. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
           *       "url": "https://hooks.example.com/mission-control",
           *       "description": "Decisions to the CRM",
           *       "event_types": [
           *         "draft.approved",
           *         "draft.rejected"
           *       ],
           *       "resource_types": [],
           *       "agent_id": null,
           *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
           *       "enabled": true,
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "deliveries": {
           *         "pending": 0,
           *         "delivered": 41,
           *         "failed": 1
           *       }
           *     }
           */
          'application/json': components['schemas']['Webhook']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The subscription. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
           *       "url": "https://hooks.example.com/mission-control",
           *       "description": "Decisions to the CRM",
           *       "event_types": [
           *         "draft.approved",
           *         "draft.rejected"
           *       ],
           *       "resource_types": [],
           *       "agent_id": null,
           *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
           *       "enabled": true,
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "deliveries": {
           *         "pending": 0,
           *         "delivered": 41,
           *         "failed": 1
           *       }
           *     }
           */
          'application/json': components['schemas']['Webhook']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  deleteWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  updateWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "enabled": false
         *     }
         */
        'application/json': {
          /** Format: uri */
          url?: string
          description?: string | null
          event_types?: string[]
          resource_types?: string[]
          /** Format: uuid */
          agent_id?: string | null
          /** @enum {unknown} */
          enabled?: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
          /** @enum {unknown} */
          rotate_secret?: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
        }
      }
    }
    responses: {
      /** @description The subscription. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
           *       "url": "https://hooks.example.com/mission-control",
           *       "description": "Decisions to the CRM",
           *       "event_types": [
           *         "draft.approved",
           *         "draft.rejected"
           *       ],
           *       "resource_types": [],
           *       "agent_id": null,
           *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
           *       "enabled": true,
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "deliveries": {
           *         "pending": 0,
           *         "delivered": 41,
           *         "failed": 1
           *       }
           *     }
           */
          'application/json': components['schemas']['Webhook']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: id, created_at, next_attempt_at, attempts. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Equals (repeat the key for any of several values). */
        id?: number[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: number[]
        /** @description At least (inclusive). */
        id_gte?: number
        /** @description At most (inclusive). */
        id_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        status?: ('pending' | 'delivered' | 'failed')[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: ('pending' | 'delivered' | 'failed')[]
        /** @description At least (inclusive). */
        status_gte?: 'pending' | 'delivered' | 'failed'
        /** @description At most (inclusive). */
        status_lte?: 'pending' | 'delivered' | 'failed'
        /** @description Equals (repeat the key for any of several values). */
        event_type?: string[]
        /** @description Differs from (rows without a value match too). */
        event_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        event_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of deliveries. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": 1207,
           *         "subscription_id": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
           *         "event_seq": 88231,
           *         "event_type": "draft.approved",
           *         "status": "failed",
           *         "attempts": 8,
           *         "next_attempt_at": "2026-03-01T10:00:00.000Z",
           *         "last_status": 502,
           *         "last_response": "Bad Gateway",
           *         "last_error": "The receiver answered 502",
           *         "last_duration_ms": 312,
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "delivered_at": null
           *       }
           *     ]
           */
          'application/json': components['schemas']['WebhookDelivery'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  testWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The queued delivery. */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['WebhookDelivery']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  redeliverWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
        /** @description The delivery’s id. */
        delivery_id: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The delivery, pending again. */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['WebhookDelivery']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description It is still pending (`E_DELIVERY_PENDING`). */
      409: components['responses']['Conflict']
      503: components['responses']['Unavailable']
    }
  }
  listNotifications: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: id, created_at. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over title, body. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        kind?: string[]
        /** @description Differs from (rows without a value match too). */
        kind_ne?: string[]
        /** @description Contains, case-insensitive. */
        kind_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description `true` or `false` */
        unread?: 'true' | 'false'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of notifications. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": 311,
           *         "kind": "agents.stale",
           *         "title": "planner-1 went silent",
           *         "body": "No heartbeat since 2026-03-01T09:55:00.000Z",
           *         "link": "/agents/show/5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "read_at": null
           *       }
           *     ]
           */
          'application/json': components['schemas']['Notification'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  countUnreadNotifications: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The count. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "unread": 3
           *     }
           */
          'application/json': {
            unread: number
          }
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  readNotification: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The notification’s id. */
        id: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The notification. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 311,
           *       "kind": "agents.stale",
           *       "title": "planner-1 went silent",
           *       "body": "No heartbeat since 2026-03-01T09:55:00.000Z",
           *       "link": "/agents/show/5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "read_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['Notification']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  readAllNotifications: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Nothing unread. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "unread": 0
           *     }
           */
          'application/json': {
            unread: number
          }
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  getNotificationPreferences: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Your preferences. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['NotificationPreferences']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  updateNotificationPreferences: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "kinds": [
         *         {
         *           "kind": "agents.stale",
         *           "in_app": true,
         *           "email": true,
         *           "slack": false,
         *           "digest_minutes": 60
         *         }
         *       ]
         *     }
         */
        'application/json': {
          /** Format: uri */
          slack_webhook_url?: string | null
          kinds?: {
            kind: string
            /** @enum {unknown} */
            in_app: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
            /** @enum {unknown} */
            email: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
            /** @enum {unknown} */
            slack: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
            /** @enum {number} */
            digest_minutes: 0 | 15 | 60 | 240 | 1440
          }[]
        }
      }
    }
    responses: {
      /** @description Your preferences. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['NotificationPreferences']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  listRateLimits: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Every rate limit setting. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "defaults": {
           *         "requests_per_minute": 600,
           *         "writes_per_minute": 300
           *       },
           *       "store": "redis",
           *       "agent_types": [
           *         {
           *           "agent_type": "researcher",
           *           "requests_per_minute": null,
           *           "writes_per_minute": 120,
           *           "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *           "updated_at": "2026-03-01T10:00:00.000Z"
           *         }
           *       ],
           *       "agents": [
           *         {
           *           "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *           "agent_name": "researcher-1",
           *           "agent_type": "researcher",
           *           "requests_per_minute": 1200,
           *           "writes_per_minute": null,
           *           "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *           "updated_at": "2026-03-01T10:00:00.000Z"
           *         }
           *       ]
           *     }
           */
          'application/json': {
            defaults: components['schemas']['RateLimitValues']
            /**
             * @description Where the counts live.
             * @enum {string}
             */
            store: 'redis' | 'database'
            agent_types: components['schemas']['AgentTypeRateLimits'][]
            agents: components['schemas']['AgentOwnRateLimits'][]
          }
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  getAgentRateLimits: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description What applies to the agent, and where it comes from. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": "researcher",
           *       "requests_per_minute": 1200,
           *       "writes_per_minute": 120,
           *       "sources": {
           *         "requests_per_minute": "agent",
           *         "writes_per_minute": "agent_type"
           *       },
           *       "own": {
           *         "requests_per_minute": 1200,
           *         "writes_per_minute": null,
           *         "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       },
           *       "type": {
           *         "requests_per_minute": null,
           *         "writes_per_minute": 120,
           *         "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       },
           *       "defaults": {
           *         "requests_per_minute": 600,
           *         "writes_per_minute": 300
           *       }
           *     }
           */
          'application/json': components['schemas']['AgentRateLimits']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  setAgentRateLimits: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    /** @description The whole setting: an omitted or null value is inherited (an agent’s from its type, a type’s from the defaults). At least one value must be set; to inherit both, DELETE. */
    requestBody: {
      content: {
        /**
         * @example {
         *       "requests_per_minute": 1200
         *     }
         */
        'application/json': {
          requests_per_minute?: number | null
          writes_per_minute?: number | null
        }
      }
    }
    responses: {
      /** @description What applies to the agent now. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": "researcher",
           *       "requests_per_minute": 1200,
           *       "writes_per_minute": 120,
           *       "sources": {
           *         "requests_per_minute": "agent",
           *         "writes_per_minute": "agent_type"
           *       },
           *       "own": {
           *         "requests_per_minute": 1200,
           *         "writes_per_minute": null,
           *         "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       },
           *       "type": {
           *         "requests_per_minute": null,
           *         "writes_per_minute": 120,
           *         "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       },
           *       "defaults": {
           *         "requests_per_minute": 600,
           *         "writes_per_minute": 300
           *       }
           *     }
           */
          'application/json': components['schemas']['AgentRateLimits']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  clearAgentRateLimits: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Cleared. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description No such agent, or it has no limits of its own. */
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  setAgentTypeRateLimits: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent type: declared by an enabled plugin, or the type of an existing agent.
         * @example researcher
         */
        name: string
      }
      cookie?: never
    }
    /** @description The whole setting: an omitted or null value is inherited (an agent’s from its type, a type’s from the defaults). At least one value must be set; to inherit both, DELETE. */
    requestBody: {
      content: {
        /**
         * @example {
         *       "writes_per_minute": 120
         *     }
         */
        'application/json': {
          requests_per_minute?: number | null
          writes_per_minute?: number | null
        }
      }
    }
    responses: {
      /** @description The type’s limits. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "agent_type": "researcher",
           *       "requests_per_minute": null,
           *       "writes_per_minute": 120,
           *       "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['AgentTypeRateLimits']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  clearAgentTypeRateLimits: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The agent type. */
        name: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Cleared. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description No such agent type, or it has no limits. */
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  reportUsage: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "gpt-4.1-mini",
         *       "input_tokens": 5200,
         *       "output_tokens": 780,
         *       "cost_usd": 0.0033
         *     }
         */
        'application/json': {
          model?: string | null
          input_tokens?: number
          output_tokens?: number
          cost_usd: number
          /** Format: uuid */
          task_id?: string | null
        }
      }
    }
    responses: {
      /** @description The report. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 88231,
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": "researcher",
           *       "model": "gpt-4.1-mini",
           *       "input_tokens": 5200,
           *       "output_tokens": 780,
           *       "cost_usd": 0.0033,
           *       "task_id": null,
           *       "reservation_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *       "created_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['UsageReport']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getMyBudget: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Budgets with their current period, and the agent’s open reservations. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "budgets": [
           *         {
           *           "id": "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
           *           "scope": "agent",
           *           "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *           "agent_type": null,
           *           "period": "day",
           *           "limit_usd": 5,
           *           "limit_tokens": null,
           *           "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *           "created_at": "2026-03-01T10:00:00.000Z",
           *           "updated_at": "2026-03-01T10:00:00.000Z",
           *           "current": {
           *             "period_start": "2026-03-01",
           *             "resets_at": "2026-03-02T00:00:00.000Z",
           *             "spent_usd": 3.42,
           *             "reserved_usd": 0.25,
           *             "remaining_usd": 1.33,
           *             "spent_tokens": 412000,
           *             "reserved_tokens": 0,
           *             "remaining_tokens": null,
           *             "reached": false
           *           }
           *         }
           *       ],
           *       "open_reservations": [
           *         {
           *           "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *           "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *           "cost_usd": 0.25,
           *           "tokens": 0,
           *           "purpose": "Write draft for Acme Dental",
           *           "status": "open",
           *           "expires_at": "2026-03-01T10:10:00.000Z",
           *           "created_at": "2026-03-01T10:00:00.000Z",
           *           "settled_at": null
           *         }
           *       ]
           *     }
           */
          'application/json': {
            budgets: components['schemas']['Budget'][]
            open_reservations: components['schemas']['BudgetReservation'][]
          }
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listMyReservations: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: created_at, expires_at. Default: created_at desc. Another field → 422.
         * @example created_at
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        status?: ('open' | 'settled' | 'expired')[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: ('open' | 'settled' | 'expired')[]
        /** @description At least (inclusive). */
        status_gte?: 'open' | 'settled' | 'expired'
        /** @description At most (inclusive). */
        status_lte?: 'open' | 'settled' | 'expired'
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of the agent’s reservations. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "cost_usd": 0.25,
           *         "tokens": 0,
           *         "purpose": "Write draft for Acme Dental",
           *         "status": "open",
           *         "expires_at": "2026-03-01T10:10:00.000Z",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "settled_at": null
           *       }
           *     ]
           */
          'application/json': components['schemas']['BudgetReservation'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  reserveBudget: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "cost_usd": 0.25,
         *       "purpose": "Write draft for Acme Dental"
         *     }
         */
        'application/json': {
          cost_usd: number
          tokens?: number
          purpose?: string
          ttl_seconds?: number
        }
      }
    }
    responses: {
      /** @description The reservation. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "cost_usd": 0.25,
           *       "tokens": 0,
           *       "purpose": "Write draft for Acme Dental",
           *       "status": "open",
           *       "expires_at": "2026-03-01T10:10:00.000Z",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "settled_at": null
           *     }
           */
          'application/json': components['schemas']['BudgetReservation']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      /** @description Paused (`E_AGENT_PAUSED`), or the reservation does not fit a budget (`E_AGENT_OVER_BUDGET`: the agent is now paused). */
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  settleReservation: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "gpt-4.1-mini",
         *       "input_tokens": 5200,
         *       "output_tokens": 780,
         *       "cost_usd": 0.0033
         *     }
         */
        'application/json': {
          model?: string | null
          input_tokens?: number
          output_tokens?: number
          cost_usd: number
          /** Format: uuid */
          task_id?: string | null
        }
      }
    }
    responses: {
      /** @description The settled reservation and the usage report. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "reservation": {
           *         "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "cost_usd": 0.25,
           *         "tokens": 0,
           *         "purpose": "Write draft for Acme Dental",
           *         "status": "settled",
           *         "expires_at": "2026-03-01T10:10:00.000Z",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "settled_at": "2026-03-01T10:00:00.000Z"
           *       },
           *       "usage": {
           *         "id": 88231,
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "agent_type": "researcher",
           *         "model": "gpt-4.1-mini",
           *         "input_tokens": 5200,
           *         "output_tokens": 780,
           *         "cost_usd": 0.0033,
           *         "task_id": null,
           *         "reservation_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *         "created_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     }
           */
          'application/json': {
            reservation: components['schemas']['BudgetReservation']
            usage: components['schemas']['UsageReport']
          }
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description No reservation of this agent has this id. */
      404: components['responses']['NotFound']
      /** @description It was already settled (`E_ALREADY_SETTLED`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listAgentBudgets: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Its own, its type’s and the overall budgets, with their current period. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
           *         "scope": "agent",
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "agent_type": null,
           *         "period": "day",
           *         "limit_usd": 5,
           *         "limit_tokens": null,
           *         "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "current": {
           *           "period_start": "2026-03-01",
           *           "resets_at": "2026-03-02T00:00:00.000Z",
           *           "spent_usd": 3.42,
           *           "reserved_usd": 0.25,
           *           "remaining_usd": 1.33,
           *           "spent_tokens": 412000,
           *           "reserved_tokens": 0,
           *           "remaining_tokens": null,
           *           "reached": false
           *         }
           *       }
           *     ]
           */
          'application/json': components['schemas']['Budget'][]
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listBudgets: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: scope, period, created_at, limit_usd. Default: scope desc, period asc. Another field → 422.
         * @example scope
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        scope?: ('agent' | 'agent_type' | 'overall')[]
        /** @description Differs from (rows without a value match too). */
        scope_ne?: ('agent' | 'agent_type' | 'overall')[]
        /** @description At least (inclusive). */
        scope_gte?: 'agent' | 'agent_type' | 'overall'
        /** @description At most (inclusive). */
        scope_lte?: 'agent' | 'agent_type' | 'overall'
        /** @description Equals (repeat the key for any of several values). */
        agent_id?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        agent_type?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        agent_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        period?: ('day' | 'month')[]
        /** @description Differs from (rows without a value match too). */
        period_ne?: ('day' | 'month')[]
        /** @description At least (inclusive). */
        period_gte?: 'day' | 'month'
        /** @description At most (inclusive). */
        period_lte?: 'day' | 'month'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of budgets with their current period. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
           *         "scope": "agent",
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "agent_type": null,
           *         "period": "day",
           *         "limit_usd": 5,
           *         "limit_tokens": null,
           *         "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "current": {
           *           "period_start": "2026-03-01",
           *           "resets_at": "2026-03-02T00:00:00.000Z",
           *           "spent_usd": 3.42,
           *           "reserved_usd": 0.25,
           *           "remaining_usd": 1.33,
           *           "spent_tokens": 412000,
           *           "reserved_tokens": 0,
           *           "remaining_tokens": null,
           *           "reached": false
           *         }
           *       }
           *     ]
           */
          'application/json': components['schemas']['Budget'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  createBudget: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "scope": "agent",
         *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
         *       "period": "day",
         *       "limit_usd": 5
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          scope: 'agent' | 'agent_type' | 'overall'
          /** Format: uuid */
          agent_id?: string | null
          agent_type?: string | null
          /** @enum {unknown} */
          period: 'day' | 'month'
          limit_usd?: number | null
          limit_tokens?: number | null
        }
      }
    }
    responses: {
      /** @description The budget. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
           *       "scope": "agent",
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": null,
           *       "period": "day",
           *       "limit_usd": 5,
           *       "limit_tokens": null,
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "current": {
           *         "period_start": "2026-03-01",
           *         "resets_at": "2026-03-02T00:00:00.000Z",
           *         "spent_usd": 3.42,
           *         "reserved_usd": 0.25,
           *         "remaining_usd": 1.33,
           *         "spent_tokens": 412000,
           *         "reserved_tokens": 0,
           *         "remaining_tokens": null,
           *         "reached": false
           *       }
           *     }
           */
          'application/json': components['schemas']['Budget']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description That scope already has a budget for the period (`E_DUPLICATE`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getBudget: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The budget. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
           *       "scope": "agent",
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": null,
           *       "period": "day",
           *       "limit_usd": 5,
           *       "limit_tokens": null,
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "current": {
           *         "period_start": "2026-03-01",
           *         "resets_at": "2026-03-02T00:00:00.000Z",
           *         "spent_usd": 3.42,
           *         "reserved_usd": 0.25,
           *         "remaining_usd": 1.33,
           *         "spent_tokens": 412000,
           *         "reserved_tokens": 0,
           *         "remaining_tokens": null,
           *         "reached": false
           *       }
           *     }
           */
          'application/json': components['schemas']['Budget']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  deleteBudget: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  updateBudget: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "limit_usd": 10
         *     }
         */
        'application/json': {
          limit_usd?: number | null
          limit_tokens?: number | null
        }
      }
    }
    responses: {
      /** @description The budget. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
           *       "scope": "agent",
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": null,
           *       "period": "day",
           *       "limit_usd": 5,
           *       "limit_tokens": null,
           *       "created_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "current": {
           *         "period_start": "2026-03-01",
           *         "resets_at": "2026-03-02T00:00:00.000Z",
           *         "spent_usd": 3.42,
           *         "reserved_usd": 0.25,
           *         "remaining_usd": 1.33,
           *         "spent_tokens": 412000,
           *         "reserved_tokens": 0,
           *         "remaining_tokens": null,
           *         "reached": false
           *       }
           *     }
           */
          'application/json': components['schemas']['Budget']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  listUsage: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: id, created_at, cost_usd. Default: id desc. Another field → 422.
         * @example id
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Equals (repeat the key for any of several values). */
        id?: number[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: number[]
        /** @description At least (inclusive). */
        id_gte?: number
        /** @description At most (inclusive). */
        id_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        agent_id?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        agent_type?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        agent_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        model?: string[]
        /** @description Differs from (rows without a value match too). */
        model_ne?: string[]
        /** @description Contains, case-insensitive. */
        model_like?: string
        /** @description Equals (repeat the key for any of several values). */
        task_id?: string[]
        /** @description Differs from (rows without a value match too). */
        task_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        reservation_id?: string[]
        /** @description Differs from (rows without a value match too). */
        reservation_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of usage reports, newest first. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": 88231,
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "agent_type": "researcher",
           *         "model": "gpt-4.1-mini",
           *         "input_tokens": 5200,
           *         "output_tokens": 780,
           *         "cost_usd": 0.0033,
           *         "task_id": null,
           *         "reservation_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
           *         "created_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['UsageReport'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  usageSeries: {
    parameters: {
      query?: {
        /** @description Default `day`. */
        bucket?: 'hour' | 'day'
        /** @description Default: 30 days (48 hours by the hour) before `to`. */
        from?: string
        /** @description Default: now. */
        to?: string
        /** @description One agent only. */
        agent_id?: string
        /** @description `agent`: one point per agent and bucket. */
        by?: 'agent'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The series. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "bucket": "day",
           *       "time_zone": "UTC",
           *       "from": "2026-02-01T10:00:00.000Z",
           *       "to": "2026-03-01T10:00:00.000Z",
           *       "points": [
           *         {
           *           "at": "2026-03-01T00:00:00.000Z",
           *           "cost_usd": 3.42,
           *           "input_tokens": 380000,
           *           "output_tokens": 32000,
           *           "reports": 96
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['UsageSeries']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listSavedViews: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: name, resource, created_at, updated_at. Default: resource asc, name asc. Another field → 422.
         * @example name
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over name. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        resource?: string[]
        /** @description Differs from (rows without a value match too). */
        resource_ne?: string[]
        /** @description Contains, case-insensitive. */
        resource_like?: string
        /** @description Equals (repeat the key for any of several values). */
        shared?: boolean[]
        /** @description Differs from (rows without a value match too). */
        shared_ne?: boolean[]
        /** @description Equals (repeat the key for any of several values). */
        user_id?: string[]
        /** @description Differs from (rows without a value match too). */
        user_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of views. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
           *         "resource": "tasks",
           *         "name": "Waiting for me",
           *         "filters": [
           *           {
           *             "field": "column",
           *             "operator": "in",
           *             "value": [
           *               "needs_approval"
           *             ]
           *           },
           *           {
           *             "field": "q",
           *             "operator": "eq",
           *             "value": "invoice"
           *           }
           *         ],
           *         "sorters": [
           *           {
           *             "field": "updated_at",
           *             "order": "desc"
           *           }
           *         ],
           *         "hidden_columns": [
           *           "created_at"
           *         ],
           *         "page_size": 50,
           *         "shared": true,
           *         "user_id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "owner_email": "ana@example.com",
           *         "mine": true,
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['SavedView'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  createSavedView: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "resource": "tasks",
         *       "name": "Waiting for me",
         *       "filters": [
         *         {
         *           "field": "column",
         *           "operator": "in",
         *           "value": [
         *             "needs_approval"
         *           ]
         *         },
         *         {
         *           "field": "q",
         *           "operator": "eq",
         *           "value": "invoice"
         *         }
         *       ],
         *       "sorters": [
         *         {
         *           "field": "updated_at",
         *           "order": "desc"
         *         }
         *       ],
         *       "hidden_columns": [
         *         "created_at"
         *       ],
         *       "page_size": 50,
         *       "shared": true
         *     }
         */
        'application/json': {
          resource: string
          name: string
          filters?: {
            field: string
            /** @enum {unknown} */
            operator: 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'contains'
            value: string | string[]
          }[]
          sorters?: {
            field: string
            /** @enum {unknown} */
            order: 'asc' | 'desc'
          }[]
          hidden_columns?: string[]
          page_size?: number | null
          /** @enum {unknown} */
          shared?: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
        }
      }
    }
    responses: {
      /** @description The view. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
           *       "resource": "tasks",
           *       "name": "Waiting for me",
           *       "filters": [
           *         {
           *           "field": "column",
           *           "operator": "in",
           *           "value": [
           *             "needs_approval"
           *           ]
           *         },
           *         {
           *           "field": "q",
           *           "operator": "eq",
           *           "value": "invoice"
           *         }
           *       ],
           *       "sorters": [
           *         {
           *           "field": "updated_at",
           *           "order": "desc"
           *         }
           *       ],
           *       "hidden_columns": [
           *         "created_at"
           *       ],
           *       "page_size": 50,
           *       "shared": true,
           *       "user_id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "owner_email": "ana@example.com",
           *       "mine": true,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['SavedView']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description Your role may not read this list (or you are an agent). */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getSavedView: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The view. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
           *       "resource": "tasks",
           *       "name": "Waiting for me",
           *       "filters": [
           *         {
           *           "field": "column",
           *           "operator": "in",
           *           "value": [
           *             "needs_approval"
           *           ]
           *         },
           *         {
           *           "field": "q",
           *           "operator": "eq",
           *           "value": "invoice"
           *         }
           *       ],
           *       "sorters": [
           *         {
           *           "field": "updated_at",
           *           "order": "desc"
           *         }
           *       ],
           *       "hidden_columns": [
           *         "created_at"
           *       ],
           *       "page_size": 50,
           *       "shared": true,
           *       "user_id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "owner_email": "ana@example.com",
           *       "mine": true,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['SavedView']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  deleteSavedView: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      /** @description Neither the owner nor an admin. */
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  updateSavedView: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "name": "Mine, newest first"
         *     }
         */
        'application/json': {
          name?: string
          filters?: {
            field: string
            /** @enum {unknown} */
            operator: 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'contains'
            value: string | string[]
          }[]
          sorters?: {
            field: string
            /** @enum {unknown} */
            order: 'asc' | 'desc'
          }[]
          hidden_columns?: string[]
          page_size?: number | null
          /** @enum {unknown} */
          shared?: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
        }
      }
    }
    responses: {
      /** @description The view. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
           *       "resource": "tasks",
           *       "name": "Waiting for me",
           *       "filters": [
           *         {
           *           "field": "column",
           *           "operator": "in",
           *           "value": [
           *             "needs_approval"
           *           ]
           *         },
           *         {
           *           "field": "q",
           *           "operator": "eq",
           *           "value": "invoice"
           *         }
           *       ],
           *       "sorters": [
           *         {
           *           "field": "updated_at",
           *           "order": "desc"
           *         }
           *       ],
           *       "hidden_columns": [
           *         "created_at"
           *       ],
           *       "page_size": 50,
           *       "shared": true,
           *       "user_id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "owner_email": "ana@example.com",
           *       "mine": true,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['SavedView']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description Only the person who saved the view may change it. */
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getPreferences: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Your preferences (defaults when you chose nothing). */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "theme": "dark"
           *     }
           */
          'application/json': components['schemas']['Preferences']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      503: components['responses']['Unavailable']
    }
  }
  updatePreferences: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "theme": "dark"
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          theme?: 'system' | 'light' | 'dark'
        }
      }
    }
    responses: {
      /** @description Your preferences. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "theme": "dark"
           *     }
           */
          'application/json': components['schemas']['Preferences']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  getSummary: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The summary. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "generated_at": "2026-03-01T10:00:00.000Z",
           *       "time_zone": "UTC",
           *       "days": [
           *         "2026-02-28",
           *         "2026-03-01"
           *       ],
           *       "tasks": {
           *         "total": 9,
           *         "by_column": {
           *           "backlog": 3,
           *           "doing": 2,
           *           "needs_approval": 1,
           *           "done": 3
           *         }
           *       },
           *       "agents": {
           *         "total": 2,
           *         "by_status": {
           *           "idle": 1,
           *           "running": 1,
           *           "paused": 0,
           *           "blocked": 0
           *         },
           *         "activity": [
           *           {
           *             "id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *             "name": "planner-1",
           *             "type": "planner",
           *             "status": "running",
           *             "events_24h": 42
           *           }
           *         ]
           *       },
           *       "events_per_day": [
           *         {
           *           "day": "2026-02-28",
           *           "count": 120
           *         },
           *         {
           *           "day": "2026-03-01",
           *           "count": 57
           *         }
           *       ],
           *       "spend": {
           *         "series": {
           *           "bucket": "day",
           *           "time_zone": "UTC",
           *           "from": "2026-01-30T10:00:00.000Z",
           *           "to": "2026-03-01T10:00:00.000Z",
           *           "points": []
           *         },
           *         "overall_budgets": []
           *       },
           *       "plugins": {
           *         "invoices": {
           *           "unpaid": 4,
           *           "paid_per_day": [
           *             {
           *               "day": "2026-03-01",
           *               "count": 2
           *             }
           *           ]
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['Summary']
        }
      }
      401: components['responses']['Unauthorized']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  importLeads: {
    parameters: {
      query?: {
        /**
         * @description A JSON object: CSV column → lead field or null. Without it: this person’s remembered choices, then the columns named like a field (`GET` the guess with the preview). `business_name`, `niche`, `region` and `website` must be mapped.
         * @example {"Company":"business_name","Industry":"niche","City":"region","Web":"website","E-mail":"email","Internal id":null}
         */
        mapping?: string
        /** @description Shown in the record and the audit row (multipart: the file’s own name by default). */
        file_name?: string
        /** @description The import’s id, chosen by the client to poll it while it runs (409 if taken). */
        id?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example Company,Industry,City,Web,E-mail,Internal id
         *     Bright Smile Dental,Dentists,"Austin, TX",brightsmile.example.com,priya@brightsmile.example.com,17
         */
        'text/csv': string
        'multipart/form-data': {
          /** Format: binary */
          file: string
        }
      }
    }
    responses: {
      /** @description The import, done. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d",
           *       "status": "done",
           *       "file_name": "trade-show-2026.csv",
           *       "headers": [
           *         "Company",
           *         "Industry",
           *         "City",
           *         "Web",
           *         "E-mail",
           *         "Internal id"
           *       ],
           *       "mapping": {
           *         "Company": "business_name",
           *         "Industry": "niche",
           *         "City": "region",
           *         "Web": "website",
           *         "E-mail": "email",
           *         "Internal id": null
           *       },
           *       "created_by": {
           *         "type": "user",
           *         "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
           *       },
           *       "rows": 1200,
           *       "imported": 1150,
           *       "rejected": 50,
           *       "rejected_by_reason": {
           *         "invalid": 12,
           *         "duplicate": 30,
           *         "duplicate_in_file": 8,
           *         "suppressed": 0
           *       },
           *       "bytes_received": 183204,
           *       "bytes_total": 183204,
           *       "progress": 100,
           *       "error": null,
           *       "rejected_csv": "/api/leads/imports/3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d/rejected.csv",
           *       "rejected_rows_removed_at": null,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "finished_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['LeadImport']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description The upload stalled: nothing arrived for `LEAD_IMPORT_IDLE_SECONDS` (60) (`E_UPLOAD_STALLED`; the connection closes). Nothing is imported. */
      408: components['responses']['RequestTimeout']
      /** @description The `id` is taken by another import (`E_IMPORT_EXISTS`). */
      409: components['responses']['Conflict']
      /** @description The mapping leaves a required field unmapped, maps two columns to one field or names a column the file has not (`E_IMPORT_MAPPING`); the file is empty, not UTF-8, has an unclosed quote or is not CSV (`E_INVALID_CSV`). Nothing is imported. */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      /** @description The caller has an import running, or two imports already run on this instance (`E_TOO_MANY_IMPORTS`; `Retry-After`), or an agent’s rate limit. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  previewLeadImport: {
    parameters: {
      query?: {
        /** @description The body is the start of a longer file. */
        partial?: boolean
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example Company,Industry,City,Web,E-mail,Internal id
         *     Bright Smile Dental,Dentists,"Austin, TX",brightsmile.example.com,priya@brightsmile.example.com,17
         */
        'text/csv': string
      }
    }
    responses: {
      /** @description The headers, the first rows and the proposed mapping. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "headers": [
           *         "Company",
           *         "Industry",
           *         "City",
           *         "Web",
           *         "E-mail",
           *         "Internal id"
           *       ],
           *       "rows": [
           *         [
           *           "Bright Smile Dental",
           *           "Dentists",
           *           "Austin, TX",
           *           "brightsmile.example.com",
           *           "priya@brightsmile.example.com",
           *           "17"
           *         ]
           *       ],
           *       "mapping": {
           *         "Company": "business_name",
           *         "Industry": "niche",
           *         "City": "region",
           *         "Web": "website",
           *         "E-mail": "email",
           *         "Internal id": null
           *       },
           *       "remembered": [
           *         "Internal id"
           *       ],
           *       "fields": [
           *         {
           *           "name": "business_name",
           *           "required": true
           *         },
           *         {
           *           "name": "niche",
           *           "required": true
           *         },
           *         {
           *           "name": "region",
           *           "required": true
           *         },
           *         {
           *           "name": "website",
           *           "required": true
           *         },
           *         {
           *           "name": "contact_name",
           *           "required": false
           *         },
           *         {
           *           "name": "contact_role",
           *           "required": false
           *         },
           *         {
           *           "name": "email",
           *           "required": false
           *         },
           *         {
           *           "name": "phone",
           *           "required": false
           *         },
           *         {
           *           "name": "source",
           *           "required": false
           *         },
           *         {
           *           "name": "lead_score",
           *           "required": false
           *         },
           *         {
           *           "name": "status",
           *           "required": false
           *         },
           *         {
           *           "name": "next_step",
           *           "required": false
           *         },
           *         {
           *           "name": "notes",
           *           "required": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['LeadImportPreview']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      /** @description Empty, not CSV, or more columns than the import takes (`E_INVALID_CSV`). */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listLeadImports: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: created_at, file_name, status, rows_total, imported, rejected. Default: created_at desc. Another field → 422.
         * @example created_at
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over file_name. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        status?: ('loading' | 'checking' | 'inserting' | 'done' | 'failed')[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: ('loading' | 'checking' | 'inserting' | 'done' | 'failed')[]
        /** @description At least (inclusive). */
        status_gte?: 'loading' | 'checking' | 'inserting' | 'done' | 'failed'
        /** @description At most (inclusive). */
        status_lte?: 'loading' | 'checking' | 'inserting' | 'done' | 'failed'
        /** @description Equals (repeat the key for any of several values). */
        actor_id?: string[]
        /** @description Differs from (rows without a value match too). */
        actor_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        file_name?: string[]
        /** @description Differs from (rows without a value match too). */
        file_name_ne?: string[]
        /** @description Contains, case-insensitive. */
        file_name_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of imports. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d",
           *         "status": "done",
           *         "file_name": "trade-show-2026.csv",
           *         "headers": [
           *           "Company",
           *           "Industry",
           *           "City",
           *           "Web",
           *           "E-mail",
           *           "Internal id"
           *         ],
           *         "mapping": {
           *           "Company": "business_name",
           *           "Industry": "niche",
           *           "City": "region",
           *           "Web": "website",
           *           "E-mail": "email",
           *           "Internal id": null
           *         },
           *         "created_by": {
           *           "type": "user",
           *           "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
           *         },
           *         "rows": 1200,
           *         "imported": 1150,
           *         "rejected": 50,
           *         "rejected_by_reason": {
           *           "invalid": 12,
           *           "duplicate": 30,
           *           "duplicate_in_file": 8,
           *           "suppressed": 0
           *         },
           *         "bytes_received": 183204,
           *         "bytes_total": 183204,
           *         "progress": 100,
           *         "error": null,
           *         "rejected_csv": "/api/leads/imports/3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d/rejected.csv",
           *         "rejected_rows_removed_at": null,
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "finished_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['LeadImport'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getLeadImport: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The import. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d",
           *       "status": "done",
           *       "file_name": "trade-show-2026.csv",
           *       "headers": [
           *         "Company",
           *         "Industry",
           *         "City",
           *         "Web",
           *         "E-mail",
           *         "Internal id"
           *       ],
           *       "mapping": {
           *         "Company": "business_name",
           *         "Industry": "niche",
           *         "City": "region",
           *         "Web": "website",
           *         "E-mail": "email",
           *         "Internal id": null
           *       },
           *       "created_by": {
           *         "type": "user",
           *         "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
           *       },
           *       "rows": 1200,
           *       "imported": 1150,
           *       "rejected": 50,
           *       "rejected_by_reason": {
           *         "invalid": 12,
           *         "duplicate": 30,
           *         "duplicate_in_file": 8,
           *         "suppressed": 0
           *       },
           *       "bytes_received": 183204,
           *       "bytes_total": 183204,
           *       "progress": 100,
           *       "error": null,
           *       "rejected_csv": "/api/leads/imports/3d9a7c1e-2b4f-4e6a-9c8d-7f1e2a3b4c5d/rejected.csv",
           *       "rejected_rows_removed_at": null,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "finished_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['LeadImport']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getLeadImportRejections: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The rejected rows. */
      200: {
        headers: {
          /** @description `attachment; filename="<file name>-rejected.csv"`. */
          'Content-Disposition'?: string
          [name: string]: unknown
        }
        content: {
          /**
           * @example row,reason,message,Company,Industry,City,Web,E-mail,Internal id
           *     7,invalid,website is not a valid website address,Joe’s Roofing,Roofers,"Boise, ID",joes roofing,,18
           */
          'text/csv': string
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description The import is not done (`E_IMPORT_NOT_DONE`). */
      409: components['responses']['Conflict']
      /** @description The rejected rows were removed, `LEAD_IMPORT_REJECTED_ROWS_DAYS` (30) days after the import finished (`E_REJECTED_ROWS_REMOVED`); the import keeps its counts. */
      410: components['responses']['Gone']
      /** @description Too many exports running (`E_TOO_MANY_EXPORTS`). */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listLeads: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: business_name, niche, region, lead_score, status, created_at, updated_at, last_action_at. Default: created_at desc. Another field → 422.
         * @example business_name
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over business_name, contact_name, email, website, niche, region. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        business_name?: string[]
        /** @description Differs from (rows without a value match too). */
        business_name_ne?: string[]
        /** @description Contains, case-insensitive. */
        business_name_like?: string
        /** @description Equals (repeat the key for any of several values). */
        niche?: string[]
        /** @description Differs from (rows without a value match too). */
        niche_ne?: string[]
        /** @description Contains, case-insensitive. */
        niche_like?: string
        /** @description Equals (repeat the key for any of several values). */
        region?: string[]
        /** @description Differs from (rows without a value match too). */
        region_ne?: string[]
        /** @description Contains, case-insensitive. */
        region_like?: string
        /** @description Equals (repeat the key for any of several values). */
        website?: string[]
        /** @description Differs from (rows without a value match too). */
        website_ne?: string[]
        /** @description Contains, case-insensitive. */
        website_like?: string
        /** @description Equals (repeat the key for any of several values). */
        contact_name?: string[]
        /** @description Differs from (rows without a value match too). */
        contact_name_ne?: string[]
        /** @description Contains, case-insensitive. */
        contact_name_like?: string
        /** @description Equals (repeat the key for any of several values). */
        contact_role?: string[]
        /** @description Differs from (rows without a value match too). */
        contact_role_ne?: string[]
        /** @description Contains, case-insensitive. */
        contact_role_like?: string
        /** @description Equals (repeat the key for any of several values). */
        email?: string[]
        /** @description Differs from (rows without a value match too). */
        email_ne?: string[]
        /** @description Contains, case-insensitive. */
        email_like?: string
        /** @description Equals (repeat the key for any of several values). */
        phone?: string[]
        /** @description Differs from (rows without a value match too). */
        phone_ne?: string[]
        /** @description Contains, case-insensitive. */
        phone_like?: string
        /** @description Equals (repeat the key for any of several values). */
        source?: string[]
        /** @description Differs from (rows without a value match too). */
        source_ne?: string[]
        /** @description Contains, case-insensitive. */
        source_like?: string
        /** @description Equals (repeat the key for any of several values). */
        lead_score?: ('A' | 'B' | 'C')[]
        /** @description Differs from (rows without a value match too). */
        lead_score_ne?: ('A' | 'B' | 'C')[]
        /** @description At least (inclusive). */
        lead_score_gte?: 'A' | 'B' | 'C'
        /** @description At most (inclusive). */
        lead_score_lte?: 'A' | 'B' | 'C'
        /** @description Equals (repeat the key for any of several values). */
        status?: (
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        )[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: (
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        )[]
        /** @description At least (inclusive). */
        status_gte?:
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        /** @description At most (inclusive). */
        status_lte?:
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        /** @description Equals (repeat the key for any of several values). */
        next_step?: string[]
        /** @description Differs from (rows without a value match too). */
        next_step_ne?: string[]
        /** @description Contains, case-insensitive. */
        next_step_like?: string
        /** @description Equals (repeat the key for any of several values). */
        last_action_at?: string[]
        /** @description Differs from (rows without a value match too). */
        last_action_at_ne?: string[]
        /** @description At least (inclusive). */
        last_action_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        last_action_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
        /** @description `true`: only the leads the do-not-contact list covers; `false`: only the others. Empty: no filter. */
        suppressed?: boolean
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of leads. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *         "business_name": "Bright Smile Dental",
           *         "niche": "dentist",
           *         "region": "Austin, TX",
           *         "website": "https://brightsmile.example.com",
           *         "contact_name": "Dr. Priya Patel",
           *         "contact_role": "Owner",
           *         "email": "priya@brightsmile.example.com",
           *         "phone": "+1 512 555 0134",
           *         "source": "lead_finder",
           *         "lead_score": "A",
           *         "status": "enriched",
           *         "last_action_at": "2026-03-01T10:00:00.000Z",
           *         "next_step": "Intro email",
           *         "notes": [
           *           "Opened a second clinic in 2025",
           *           "Reviews praise the weekend hours"
           *         ],
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "suppressed": false,
           *         "suppression": null
           *       }
           *     ]
           */
          'application/json': components['schemas']['Lead'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  createLead: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "business_name": "Bright Smile Dental",
         *       "niche": "dentist",
         *       "region": "Austin, TX",
         *       "website": "brightsmile.example.com",
         *       "email": "priya@brightsmile.example.com",
         *       "source": "lead_finder"
         *     }
         */
        'application/json': {
          business_name: string
          niche: string
          region: string
          website: string
          contact_name?: string | null
          contact_role?: string | null
          /** Format: email */
          email?: string | null
          phone?: string | null
          source?: string
          /** @enum {unknown} */
          lead_score?: 'A' | 'B' | 'C'
          /** @enum {unknown} */
          status?:
            | 'new'
            | 'enriched'
            | 'drafted'
            | 'approved'
            | 'contacted'
            | 'replied'
            | 'booked'
            | 'lost'
          next_step?: string | null
          notes?: string[]
        }
      }
    }
    responses: {
      /** @description The lead. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "business_name": "Bright Smile Dental",
           *       "niche": "dentist",
           *       "region": "Austin, TX",
           *       "website": "https://brightsmile.example.com",
           *       "contact_name": "Dr. Priya Patel",
           *       "contact_role": "Owner",
           *       "email": "priya@brightsmile.example.com",
           *       "phone": "+1 512 555 0134",
           *       "source": "lead_finder",
           *       "lead_score": "A",
           *       "status": "enriched",
           *       "last_action_at": "2026-03-01T10:00:00.000Z",
           *       "next_step": "Intro email",
           *       "notes": [
           *         "Opened a second clinic in 2025",
           *         "Reviews praise the weekend hours"
           *       ],
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "suppressed": false,
           *       "suppression": null
           *     }
           */
          'application/json': components['schemas']['Lead']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description A lead with the same normalized website or email exists (`E_DUPLICATE_LEAD`; `field` is `website` or `email`, `existing_id` the other lead). Or: The lead is on the do-not-contact list (`E_SUPPRESSED`; `field` is `email` or `website`, `entry` the entry that covers it: its e-mail address, its e-mail’s domain or its website’s host). */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "errors": [
           *         {
           *           "message": "A lead with this website already exists: 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f (Bright Smile Dental)",
           *           "code": "E_DUPLICATE_LEAD",
           *           "field": "website",
           *           "existing_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Error']
        }
      }
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  createLeadsBulk: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "leads": [
         *         {
         *           "business_name": "Bright Smile Dental",
         *           "niche": "dentist",
         *           "region": "Austin, TX",
         *           "website": "brightsmile.example.com",
         *           "email": "priya@brightsmile.example.com",
         *           "source": "lead_finder"
         *         },
         *         {
         *           "business_name": "Lakeside Family Dentistry",
         *           "niche": "dentist",
         *           "region": "Austin, TX",
         *           "website": "https://www.lakeside-dental.example.com/",
         *           "lead_score": "B"
         *         }
         *       ]
         *     }
         */
        'application/json': {
          /** @description Up to 1000 leads, each the body of `POST /api/leads`; each is checked on its own. */
          leads: {
            business_name: string
            niche: string
            region: string
            website: string
            contact_name?: string | null
            contact_role?: string | null
            /** Format: email */
            email?: string | null
            phone?: string | null
            source?: string
            /** @enum {unknown} */
            lead_score?: 'A' | 'B' | 'C'
            /** @enum {unknown} */
            status?:
              | 'new'
              | 'enriched'
              | 'drafted'
              | 'approved'
              | 'contacted'
              | 'replied'
              | 'booked'
              | 'lost'
            next_step?: string | null
            notes?: string[]
          }[]
        }
      }
    }
    responses: {
      /** @description A result per row. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "batch_id": "3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
           *       "totals": {
           *         "received": 3,
           *         "created": 1,
           *         "refused": 2,
           *         "duplicates": 1,
           *         "invalid": 0,
           *         "suppressed": 1
           *       },
           *       "results": [
           *         {
           *           "index": 0,
           *           "status": "created",
           *           "id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
           *         },
           *         {
           *           "index": 1,
           *           "status": "refused",
           *           "code": "E_DUPLICATE_LEAD",
           *           "message": "A lead with this website already exists: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
           *           "field": "website",
           *           "existing_id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
           *         },
           *         {
           *           "index": 2,
           *           "status": "refused",
           *           "code": "E_SUPPRESSED",
           *           "message": "This lead is on the do-not-contact list: the domain acme-dental.example.com is suppressed",
           *           "field": "website",
           *           "entry": {
           *             "id": "0b7e2c4d-9a1f-4e3b-8c6d-5f4a3b2c1d0e",
           *             "kind": "domain",
           *             "value": "acme-dental.example.com"
           *           }
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['LeadBulkResult']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description More than 1000 leads (`E_TOO_MANY_ROWS`), or a body over 1 MB (`E_BODY_TOO_LARGE`): nothing is written. */
      413: components['responses']['PayloadTooLarge']
      /** @description `leads` is missing, empty or not an array (a bad row is a refused row, not a 422). */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  actOnLeads: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "action": "set_status",
         *       "filter": {
         *         "status": "enriched",
         *         "niche_like": "dent"
         *       },
         *       "expected_count": 42,
         *       "status": "contacted"
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          action: 'set_status' | 'set_next_step' | 'delete'
          ids?: string[]
          filter?: {
            [key: string]: string | string[]
          }
          expected_count?: number
          /** @enum {unknown} */
          status?:
            | 'new'
            | 'enriched'
            | 'drafted'
            | 'approved'
            | 'contacted'
            | 'replied'
            | 'booked'
            | 'lost'
          next_step?: string | null
        }
      }
    }
    responses: {
      /** @description What the action did. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c",
           *       "action": "set_status",
           *       "matched": 42,
           *       "changed": 40,
           *       "unchanged": 2
           *     }
           */
          'application/json': components['schemas']['LeadBulkActionResult']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description The role may not do this action (`delete` needs `leads.delete`). */
      403: components['responses']['Forbidden']
      /** @description The selection holds another number of leads than `expected_count` (`E_SELECTION_CHANGED`): nothing is changed. */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      /** @description Neither or both of `ids` and `filter`; `status` missing for `set_status`, `next_step` missing for `set_next_step`; a filter the list refuses (`E_INVALID_QUERY`); more leads than the cap (`E_SELECTION_TOO_LARGE`). */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listSuppressions: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: value, kind, created_at. Default: created_at desc. Another field → 422.
         * @example value
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over value, reason. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        kind?: ('email' | 'domain')[]
        /** @description Differs from (rows without a value match too). */
        kind_ne?: ('email' | 'domain')[]
        /** @description At least (inclusive). */
        kind_gte?: 'email' | 'domain'
        /** @description At most (inclusive). */
        kind_lte?: 'email' | 'domain'
        /** @description Equals (repeat the key for any of several values). */
        value?: string[]
        /** @description Differs from (rows without a value match too). */
        value_ne?: string[]
        /** @description Contains, case-insensitive. */
        value_like?: string
        /** @description Equals (repeat the key for any of several values). */
        created_by?: string[]
        /** @description Differs from (rows without a value match too). */
        created_by_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of entries. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "0b7e2c4d-9a1f-4e3b-8c6d-5f4a3b2c1d0e",
           *         "kind": "domain",
           *         "value": "acme-dental.example.com",
           *         "reason": "Asked not to be contacted (call of 2026-02-27)",
           *         "created_by": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
           *         "created_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['Suppression'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  createSuppression: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "value": "acme-dental.example.com",
         *       "reason": "Asked not to be contacted (call of 2026-02-27)"
         *     }
         */
        'application/json': {
          /** @description An e-mail address (`jo@acme.com`) or a domain (`acme.com`; `@acme.com` and a URL such as `https://www.acme.com/contact` give `acme.com`; it covers its subdomains), rule `suppressionValue`. Stored trimmed and lower-case, an internationalized domain in Unicode. */
          value: string
          reason?: string | null
        }
      }
    }
    responses: {
      /** @description The entry, as stored (normalized). */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "0b7e2c4d-9a1f-4e3b-8c6d-5f4a3b2c1d0e",
           *       "kind": "domain",
           *       "value": "acme-dental.example.com",
           *       "reason": "Asked not to be contacted (call of 2026-02-27)",
           *       "created_by": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
           *       "created_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['Suppression']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description The list already holds this value once normalized (`E_ALREADY_SUPPRESSED`, `existing_id` the entry). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  createSuppressionsBulk: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "values": [
         *         "jo@acme-dental.example.com",
         *         "lakeside-dental.example.com",
         *         "not a domain"
         *       ],
         *       "reason": "Unsubscribed (newsletter export, March)"
         *     }
         */
        'application/json': {
          values: string[]
          reason?: string | null
        }
      }
    }
    responses: {
      /** @description A result per value. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "batch_id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
           *       "totals": {
           *         "received": 3,
           *         "created": 2,
           *         "existing": 0,
           *         "refused": 1
           *       },
           *       "results": [
           *         {
           *           "index": 0,
           *           "status": "created",
           *           "id": "0b7e2c4d-9a1f-4e3b-8c6d-5f4a3b2c1d0e",
           *           "kind": "email",
           *           "value": "jo@acme-dental.example.com"
           *         },
           *         {
           *           "index": 1,
           *           "status": "created",
           *           "id": "6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c",
           *           "kind": "domain",
           *           "value": "lakeside-dental.example.com"
           *         },
           *         {
           *           "index": 2,
           *           "status": "refused",
           *           "code": "E_VALIDATION_ERROR",
           *           "errors": [
           *             {
           *               "message": "\"not a domain\" is neither an e-mail address nor a domain such as acme.com",
           *               "field": "value",
           *               "rule": "suppressionValue"
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['SuppressionBulkResult']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  deleteSuppression: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  exportLeads: {
    parameters: {
      query?: {
        /**
         * @description Comma-separated fields to sort by, from: business_name, niche, region, lead_score, status, created_at, updated_at, last_action_at. Default: created_at desc. Another field → 422.
         * @example business_name
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over business_name, contact_name, email, website, niche, region. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        business_name?: string[]
        /** @description Differs from (rows without a value match too). */
        business_name_ne?: string[]
        /** @description Contains, case-insensitive. */
        business_name_like?: string
        /** @description Equals (repeat the key for any of several values). */
        niche?: string[]
        /** @description Differs from (rows without a value match too). */
        niche_ne?: string[]
        /** @description Contains, case-insensitive. */
        niche_like?: string
        /** @description Equals (repeat the key for any of several values). */
        region?: string[]
        /** @description Differs from (rows without a value match too). */
        region_ne?: string[]
        /** @description Contains, case-insensitive. */
        region_like?: string
        /** @description Equals (repeat the key for any of several values). */
        website?: string[]
        /** @description Differs from (rows without a value match too). */
        website_ne?: string[]
        /** @description Contains, case-insensitive. */
        website_like?: string
        /** @description Equals (repeat the key for any of several values). */
        contact_name?: string[]
        /** @description Differs from (rows without a value match too). */
        contact_name_ne?: string[]
        /** @description Contains, case-insensitive. */
        contact_name_like?: string
        /** @description Equals (repeat the key for any of several values). */
        contact_role?: string[]
        /** @description Differs from (rows without a value match too). */
        contact_role_ne?: string[]
        /** @description Contains, case-insensitive. */
        contact_role_like?: string
        /** @description Equals (repeat the key for any of several values). */
        email?: string[]
        /** @description Differs from (rows without a value match too). */
        email_ne?: string[]
        /** @description Contains, case-insensitive. */
        email_like?: string
        /** @description Equals (repeat the key for any of several values). */
        phone?: string[]
        /** @description Differs from (rows without a value match too). */
        phone_ne?: string[]
        /** @description Contains, case-insensitive. */
        phone_like?: string
        /** @description Equals (repeat the key for any of several values). */
        source?: string[]
        /** @description Differs from (rows without a value match too). */
        source_ne?: string[]
        /** @description Contains, case-insensitive. */
        source_like?: string
        /** @description Equals (repeat the key for any of several values). */
        lead_score?: ('A' | 'B' | 'C')[]
        /** @description Differs from (rows without a value match too). */
        lead_score_ne?: ('A' | 'B' | 'C')[]
        /** @description At least (inclusive). */
        lead_score_gte?: 'A' | 'B' | 'C'
        /** @description At most (inclusive). */
        lead_score_lte?: 'A' | 'B' | 'C'
        /** @description Equals (repeat the key for any of several values). */
        status?: (
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        )[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: (
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        )[]
        /** @description At least (inclusive). */
        status_gte?:
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        /** @description At most (inclusive). */
        status_lte?:
          'new' | 'enriched' | 'drafted' | 'approved' | 'contacted' | 'replied' | 'booked' | 'lost'
        /** @description Equals (repeat the key for any of several values). */
        next_step?: string[]
        /** @description Differs from (rows without a value match too). */
        next_step_ne?: string[]
        /** @description Contains, case-insensitive. */
        next_step_like?: string
        /** @description Equals (repeat the key for any of several values). */
        last_action_at?: string[]
        /** @description Differs from (rows without a value match too). */
        last_action_at_ne?: string[]
        /** @description At least (inclusive). */
        last_action_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        last_action_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
        /** @description `true`: only the leads the do-not-contact list covers; `false`: only the others. Empty: no filter. */
        suppressed?: boolean
        /** @description Leads on the do-not-contact list are left out of the file unless `true` (or `suppressed=true`, which exports only them). */
        include_suppressed?: boolean
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The CSV file (`Content-Disposition: attachment; filename="leads-YYYY-MM-DD.csv"`). */
      200: {
        headers: {
          /** @description `attachment; filename="leads-YYYY-MM-DD.csv"` (UTC date). */
          'Content-Disposition'?: string
          [name: string]: unknown
        }
        content: {
          /** @example id,business_name,niche,region,website,contact_name,contact_role,email,phone,source,lead_score,status,last_action_at,next_step,notes,created_at,updated_at */
          'text/csv': string
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      422: components['responses']['ValidationFailed']
      /** @description Too many exports running (`E_TOO_MANY_EXPORTS`): this person already has `EXPORT_MAX_PER_USER` (2), or the instance `EXPORT_MAX_CONCURRENT` (4). `Retry-After` says when to try again. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  exportSelectedLeads: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "ids": [
         *         "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
         *       ]
         *     }
         */
        'application/json': {
          ids: string[]
          /** @enum {unknown} */
          include_suppressed?: '1' | 1 | 'true' | true | 'on' | '0' | 0 | 'false' | false
        }
      }
    }
    responses: {
      /** @description The CSV file. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      /** @description Too many exports running (`E_TOO_MANY_EXPORTS`), as for the export of a filter. */
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getLead: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The lead. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "business_name": "Bright Smile Dental",
           *       "niche": "dentist",
           *       "region": "Austin, TX",
           *       "website": "https://brightsmile.example.com",
           *       "contact_name": "Dr. Priya Patel",
           *       "contact_role": "Owner",
           *       "email": "priya@brightsmile.example.com",
           *       "phone": "+1 512 555 0134",
           *       "source": "lead_finder",
           *       "lead_score": "A",
           *       "status": "enriched",
           *       "last_action_at": "2026-03-01T10:00:00.000Z",
           *       "next_step": "Intro email",
           *       "notes": [
           *         "Opened a second clinic in 2025",
           *         "Reviews praise the weekend hours"
           *       ],
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "suppressed": false,
           *       "suppression": null
           *     }
           */
          'application/json': components['schemas']['Lead']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  deleteLead: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  updateLead: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "status": "contacted",
         *       "next_step": "Call on Friday"
         *     }
         */
        'application/json': {
          business_name?: string
          niche?: string
          region?: string
          website?: string
          contact_name?: string | null
          contact_role?: string | null
          /** Format: email */
          email?: string | null
          phone?: string | null
          source?: string
          /** @enum {unknown} */
          lead_score?: 'A' | 'B' | 'C'
          /** @enum {unknown} */
          status?:
            | 'new'
            | 'enriched'
            | 'drafted'
            | 'approved'
            | 'contacted'
            | 'replied'
            | 'booked'
            | 'lost'
          next_step?: string | null
          notes?: string[]
        }
      }
    }
    responses: {
      /** @description The lead. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "business_name": "Bright Smile Dental",
           *       "niche": "dentist",
           *       "region": "Austin, TX",
           *       "website": "https://brightsmile.example.com",
           *       "contact_name": "Dr. Priya Patel",
           *       "contact_role": "Owner",
           *       "email": "priya@brightsmile.example.com",
           *       "phone": "+1 512 555 0134",
           *       "source": "lead_finder",
           *       "lead_score": "A",
           *       "status": "enriched",
           *       "last_action_at": "2026-03-01T10:00:00.000Z",
           *       "next_step": "Intro email",
           *       "notes": [
           *         "Opened a second clinic in 2025",
           *         "Reviews praise the weekend hours"
           *       ],
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "suppressed": false,
           *       "suppression": null
           *     }
           */
          'application/json': components['schemas']['Lead']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description A closer naming a field other than status, next_step, notes (nothing is written). */
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description A lead with the same normalized website or email exists (`E_DUPLICATE_LEAD`; `field` is `website` or `email`, `existing_id` the other lead). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listDrafts: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: channel, draft_type, status, current_version, created_at, updated_at, submitted_at. Default: updated_at desc. Another field → 422.
         * @example channel
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over draft_type. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        lead_id?: string[]
        /** @description Differs from (rows without a value match too). */
        lead_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        channel?: (
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        )[]
        /** @description Differs from (rows without a value match too). */
        channel_ne?: (
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        )[]
        /** @description At least (inclusive). */
        channel_gte?:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        /** @description At most (inclusive). */
        channel_lte?:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        /** @description Equals (repeat the key for any of several values). */
        draft_type?: string[]
        /** @description Differs from (rows without a value match too). */
        draft_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        draft_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        status?: ('draft' | 'needs_approval' | 'approved' | 'rejected')[]
        /** @description Differs from (rows without a value match too). */
        status_ne?: ('draft' | 'needs_approval' | 'approved' | 'rejected')[]
        /** @description At least (inclusive). */
        status_gte?: 'draft' | 'needs_approval' | 'approved' | 'rejected'
        /** @description At most (inclusive). */
        status_lte?: 'draft' | 'needs_approval' | 'approved' | 'rejected'
        /** @description Equals (repeat the key for any of several values). */
        current_version?: number[]
        /** @description Differs from (rows without a value match too). */
        current_version_ne?: number[]
        /** @description At least (inclusive). */
        current_version_gte?: number
        /** @description At most (inclusive). */
        current_version_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        approver_id?: string[]
        /** @description Differs from (rows without a value match too). */
        approver_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_by?: string[]
        /** @description Differs from (rows without a value match too). */
        created_by_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        submitted_at?: string[]
        /** @description Differs from (rows without a value match too). */
        submitted_at_ne?: string[]
        /** @description At least (inclusive). */
        submitted_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        submitted_at_lte?: string
        /** @description `true`: waiting past the approval SLA; `false`: the others. */
        overdue?: 'true' | 'false'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of drafts. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *         "lead_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *         "channel": "email",
           *         "draft_type": "cold_intro",
           *         "status": "needs_approval",
           *         "current_version": 2,
           *         "approver_id": null,
           *         "scheduled_send_at": null,
           *         "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "submitted_at": "2026-03-01T10:00:00.000Z",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z",
           *         "content": "Hi Dr. Patel, ...",
           *         "approvals_required": 1,
           *         "approvals_given": 0,
           *         "waiting_seconds": 540,
           *         "overdue": false
           *       }
           *     ]
           */
          'application/json': components['schemas']['Draft'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  createDraft: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "lead_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
         *       "channel": "email",
         *       "draft_type": "cold_intro",
         *       "content": "Hi Dr. Patel, ..."
         *     }
         */
        'application/json': {
          /** Format: uuid */
          lead_id?: string | null
          /** @enum {unknown} */
          channel:
            | 'email'
            | 'linkedin'
            | 'facebook'
            | 'instagram'
            | 'post'
            | 'script'
            | 'landing_page'
            | 'ad_copy'
          draft_type: string
          content: string
          change_note?: string
        }
      }
    }
    responses: {
      /** @description The draft. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "lead_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "channel": "email",
           *       "draft_type": "cold_intro",
           *       "status": "draft",
           *       "current_version": 1,
           *       "approver_id": null,
           *       "scheduled_send_at": null,
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "submitted_at": null,
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "content": "Hi Dr. Patel, ...",
           *       "approvals_required": 1,
           *       "approvals_given": 0,
           *       "waiting_seconds": null,
           *       "overdue": false
           *     }
           */
          'application/json': components['schemas']['Draft']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      /** @description Invalid fields, or `lead_id` names no lead. */
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getDraft: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The draft. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "lead_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "channel": "email",
           *       "draft_type": "cold_intro",
           *       "status": "needs_approval",
           *       "current_version": 2,
           *       "approver_id": null,
           *       "scheduled_send_at": null,
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "submitted_at": "2026-03-01T10:00:00.000Z",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "content": "Hi Dr. Patel, ...",
           *       "approvals_required": 1,
           *       "approvals_given": 0,
           *       "waiting_seconds": 540,
           *       "overdue": false
           *     }
           */
          'application/json': components['schemas']['Draft']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listDraftVersions: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: version_number, created_at. Default: version_number asc. Another field → 422.
         * @example version_number
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Equals (repeat the key for any of several values). */
        version_number?: number[]
        /** @description Differs from (rows without a value match too). */
        version_number_ne?: number[]
        /** @description At least (inclusive). */
        version_number_gte?: number
        /** @description At most (inclusive). */
        version_number_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        created_by?: string[]
        /** @description Differs from (rows without a value match too). */
        created_by_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        created_at?: string[]
        /** @description Differs from (rows without a value match too). */
        created_at_ne?: string[]
        /** @description At least (inclusive). */
        created_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        created_at_lte?: string
      }
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of versions. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['DraftVersion'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  addDraftVersion: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "content": "Hi Dr. Patel, ...",
         *       "change_note": "Shorter opening",
         *       "base_version": 1
         *     }
         */
        'application/json': {
          content: string
          change_note?: string
          base_version: number
        }
      }
    }
    responses: {
      /** @description The new version. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
           *       "draft_id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "version_number": 2,
           *       "content": "Hi Dr. Patel, ...",
           *       "change_note": "Shorter opening",
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "created_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['DraftVersion']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description `base_version` is not the current version (`E_STALE_VERSION`), or the draft is approved (`E_DRAFT_APPROVED`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getDraftFeedback: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The feedback. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "draft_id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "status": "draft",
           *       "current_version": 2,
           *       "decisions": [
           *         {
           *           "approval_id": "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
           *           "action": "request_changes",
           *           "version": 2,
           *           "notes": "Shorter, and mention the free check-up.",
           *           "decided_at": "2026-03-01T10:00:00.000Z",
           *           "decided_by": {
           *             "id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *             "name": "admin@example.com"
           *           },
           *           "auto": false,
           *           "edit": null
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['DraftFeedback']
        }
      }
      401: components['responses']['Unauthorized']
      /** @description An agent that did not write this draft. */
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  submitDraft: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The draft. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "lead_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "channel": "email",
           *       "draft_type": "cold_intro",
           *       "status": "needs_approval",
           *       "current_version": 2,
           *       "approver_id": null,
           *       "scheduled_send_at": null,
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "submitted_at": "2026-03-01T10:00:00.000Z",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "content": "Hi Dr. Patel, ...",
           *       "approvals_required": 1,
           *       "approvals_given": 0,
           *       "waiting_seconds": 540,
           *       "overdue": false
           *     }
           */
          'application/json': components['schemas']['Draft']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description The draft is not in status `draft` (`E_INVALID_TRANSITION`). */
      409: components['responses']['Conflict']
      423: components['responses']['AgentPaused']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  decideDraft: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "action": "approve_with_notes",
         *       "version": 2,
         *       "notes": "Mention the free check-up."
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          action:
            'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
          version: number
          /** @description Required for approve_with_notes and request_changes. */
          notes?: string
          /** @description Required for edit_inline_approve. */
          content?: string
        }
      }
    }
    responses: {
      /** @description The draft, with the approval written. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "lead_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
           *       "channel": "email",
           *       "draft_type": "cold_intro",
           *       "status": "approved",
           *       "current_version": 2,
           *       "approver_id": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "scheduled_send_at": null,
           *       "created_by": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "submitted_at": "2026-03-01T10:00:00.000Z",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z",
           *       "content": "Hi Dr. Patel, ...",
           *       "approvals_required": 1,
           *       "approvals_given": 0,
           *       "waiting_seconds": 540,
           *       "overdue": false,
           *       "approval": {
           *         "id": "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
           *         "draft_id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *         "action": "approve_with_notes",
           *         "notes": "Good; mention the free check-up next time.",
           *         "editor_content": null,
           *         "version": 2,
           *         "decided_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "decided_at": "2026-03-01T10:00:00.000Z",
           *         "auto": false,
           *         "policy": null,
           *         "evidence": null,
           *         "approval_count": null,
           *         "approvals_required": null
           *       }
           *     }
           */
          'application/json': components['schemas']['DraftDecision']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description Not waiting for approval, already decided (`E_ALREADY_DECIDED`), `version` is not current (`E_STALE_VERSION`), or this admin already approved this version of a draft that needs two admins (`E_SAME_APPROVER`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  decideDrafts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "action": "reject",
         *       "notes": "Off-brand: we do not discount.",
         *       "drafts": [
         *         {
         *           "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
         *           "version": 2
         *         }
         *       ]
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          action: 'approve' | 'reject' | 'request_changes'
          /** @description Required for request_changes; kept on every approval. */
          notes?: string
          drafts: {
            /** Format: uuid */
            id: string
            version: number
          }[]
        }
      }
    }
    responses: {
      /** @description What happened to each draft. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "action": "reject",
           *       "decided": 1,
           *       "refused": 0,
           *       "results": [
           *         {
           *           "id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *           "result": "decided",
           *           "status": "rejected",
           *           "approval_id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['DraftBulkDecisionResult']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      /** @description Only admins decide drafts. */
      403: components['responses']['Forbidden']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  listApprovals: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: action, decided_at. Default: decided_at desc. Another field → 422.
         * @example action
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over notes. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        draft_id?: string[]
        /** @description Differs from (rows without a value match too). */
        draft_id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        action?: (
          'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
        )[]
        /** @description Differs from (rows without a value match too). */
        action_ne?: (
          'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
        )[]
        /** @description At least (inclusive). */
        action_gte?:
          'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
        /** @description At most (inclusive). */
        action_lte?:
          'approve' | 'reject' | 'request_changes' | 'edit_inline_approve' | 'approve_with_notes'
        /** @description Equals (repeat the key for any of several values). */
        decided_by?: string[]
        /** @description Differs from (rows without a value match too). */
        decided_by_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        decided_at?: string[]
        /** @description Differs from (rows without a value match too). */
        decided_at_ne?: string[]
        /** @description At least (inclusive). */
        decided_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        decided_at_lte?: string
        /** @description Equals (repeat the key for any of several values). */
        auto?: boolean[]
        /** @description Differs from (rows without a value match too). */
        auto_ne?: boolean[]
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of approvals. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
           *         "draft_id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *         "action": "approve_with_notes",
           *         "notes": "Good; mention the free check-up next time.",
           *         "editor_content": null,
           *         "version": 2,
           *         "decided_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "decided_at": "2026-03-01T10:00:00.000Z",
           *         "auto": false,
           *         "policy": null,
           *         "evidence": null,
           *         "approval_count": null,
           *         "approvals_required": null
           *       }
           *     ]
           */
          'application/json': components['schemas']['Approval'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getApproval: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The record id. */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The approval. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
           *       "draft_id": "3f2b8c1a-9d4e-4f6a-b7c8-1e2d3f4a5b6c",
           *       "action": "approve_with_notes",
           *       "notes": "Good; mention the free check-up next time.",
           *       "editor_content": null,
           *       "version": 2,
           *       "decided_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "decided_at": "2026-03-01T10:00:00.000Z",
           *       "auto": false,
           *       "policy": null,
           *       "evidence": null,
           *       "approval_count": null,
           *       "approvals_required": null
           *     }
           */
          'application/json': components['schemas']['Approval']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  listApprovalPolicies: {
    parameters: {
      query?: {
        /** @description First row of the page (inclusive, 0-based). Default 0. */
        _start?: components['parameters']['_start']
        /** @description End of the page (exclusive). Default `_start + 10`; a page over 1000 rows → 422. */
        _end?: components['parameters']['_end']
        /**
         * @description Comma-separated fields to sort by, from: agent_type, channel, mode, updated_at. Default: agent_type asc, channel asc. Another field → 422.
         * @example agent_type
         */
        _sort?: string
        /**
         * @description Comma-separated `asc`/`desc`, matched with `_sort` by position (default asc).
         * @example desc
         */
        _order?: components['parameters']['_order']
        /** @description Free text: case-insensitive contains over agent_type. */
        q?: string
        /** @description Equals (repeat the key for any of several values). */
        id?: string[]
        /** @description Differs from (rows without a value match too). */
        id_ne?: string[]
        /** @description Equals (repeat the key for any of several values). */
        agent_type?: string[]
        /** @description Differs from (rows without a value match too). */
        agent_type_ne?: string[]
        /** @description Contains, case-insensitive. */
        agent_type_like?: string
        /** @description Equals (repeat the key for any of several values). */
        channel?: (
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        )[]
        /** @description Differs from (rows without a value match too). */
        channel_ne?: (
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        )[]
        /** @description At least (inclusive). */
        channel_gte?:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        /** @description At most (inclusive). */
        channel_lte?:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
        /** @description Equals (repeat the key for any of several values). */
        mode?: ('always_ask' | 'auto_approve')[]
        /** @description Differs from (rows without a value match too). */
        mode_ne?: ('always_ask' | 'auto_approve')[]
        /** @description At least (inclusive). */
        mode_gte?: 'always_ask' | 'auto_approve'
        /** @description At most (inclusive). */
        mode_lte?: 'always_ask' | 'auto_approve'
        /** @description Equals (repeat the key for any of several values). */
        required_approvals?: number[]
        /** @description Differs from (rows without a value match too). */
        required_approvals_ne?: number[]
        /** @description At least (inclusive). */
        required_approvals_gte?: number
        /** @description At most (inclusive). */
        required_approvals_lte?: number
        /** @description Equals (repeat the key for any of several values). */
        updated_at?: string[]
        /** @description Differs from (rows without a value match too). */
        updated_at_ne?: string[]
        /** @description At least (inclusive). */
        updated_at_gte?: string
        /** @description At most (inclusive (to the millisecond)). */
        updated_at_lte?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of policies. */
      200: {
        headers: {
          'x-total-count': components['headers']['XTotalCount']
          [name: string]: unknown
        }
        content: {
          /**
           * @example [
           *       {
           *         "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *         "agent_type": "copywriter",
           *         "channel": "email",
           *         "mode": "auto_approve",
           *         "min_decided": 20,
           *         "min_clean_rate": 0.9,
           *         "no_rejection_in_last": 10,
           *         "required_approvals": 1,
           *         "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "created_at": "2026-03-01T10:00:00.000Z",
           *         "updated_at": "2026-03-01T10:00:00.000Z"
           *       }
           *     ]
           */
          'application/json': components['schemas']['ApprovalPolicy'][]
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  getApprovalPolicy: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent type (`GET /api/agent-types`).
         * @example copywriter
         */
        agent_type: string
        /**
         * @description The draft kind, or `any`: every kind the type has no policy of its own for.
         * @example email
         */
        channel:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
          | 'any'
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The policy. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *       "agent_type": "copywriter",
           *       "channel": "email",
           *       "mode": "auto_approve",
           *       "min_decided": 20,
           *       "min_clean_rate": 0.9,
           *       "no_rejection_in_last": 10,
           *       "required_approvals": 1,
           *       "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['ApprovalPolicy']
        }
      }
      401: components['responses']['Unauthorized']
      /** @description No policy for this scope, or no such kind. */
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  putApprovalPolicy: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent type (`GET /api/agent-types`).
         * @example copywriter
         */
        agent_type: string
        /**
         * @description The draft kind, or `any`: every kind the type has no policy of its own for.
         * @example email
         */
        channel:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
          | 'any'
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "mode": "auto_approve",
         *       "min_decided": 20,
         *       "min_clean_rate": 0.9,
         *       "no_rejection_in_last": 10
         *     }
         */
        'application/json': {
          /** @enum {unknown} */
          mode: 'always_ask' | 'auto_approve'
          min_decided?: number
          min_clean_rate?: number
          no_rejection_in_last?: number
          /** @enum {number} */
          required_approvals?: 1 | 2
        }
      }
    }
    responses: {
      /** @description The policy, replaced. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *       "agent_type": "copywriter",
           *       "channel": "email",
           *       "mode": "auto_approve",
           *       "min_decided": 20,
           *       "min_clean_rate": 0.9,
           *       "no_rejection_in_last": 10,
           *       "required_approvals": 1,
           *       "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['ApprovalPolicy']
        }
      }
      /** @description The policy, created. */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *       "agent_type": "copywriter",
           *       "channel": "email",
           *       "mode": "auto_approve",
           *       "min_decided": 20,
           *       "min_clean_rate": 0.9,
           *       "no_rejection_in_last": 10,
           *       "required_approvals": 1,
           *       "updated_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *       "created_at": "2026-03-01T10:00:00.000Z",
           *       "updated_at": "2026-03-01T10:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['ApprovalPolicy']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description No such kind. */
      404: components['responses']['NotFound']
      /** @description Created by someone else at the same moment. */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      /** @description Invalid fields, an agent type no enabled plugin declares, or two admins with auto_approve. */
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  deleteApprovalPolicy: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent type (`GET /api/agent-types`).
         * @example copywriter
         */
        agent_type: string
        /**
         * @description The draft kind, or `any`: every kind the type has no policy of its own for.
         * @example email
         */
        channel:
          | 'email'
          | 'linkedin'
          | 'facebook'
          | 'instagram'
          | 'post'
          | 'script'
          | 'landing_page'
          | 'ad_copy'
          | 'any'
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      /** @description No policy for this scope, or no such kind. */
      404: components['responses']['NotFound']
      503: components['responses']['Unavailable']
    }
  }
  getAgentAutonomy: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent.
         * @example 5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21
         */
        agent_id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The agent’s autonomy. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": "copywriter",
           *       "state": {
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "record_since": null,
           *         "demoted_at": null,
           *         "demoted_by": null,
           *         "revoked": false,
           *         "revoked_at": null,
           *         "revoked_by": null,
           *         "revoke_reason": null
           *       },
           *       "record": {
           *         "since": null,
           *         "channel": null,
           *         "decided": 23,
           *         "clean_approvals": 22,
           *         "clean_rate": 0.9565,
           *         "approved_with_notes": 3,
           *         "inline_edits": 1,
           *         "avg_edit_share": 0.12,
           *         "changes_requested": 0,
           *         "rejections": 0,
           *         "last_rejection_at": null,
           *         "recent_rejections": 0,
           *         "recent_window": 10,
           *         "auto_approved": 4
           *       },
           *       "policies": [
           *         {
           *           "policy": {
           *             "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *             "agent_type": "copywriter",
           *             "channel": "email",
           *             "mode": "auto_approve",
           *             "min_decided": 20,
           *             "min_clean_rate": 0.9,
           *             "no_rejection_in_last": 10,
           *             "required_approvals": 1
           *           },
           *           "record": {
           *             "since": null,
           *             "channel": "email",
           *             "decided": 23,
           *             "clean_approvals": 22,
           *             "clean_rate": 0.9565,
           *             "approved_with_notes": 3,
           *             "inline_edits": 1,
           *             "avg_edit_share": 0.12,
           *             "changes_requested": 0,
           *             "rejections": 0,
           *             "last_rejection_at": null,
           *             "recent_rejections": 0,
           *             "recent_window": 10,
           *             "auto_approved": 4
           *           },
           *           "qualifies": true,
           *           "checks": [
           *             {
           *               "rule": "min_decided",
           *               "required": 20,
           *               "actual": 23,
           *               "ok": true
           *             },
           *             {
           *               "rule": "min_clean_rate",
           *               "required": 0.9,
           *               "actual": 0.9565,
           *               "ok": true
           *             },
           *             {
           *               "rule": "no_rejection_in_last",
           *               "required": 10,
           *               "actual": 0,
           *               "ok": true
           *             }
           *           ],
           *           "auto_approves": true
           *         }
           *       ],
           *       "auto_approved_kinds": [
           *         "email"
           *       ]
           *     }
           */
          'application/json': components['schemas']['AgentAutonomy']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      429: components['responses']['TooManyRequests']
      503: components['responses']['Unavailable']
    }
  }
  revokeAgentAutonomy: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent.
         * @example 5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21
         */
        agent_id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Tone was off this week"
         *     }
         */
        'application/json': {
          reason?: string | null
        }
      }
    }
    responses: {
      /** @description The agent’s autonomy, revoked. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": "copywriter",
           *       "state": {
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "record_since": null,
           *         "demoted_at": null,
           *         "demoted_by": null,
           *         "revoked": true,
           *         "revoked_at": "2026-03-01T10:00:00.000Z",
           *         "revoked_by": "0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10",
           *         "revoke_reason": "Tone was off this week"
           *       },
           *       "record": {
           *         "since": null,
           *         "channel": null,
           *         "decided": 23,
           *         "clean_approvals": 22,
           *         "clean_rate": 0.9565,
           *         "approved_with_notes": 3,
           *         "inline_edits": 1,
           *         "avg_edit_share": 0.12,
           *         "changes_requested": 0,
           *         "rejections": 0,
           *         "last_rejection_at": null,
           *         "recent_rejections": 0,
           *         "recent_window": 10,
           *         "auto_approved": 4
           *       },
           *       "policies": [
           *         {
           *           "policy": {
           *             "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *             "agent_type": "copywriter",
           *             "channel": "email",
           *             "mode": "auto_approve",
           *             "min_decided": 20,
           *             "min_clean_rate": 0.9,
           *             "no_rejection_in_last": 10,
           *             "required_approvals": 1
           *           },
           *           "record": {
           *             "since": null,
           *             "channel": "email",
           *             "decided": 23,
           *             "clean_approvals": 22,
           *             "clean_rate": 0.9565,
           *             "approved_with_notes": 3,
           *             "inline_edits": 1,
           *             "avg_edit_share": 0.12,
           *             "changes_requested": 0,
           *             "rejections": 0,
           *             "last_rejection_at": null,
           *             "recent_rejections": 0,
           *             "recent_window": 10,
           *             "auto_approved": 4
           *           },
           *           "qualifies": true,
           *           "checks": [
           *             {
           *               "rule": "min_decided",
           *               "required": 20,
           *               "actual": 23,
           *               "ok": true
           *             },
           *             {
           *               "rule": "min_clean_rate",
           *               "required": 0.9,
           *               "actual": 0.9565,
           *               "ok": true
           *             },
           *             {
           *               "rule": "no_rejection_in_last",
           *               "required": 10,
           *               "actual": 0,
           *               "ok": true
           *             }
           *           ],
           *           "auto_approves": false
           *         }
           *       ],
           *       "auto_approved_kinds": []
           *     }
           */
          'application/json': components['schemas']['AgentAutonomy']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description Already revoked (`E_ALREADY_REVOKED`). */
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      503: components['responses']['Unavailable']
    }
  }
  restoreAgentAutonomy: {
    parameters: {
      query?: never
      header?: never
      path: {
        /**
         * @description The agent.
         * @example 5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21
         */
        agent_id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The agent’s autonomy. */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *       "agent_type": "copywriter",
           *       "state": {
           *         "agent_id": "5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21",
           *         "record_since": null,
           *         "demoted_at": null,
           *         "demoted_by": null,
           *         "revoked": false,
           *         "revoked_at": null,
           *         "revoked_by": null,
           *         "revoke_reason": null
           *       },
           *       "record": {
           *         "since": null,
           *         "channel": null,
           *         "decided": 23,
           *         "clean_approvals": 22,
           *         "clean_rate": 0.9565,
           *         "approved_with_notes": 3,
           *         "inline_edits": 1,
           *         "avg_edit_share": 0.12,
           *         "changes_requested": 0,
           *         "rejections": 0,
           *         "last_rejection_at": null,
           *         "recent_rejections": 0,
           *         "recent_window": 10,
           *         "auto_approved": 4
           *       },
           *       "policies": [
           *         {
           *           "policy": {
           *             "id": "2d4f6a8c-1b3e-4d5f-8a9b-0c1d2e3f4a5b",
           *             "agent_type": "copywriter",
           *             "channel": "email",
           *             "mode": "auto_approve",
           *             "min_decided": 20,
           *             "min_clean_rate": 0.9,
           *             "no_rejection_in_last": 10,
           *             "required_approvals": 1
           *           },
           *           "record": {
           *             "since": null,
           *             "channel": "email",
           *             "decided": 23,
           *             "clean_approvals": 22,
           *             "clean_rate": 0.9565,
           *             "approved_with_notes": 3,
           *             "inline_edits": 1,
           *             "avg_edit_share": 0.12,
           *             "changes_requested": 0,
           *             "rejections": 0,
           *             "last_rejection_at": null,
           *             "recent_rejections": 0,
           *             "recent_window": 10,
           *             "auto_approved": 4
           *           },
           *           "qualifies": true,
           *           "checks": [
           *             {
           *               "rule": "min_decided",
           *               "required": 20,
           *               "actual": 23,
           *               "ok": true
           *             },
           *             {
           *               "rule": "min_clean_rate",
           *               "required": 0.9,
           *               "actual": 0.9565,
           *               "ok": true
           *             },
           *             {
           *               "rule": "no_rejection_in_last",
           *               "required": 10,
           *               "actual": 0,
           *               "ok": true
           *             }
           *           ],
           *           "auto_approves": true
           *         }
           *       ],
           *       "auto_approved_kinds": [
           *         "email"
           *       ]
           *     }
           */
          'application/json': components['schemas']['AgentAutonomy']
        }
      }
      401: components['responses']['Unauthorized']
      403: components['responses']['Forbidden']
      404: components['responses']['NotFound']
      /** @description Not revoked (`E_NOT_REVOKED`). */
      409: components['responses']['Conflict']
      503: components['responses']['Unavailable']
    }
  }
}
