import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import type pg from 'pg'
import { pluginMigrationPaths } from '../plugin_host/discovery.js'
import { guardStatements } from '../services/database_errors.js'

/*
| Tests never use the dev data: TEST_DATABASE_URL, else the machine's own
| PostgreSQL at 127.0.0.1:5432, database `test`.
*/
export function connectionUrl() {
  if (app.inTest) {
    return env.get('TEST_DATABASE_URL') || 'postgres://postgres@127.0.0.1:5432/test'
  }
  const url = env.get('DATABASE_URL')
  if (!url) {
    throw new Error('DATABASE_URL is not set and the embedded PostgreSQL was not started')
  }
  return url
}

/** A positive number setting, or `fallback` when unset, zero or negative. */
export function positiveSetting(
  name:
    | 'DATABASE_CONNECT_TIMEOUT_MS'
    | 'DATABASE_ACQUIRE_TIMEOUT_MS'
    | 'DATABASE_POOL_MAX'
    | 'EXPORT_MAX_CONCURRENT'
    | 'EXPORT_MAX_PER_USER'
    | 'EXPORT_STALL_SECONDS',
  fallback: number
) {
  const value = env.get(name)
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * How long a request may wait on the database (documented in .env.example
 * and docs/DEPLOY.md). Past any of these the request answers 503
 * E_UNAVAILABLE instead of hanging with the database:
 * - connectTimeoutMs: opening a connection (a frozen server accepts TCP and says nothing);
 * - acquireTimeoutMs: waiting for a connection of the pool;
 * - statementTimeoutMs: one statement (PostgreSQL's statement_timeout; the client closes the
 *   connection if even the cancel does not come back within a second more). 0 turns it off.
 * The statement timeout applies to the server (`web`) and the tests' servers; migrations,
 * seeding, `node ace` commands and the CSV export have none (see `bulk` below and
 * services/export_connections.ts).
 */
export const databaseSettings = {
  poolMax: positiveSetting('DATABASE_POOL_MAX', 10),
  connectTimeoutMs: positiveSetting('DATABASE_CONNECT_TIMEOUT_MS', 3000),
  acquireTimeoutMs: positiveSetting('DATABASE_ACQUIRE_TIMEOUT_MS', 3000),
  statementTimeoutMs: Math.max(0, env.get('DATABASE_STATEMENT_TIMEOUT_MS') ?? 5000),
  /* the client's own bound on a statement: the server's, plus time for its cancel to arrive */
  get clientStatementTimeoutMs() {
    return this.statementTimeoutMs > 0 ? this.statementTimeoutMs + 1000 : 0
  },
  /** Interactive work (requests) gets the statement timeout; commands do not. */
  interactive: ['web', 'test'].includes(app.getEnvironment()),
}

/** pg's settings for one connection of ours (knex passes them to `new pg.Client`). */
export function pgConnectionOptions(options: { statementTimeoutMs?: number } = {}) {
  return {
    connectionString: connectionUrl(),
    connectionTimeoutMillis: databaseSettings.connectTimeoutMs,
    keepAlive: true,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  }
}

let appLogger: Promise<{
  debug: Function
  warn: Function
  error: Function
  info: Function
}> | null = null
/* The logger is a service, resolved after boot; config files load before that. */
function log(level: 'debug' | 'warn' | 'error' | 'info', message: string) {
  appLogger ??= import('@adonisjs/core/services/logger').then((module) => module.default as any)
  void appLogger.then((logger) => logger[level](message)).catch(() => {})
}

/*
| knex's own messages. It warns, with a stack, for every failed pool
| acquire and every dead connection it throws away: during an outage, one
| line per request. The outage itself is logged once
| (services/database_outage.ts); these go to debug.
*/
const knexLog = {
  warn: (message: string) =>
    log(/^(Acquire connection error|Connection Error):/.test(message) ? 'debug' : 'warn', message),
  error: (message: string) => log('error', message),
  deprecate: (message: string) => log('info', message),
  debug: (message: string) => log('debug', message),
}

const interactiveStatementTimeout = databaseSettings.interactive
  ? databaseSettings.statementTimeoutMs
  : 0

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: false,
  connections: {
    /* Requests, and everything else by default. */
    postgres: {
      client: 'pg',
      connection: pgConnectionOptions({ statementTimeoutMs: interactiveStatementTimeout }),
      pool: {
        min: 0,
        max: databaseSettings.poolMax,
        acquireTimeoutMillis: databaseSettings.acquireTimeoutMs,
        ...(interactiveStatementTimeout
          ? {
              afterCreate: (
                client: pg.Client,
                done: (error: Error | null, client: pg.Client) => void
              ) => {
                guardStatements(client, databaseSettings.clientStatementTimeoutMs)
                done(null, client)
              },
            }
          : {}),
      },
      ...({ log: knexLog } as {}),
      migrations: {
        naturalSort: true,
        /* Host tables first, then each enabled plugin's, in dependency order. */
        paths: ['database/migrations', ...(await pluginMigrationPaths())],
      },
      seeders: { paths: ['seed/seeders'] },
    },
    /*
    | Long work that a statement timeout must not cut: migrations
    | (services/migrations.ts), seeding leads, VACUUM. A small pool of its
    | own, no statement timeout.
    */
    bulk: {
      client: 'pg',
      connection: pgConnectionOptions(),
      pool: { min: 0, max: 4 },
      ...({ log: knexLog } as {}),
    },
  },
})

export default dbConfig
