/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Every variable is documented in .env.example. Only APP_KEY is required, and
| bin/*.ts generates and keeps one when it is missing.
|
*/

import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  APP_URL: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),
  /* true, false, or the proxies' addresses/CIDRs (services/trusted_proxies.ts) */
  TRUST_PROXY: Env.schema.string.optional(),

  /*
  | Database: DATABASE_URL, or an embedded PostgreSQL under DATA_DIR.
  | Tests use TEST_DATABASE_URL, else 127.0.0.1:5432/test.
  */
  DATABASE_URL: Env.schema.string.optional(),
  TEST_DATABASE_URL: Env.schema.string.optional(),
  DATABASE_POOL_MAX: Env.schema.number.optional(),
  /*
  | How long a request waits on the database before answering 503 (ms):
  | opening a connection, getting one from the pool, one statement
  | (0 = no statement timeout). Defaults 3000, 3000, 5000.
  */
  DATABASE_CONNECT_TIMEOUT_MS: Env.schema.number.optional(),
  DATABASE_ACQUIRE_TIMEOUT_MS: Env.schema.number.optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: Env.schema.number.optional(),
  DATA_DIR: Env.schema.string.optional(),
  EMBEDDED_PG_PORT: Env.schema.number.optional(),
  MIGRATE_ON_START: Env.schema.boolean.optional(),

  /* Redis is optional everywhere. */
  REDIS_URL: Env.schema.string.optional(),
  /* Redis channel the instances of one deployment share realtime messages on. */
  REALTIME_CHANNEL: Env.schema.string.optional(),
  /* Open realtime streams allowed per token or browser session (default 20; 0: no limit). */
  REALTIME_MAX_STREAMS: Env.schema.number.optional(),
  REALTIME_MAX_BEHIND: Env.schema.number.optional(),

  /* First run */
  ADMIN_EMAIL: Env.schema.string.optional({ format: 'email' }),
  ADMIN_PASSWORD: Env.schema.string.optional(),

  /* Sessions */
  SESSION_DRIVER: Env.schema.enum.optional(['database', 'cookie', 'memory'] as const),

  /* Plugins: a comma-separated list of enabled plugin folders; unset = all. */
  PLUGINS: Env.schema.string.optional(),

  /* Agents without a heartbeat for this many seconds are shown as stale (default 120). */
  AGENT_STALE_SECONDS: Env.schema.number.optional(),

  /*
  | Rate limits of every agent, per minute (0: unlimited): all its requests
  | (default 600) and its writes (default 300). An admin overrides them per
  | agent type and per agent (GET /api/rate-limits).
  */
  AGENT_REQUESTS_PER_MINUTE: Env.schema.number.optional(),
  AGENT_WRITES_PER_MINUTE: Env.schema.number.optional(),

  /*
  | Budgets (docs/BUDGETS.md): days and months begin at midnight in this IANA
  | time zone (default UTC), e.g. Europe/Berlin.
  */
  BUDGET_TIME_ZONE: Env.schema.string.optional(),

  /*
  | Seconds a verified personal access token (and its user) is reused
  | without reading it again (default 5; 0 reads it on every request).
  | Changes to the user reach every instance at once through the realtime
  | bus; this bounds the delay if that bus is down.
  */
  AUTH_TOKEN_CACHE_SECONDS: Env.schema.number.optional(),

  /*
  | CSV exports: their own database connections, at most EXPORT_MAX_CONCURRENT
  | at once per instance (default 4) and EXPORT_MAX_PER_USER per person
  | (default 2); a download whose client reads nothing for
  | EXPORT_STALL_SECONDS (default 30) is cut.
  */
  EXPORT_MAX_CONCURRENT: Env.schema.number.optional(),
  EXPORT_MAX_PER_USER: Env.schema.number.optional(),
  EXPORT_STALL_SECONDS: Env.schema.number.optional(),

  /*
  | Board snapshots for replay (services/board_snapshots.ts): one is taken
  | once BOARD_SNAPSHOT_EVERY_EVENTS events (default 2500) or
  | BOARD_SNAPSHOT_EVERY_SECONDS (default 3600) have passed since the last,
  | whichever comes first; BOARD_SNAPSHOTS=false stops taking them and
  | replays every moment from the whole history.
  */
  BOARD_SNAPSHOTS: Env.schema.boolean.optional(),
  /*
  | The board's first frame (services/first_frame.ts): a signed-in load of
  | /board comes drawn by the server, with its data in the page.
  | BOARD_FIRST_FRAME=false sends the plain page: the app draws it.
  */
  BOARD_FIRST_FRAME: Env.schema.boolean.optional(),
  /* How long a board page waits for its frame, all told, before it ends without one (ms; 2000). */
  BOARD_FIRST_FRAME_WAIT_MS: Env.schema.number.optional(),
  BOARD_SNAPSHOT_EVERY_EVENTS: Env.schema.number.optional(),
  BOARD_SNAPSHOT_EVERY_SECONDS: Env.schema.number.optional(),

  /*
  | Seconds a request's body may take to arrive before a 408 (default 300;
  | see runtime/http_server.ts). A streamed CSV import is not held to it: it
  | gives up when nothing arrives for LEAD_IMPORT_IDLE_SECONDS.
  */
  HTTP_BODY_TIMEOUT_SECONDS: Env.schema.number.optional(),

  /*
  | Graceful shutdown (see start/shutdown.ts, docs/DEPLOY.md): the whole
  | grace period after SIGTERM (default 10), and its first part during which
  | the server still accepts while health says `draining` (default 2; at
  | most half the grace period).
  */
  SHUTDOWN_GRACE_SECONDS: Env.schema.number.optional(),
  SHUTDOWN_DRAIN_SECONDS: Env.schema.number.optional(),

  /*
  | Outbound webhooks (docs/WEBHOOKS.md): private and loopback targets are
  | refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true; a receiver has
  | WEBHOOK_TIMEOUT_SECONDS (default 10) to answer; failed attempts are
  | retried after each of WEBHOOK_RETRY_SECONDS in turn (comma-separated;
  | default 5,300,1800,7200,18000,36000,36000), then the delivery is failed.
  */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: Env.schema.boolean.optional(),
  WEBHOOK_TIMEOUT_SECONDS: Env.schema.number.optional(),
  WEBHOOK_RETRY_SECONDS: Env.schema.string.optional(),

  /*
  | Notification e-mail (docs/NOTIFICATIONS.md): SMTP_HOST turns it on.
  */
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  MAIL_FROM: Env.schema.string.optional(),

  /* Login throttling */
  LOGIN_MAX_ATTEMPTS: Env.schema.number.optional(),
  LOGIN_BLOCK_MINUTES: Env.schema.number.optional(),
  /* Failed logins from one address, whatever the e-mails, before a block */
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: Env.schema.number.optional(),
})
