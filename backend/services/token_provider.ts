import {
  AccessToken,
  AccessTokensLucidUserProvider,
  DbAccessTokensProvider,
} from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { AccessTokenDbColumns, LucidTokenable } from '@adonisjs/auth/types/access_tokens'
import { pgQuery, type Statement } from '#services/pg_client'

/* last_used_at is shown to people, to the minute; writing it on every request
   would cost a commit (and an fsync) per API call. */
const TOUCH_AFTER_MS = 60_000

/* The owner's columns come back beside the token's, each under this prefix. */
const OWNER_PREFIX = '__owner__'

/* Token ids are PostgreSQL `serial` (int4). */
const MAX_TOKEN_ID = 2_147_483_647

/* Tokens (with their owner's row) kept by one provider's cache at most. */
const CACHE_ENTRIES = 10_000

interface Verified {
  row: Record<string, any>
  owner: Record<string, unknown> | null
  /* built from `row` once, on first use; only `lastUsedAt` ever changes on it */
  token?: AccessToken
  until: number
}

/**
 * The rows behind recently verified tokens, for `cacheFor` ms: a client
 * sending requests one after another (the admin's scripts, a closer paging
 * the leads) costs one token query per `cacheFor` instead of one per
 * request. The secret and the expiry are still checked on every request,
 * against the cached row. A change to the owner (role, deactivation, a
 * token revoked) drops the owner's entries at once: `forgetOwner`, called
 * for every change recorded here and, through the realtime bus, on the other
 * instances (start/realtime.ts). `cacheFor` bounds how long another
 * instance can go on accepting a revoked token if the bus itself is down.
 */
class VerifiedTokens {
  #entries = new Map<number, Verified>()
  /* Bumped by every forget: a row read before a change is not kept after it. */
  generation = 0

  constructor(readonly ttl: number) {}

  get(id: number) {
    const entry = this.#entries.get(id)
    if (!entry) return null
    if (entry.until > Date.now()) return entry
    this.#entries.delete(id)
    return null
  }

  set(id: number, row: Record<string, any>, owner: Record<string, unknown> | null, readAt: number) {
    if (readAt !== this.generation) return
    if (this.#entries.size >= CACHE_ENTRIES) {
      // the oldest entry first (a Map keeps insertion order)
      this.#entries.delete(this.#entries.keys().next().value!)
    }
    this.#entries.set(id, { row, owner, until: Date.now() + this.ttl })
  }

  forgetOwner(ownerId: string) {
    this.generation++
    for (const [id, entry] of this.#entries) {
      if (String(entry.row.tokenable_id) === ownerId) this.#entries.delete(id)
    }
  }
}

/** The providers with a cache, so that changes reach all of them. */
const caching = new Set<TokenProvider<LucidModel>>()

/**
 * Drops the cached tokens of an owner (a user id, an agent id) from every
 * provider whose owners live in `table`.
 */
export function forgetTokensOf(table: string, ownerId: string) {
  for (const provider of caching) {
    if (provider.ownerTable === table) provider.cache?.forgetOwner(ownerId)
  }
}

/**
 * The framework's database token provider, with these changes: the secret is
 * checked before anything is written, `last_used_at` is refreshed at most
 * once a minute per token, `verifyWithOwner` reads the token and the user
 * (or agent) it belongs to in one prepared statement, an id no token can
 * have is refused before any SQL, and with `cacheFor` verified tokens are
 * kept for a few seconds (VerifiedTokens).
 */
export class TokenProvider<Model extends LucidModel> extends DbAccessTokensProvider<Model> {
  #ownerColumns?: string[]
  readonly cache: VerifiedTokens | null = null

  /**
   * `cacheFor`: keep verified tokens and their owners for this many ms
   * (see VerifiedTokens); 0 or unset reads them on every request.
   */
  constructor(
    options: ConstructorParameters<typeof DbAccessTokensProvider<Model>>[0] & {
      cacheFor?: number
    }
  ) {
    super(options)
    if (options.cacheFor && options.cacheFor > 0) {
      this.cache = new VerifiedTokens(options.cacheFor)
      caching.add(this as unknown as TokenProvider<LucidModel>)
    }
  }

  get ownerTable(): string {
    return (this as unknown as { options: { tokenableModel: Model } }).options.tokenableModel.table
  }

  #statements = new Map<boolean, Statement>()

