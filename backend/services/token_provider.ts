import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'

/* last_used_at is shown to people, to the minute; writing it on every request
   would cost a commit (and an fsync) per API call. */
const TOUCH_AFTER_MS = 60_000

/**
 * The framework's database token provider, with two changes: the secret is
 * checked before anything is written, and `last_used_at` is refreshed at
 * most once a minute per token.
 */
export class TokenProvider<Model extends LucidModel> extends DbAccessTokensProvider<Model> {
  async verify(tokenValue: Secret<string>) {
    const settings = this as unknown as { prefix: string; table: string; type: string }
    const decoded = AccessToken.decode(settings.prefix, tokenValue.release())
    if (!decoded) return null

    const db = await this.getDb()
    const row = await db
      .query()
      .from(settings.table)
      .where({ id: decoded.identifier, type: settings.type })
      .limit(1)
      .first()
    if (!row) return null

    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0
    if (Date.now() - lastUsed > TOUCH_AFTER_MS) {
      const now = new Date()
      await db.from(settings.table).where({ id: row.id }).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
