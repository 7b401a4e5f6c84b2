/**
 * The `pg` client under Lucid, for the few hot paths (a card moved, a token
 * checked, a leads page): a connection of Lucid's own pool (same
 * configuration and timeouts, counted in the same `max`), and the statement
 * sent through `pg` without knex's runner, which costs ~0.3 ms of CPU per
 * query on a 2-core machine. Everything else keeps using Lucid. (The CSV
 * export has connections of its own: services/export_connections.ts.)
 *
 * A statement with a `name` is prepared once per connection: PostgreSQL
 * parses and plans it the first time and reuses that. Only name statements
 * whose text is fixed (never built from input), so each connection holds a
 * handful of them.
 */
import db from '@adonisjs/lucid/services/db'
import type pg from 'pg'

export interface Statement {
  /** Prepared statement name; the same name must always carry the same text. */
  name?: string
  /** SQL with `$1`-style placeholders (see `numbered`). */
  text: string
}

function knexClient(read: boolean) {
  const connection = db.connection()
  const knex = (read ? connection.getReadClient() : connection.getWriteClient()) as unknown as {
    client: {
      acquireConnection(): Promise<pg.Client>
      releaseConnection(connection: pg.Client): Promise<void>
    }
  }
  return knex.client
}

/** A connection of Lucid's pool; give it back with `releasePgConnection`. */
export function acquirePgConnection(options: { read?: boolean } = {}) {
  return knexClient(options.read ?? false).acquireConnection()
}

/**
 * Gives a connection back to Lucid's pool. `broken`: the connection is
 * mid-statement (a COPY cut short): it is closed, which stops the
 * statement on the server, and the pool drops it.
 */
export function releasePgConnection(
  connection: pg.Client,
  options: { read?: boolean; broken?: string } = {}
) {
  if (options.broken) {
    // knex's pool validates a connection on release and drops a disposed one
    ;(connection as any).__knex__disposed = options.broken
    ;(connection as any).connection?.stream?.destroy()
  }
  return knexClient(options.read ?? false).releaseConnection(connection)
}

/**
 * Runs one statement on a pooled connection and resolves with its rows.
 * `types`: this statement's own value parsers (pg's `types` query option).
 */
export async function pgQuery<Row = Record<string, any>>(
  statement: Statement | string,
  values: unknown[] = [],
  options: { read?: boolean; types?: pg.CustomTypesConfig } = {}
): Promise<Row[]> {
  const connection = await acquirePgConnection(options)
  try {
    if (typeof statement === 'string' && !options.types) {
      // pg copies a query given as an object (a property at a time); text and values it does not
      return (await connection.query(statement, values)).rows as Row[]
    }
    const query: pg.QueryConfig =
      typeof statement === 'string'
        ? { text: statement, values }
        : { name: statement.name, text: statement.text, values }
    if (options.types) query.types = options.types
    return (await connection.query(query)).rows as Row[]
  } finally {
    await releasePgConnection(connection, options)
  }
}

const numberedCache = new Map<string, string>()

/**
 * `?` placeholders (knex's, used by the recorder's SQL) as `$1, $2, ...`
 * for `pg`. Only for fixed SQL written in this code base: a `?` inside a
 * string literal or as a jsonb operator would be numbered too.
 */
export function numbered(sql: string): string {
  let text = numberedCache.get(sql)
  if (text === undefined) {
    let index = 0
    text = sql.replace(/\?/g, () => `$${++index}`)
    if (numberedCache.size < 200) numberedCache.set(sql, text)
  }
  return text
}
