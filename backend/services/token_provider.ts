import {
  AccessToken,
  AccessTokensLucidUserProvider,
  DbAccessTokensProvider,
} from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { LucidTokenable } from '@adonisjs/auth/types/access_tokens'

/* last_used_at is shown to people, to the minute; writing it on every request
   would cost a commit (and an fsync) per API call. */
const TOUCH_AFTER_MS = 60_000

/* The owner's columns come back beside the token's, each under this prefix. */
const OWNER_PREFIX = '__owner__'

/**
 * The framework's database token provider, with three changes: the secret is
 * checked before anything is written, `last_used_at` is refreshed at most
 * once a minute per token, and `verifyWithOwner` reads the token and the
 * user (or agent) it belongs to in one query.
 */
export class TokenProvider<Model extends LucidModel> extends DbAccessTokensProvider<Model> {
  #ownerColumns?: string[]

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

    const db = await this.getDb()
    const query = db
      .query()
      .from(`${settings.table} as t`)
      .select('t.*')
      .where({ 't.id': decoded.identifier, 't.type': settings.type })
      .limit(1)
    if (withOwner) {
      const model = settings.options.tokenableModel
      this.#ownerColumns ??= [...model.$columnsDefinitions.values()].map((c) => c.columnName)
      query
        .leftJoin(`${model.table} as o`, 'o.id', 't.tokenable_id')
        .select(this.#ownerColumns.map((name) => `o.${name} as ${OWNER_PREFIX}${name}`))
    }
    const row = await query.first()
    if (!row) return null

    let owner: Record<string, unknown> | null = null
    if (withOwner) {
      owner = {}
      for (const name of this.#ownerColumns!) {
        owner[name] = row[`${OWNER_PREFIX}${name}`]
        delete row[`${OWNER_PREFIX}${name}`]
      }
      if (owner.id === null || owner.id === undefined) owner = null
    }

    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0
    if (Date.now() - lastUsed > TOUCH_AFTER_MS) {
      const now = new Date()
      await db.from(settings.table).where({ id: row.id }).update({ last_used_at: now })
      token.lastUsedAt = now
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