  /**
   * The token by id and type, with its owner's columns when asked: a
   * prepared statement (the hottest query of the API, run by every request).
   */
  #statement(withOwner: boolean): Statement {
    let statement = this.#statements.get(withOwner)
    if (statement) return statement
    const settings = this as unknown as { table: string; options: { tokenableModel: Model } }
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
    let select = 't.*'
    let join = ''
    if (withOwner) {
      const model = settings.options.tokenableModel
      this.#ownerColumns ??= [...model.$columnsDefinitions.values()].map((c) => c.columnName)
      select += this.#ownerColumns
        .map((name) => `, o.${quote(name)} AS ${quote(OWNER_PREFIX + name)}`)
        .join('')
      join = ` LEFT JOIN ${quote(model.table)} o ON o.id = t.tokenable_id`
    }
    statement = {
      name: `auth.token.${settings.table}.${withOwner ? settings.options.tokenableModel.table : ''}`,
      text: `SELECT ${select} FROM ${quote(settings.table)} t${join} WHERE t.id = $1 AND t.type = $2 LIMIT 1`,
    }
    this.#statements.set(withOwner, statement)
    return statement
  }

  async verify(tokenValue: Secret<string>) {
    return (await this.verifyWithOwner(tokenValue, false))?.token ?? null
  }

  /**
   * The token and its owner's row (null when the owner is gone), or null when
   * the token is unknown, wrong or expired.
   */
  async verifyWithOwner(
    tokenValue: Secret<string>,
    withOwner = true
  ): Promise<{ token: AccessToken; owner: Record<string, unknown> | null } | null> {
    const settings = this as unknown as {
      prefix: string
      table: string
      type: string
      options: { tokenableModel: Model }
    }
    const decoded = AccessToken.decode(settings.prefix, tokenValue.release())
    if (!decoded) return null
    // token ids are serial integers: anything else names no token (and must not reach SQL as one)
    const id = Number(decoded.identifier)
    if (!/^[0-9]{1,10}$/.test(decoded.identifier) || id < 1 || id > MAX_TOKEN_ID) return null

    const cached = withOwner ? this.cache?.get(id) : null
    let row: Record<string, any>
    let owner: Record<string, unknown> | null = null
    if (cached) {
      ;({ row, owner } = cached)
    } else {
      const readAt = this.cache?.generation ?? 0
      const [found] = await pgQuery<Record<string, any>>(this.#statement(withOwner), [
        id,
        settings.type,
      ])
      if (!found) return null
      row = found
      if (withOwner) {
        owner = {}
        for (const name of this.#ownerColumns!) {
          owner[name] = row[`${OWNER_PREFIX}${name}`]
          delete row[`${OWNER_PREFIX}${name}`]
        }
        if (owner.id === null || owner.id === undefined) owner = null
        this.cache?.set(id, row, owner, readAt)
      }
    }

    const token = cached
      ? (cached.token ??= this.dbRowToAccessToken(row as AccessTokenDbColumns))
      : this.dbRowToAccessToken(row as AccessTokenDbColumns)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0
    if (Date.now() - lastUsed > TOUCH_AFTER_MS) {
      const now = new Date()
      const db = await this.getDb()
      await db.from(settings.table).where({ id: row.id }).update({ last_used_at: now })
      token.lastUsedAt = now
      row.last_used_at = now
    }
    return { token, owner }
  }
}

/**
 * The tokens guard's user provider, answering from the row read with the
 * token: one query per request instead of two (token, then owner). The
 * guard asks `verifyToken` and then `findById` for the same request in a row;
 * the owner row waits in between, keyed by the token, for that call alone.
 */
export class TokensUserProvider<
  Property extends string,
  Model extends LucidTokenable<Property>,
> extends AccessTokensLucidUserProvider<Property, Model> {
  #owners = new Map<string, Record<string, unknown>>()

  async verifyToken(tokenValue: Secret<string>) {
    const tokens = (await this.getTokensProvider()) as unknown as TokenProvider<LucidModel>
    const verified = await tokens.verifyWithOwner(tokenValue)
    if (!verified) return null
    if (verified.owner) this.#owners.set(String(verified.token.tokenableId), verified.owner)
    return verified.token
  }

  async findById(identifier: string | number | BigInt) {
    const row = this.#owners.get(String(identifier))
    if (!row) return super.findById(identifier)
    this.#owners.delete(String(identifier))
    const model = await this.getModel()
    const user = model.$createFromAdapterResult(row) as LucidRow | null
    return user ? this.createUserForGuard(user as InstanceType<Model>) : null
  }
}

/** `tokensUserProvider` of @adonisjs/auth, with the one-query provider above. */
export function oneQueryTokensUserProvider<
  Property extends string,
  Model extends LucidTokenable<Property>,
>(options: { tokens: Property; model: () => Promise<{ default: Model }> }) {
  return new TokensUserProvider(options)
}
