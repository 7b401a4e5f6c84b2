/**
 * Sessions in PostgreSQL (config/session.ts), with their expiry moved on at
 * most once a minute.
 *
 * @adonisjs/session's database store reads a session's row on every request
 * and, when the request changed nothing in it, moves its expiry on with an
 * UPDATE: a write for every request of the admin (a board asks a dozen).
 * This store keeps the expiry the row had when it was read and leaves it
 * alone while less than TOUCH_EVERY_SECONDS of the session's age has gone
 * by since the last move, the way connect-mongo's `touchAfter` does: an
 * idle session ends between `age` minus that and `age` after its last
 * request, instead of exactly `age` after it (with several instances, a
 * minute plus the difference between their clocks). Reading makes the
 * library's checks (a missing, expired or altered session is none, an
 * expired one deleted) and keeps the expiry; writing the session's data,
 * ending it and tagging it are the library's own.
 */
import { configProvider } from '@adonisjs/core'
import { MessageBuilder } from '@adonisjs/core/helpers'
import string from '@adonisjs/core/helpers/string'
import type { HttpContext } from '@adonisjs/core/http'
import type { Database } from '@adonisjs/lucid/database'
import { stores } from '@adonisjs/session'
import type {
  SessionConfig,
  SessionData,
  SessionStoreWithTaggingContract,
} from '@adonisjs/session/types'

type Connection = ReturnType<Database['connection']>

/** at most this often, or a tenth of the session's age if that is shorter */
export const TOUCH_EVERY_SECONDS = 60

export class SessionStore implements SessionStoreWithTaggingContract {
  #store: SessionStoreWithTaggingContract
  #client: Connection
  #table: string
  #ttlMs: number
  #touchEveryMs: number
  /** this request's session: its expiry as read (ms since the epoch) */
  #read: { id: string; expiresAt: number } | undefined

  /** `store`: the library's database store, on `client` and `table` */
  constructor(
    store: SessionStoreWithTaggingContract,
    client: Connection,
    age: string | number,
    table: string
  ) {
    this.#store = store
    this.#client = client
    this.#table = table
    this.#ttlMs = string.seconds.parse(age) * 1000
    this.#touchEveryMs = Math.min(TOUCH_EVERY_SECONDS * 1000, this.#ttlMs / 10)
  }

  async read(sessionId: string): Promise<SessionData | null> {
    const row = await this.#client
      .from(this.#table)
      .select('data', 'expires_at')
      .where('id', sessionId)
      .first()
    if (!row) return null
    const expiresAt = new Date(row.expires_at).getTime()
    if (Date.now() > expiresAt) {
      await this.destroy(sessionId)
      return null
    }
    this.#read = { id: sessionId, expiresAt }
    try {
      return new MessageBuilder().verify(row.data, sessionId)
    } catch {
      return null
    }
  }

  async touch(sessionId: string) {
    const read = this.#read
    const movedAgo = read?.id === sessionId ? Date.now() + this.#ttlMs - read.expiresAt : Infinity
    if (movedAgo < this.#touchEveryMs) return
    await this.#store.touch(sessionId)
  }

  write(sessionId: string, values: SessionData) {
    return this.#store.write(sessionId, values)
  }

  destroy(sessionId: string) {
    return this.#store.destroy(sessionId)
  }

  tag(sessionId: string, userId: string) {
    return this.#store.tag(sessionId, userId)
  }

  tagged(userId: string) {
    return this.#store.tagged(userId)
  }
}

/** For config/session.ts: `stores.database`'s store (primary connection), touched as above. */
export function sessionStore(options: { tableName: string }) {
  return configProvider.create(async (app) => {
    const library = await stores.database(options).resolver(app)
    const db = await app.container.make('lucid.db')
    return (ctx: HttpContext, config: SessionConfig) =>
      new SessionStore(
        library(ctx, config) as SessionStoreWithTaggingContract,
        db.connection(),
        config.age,
        options.tableName
      )
  })
}
