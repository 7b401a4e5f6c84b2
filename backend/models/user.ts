import { DateTime } from 'luxon'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { TokenProvider } from '#services/token_provider'
import { Role } from '#enums/roles'
import env from '#start/env'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  static table = 'users'
  static selfAssignPrimaryKey = false

  /** Personal access tokens for scripts; prefixed so the auth middleware knows the guard. */
  static accessTokens = new TokenProvider({
    tokenableModel: User,
    table: 'auth_access_tokens',
    prefix: 'mcu_',
    expiresIn: '90 days',
    /* a verified token and its user are reused for a few seconds (token_provider.ts) */
    cacheFor: (env.get('AUTH_TOKEN_CACHE_SECONDS') ?? 5) * 1000,
  })

  /** Set by the `api` guard: the personal token this request was made with. */
  declare currentAccessToken?: AccessToken

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare email: string

  @column()
  declare role: Role

  /** Hashed by withAuthFinder before save; never serialized. */
  @column({ columnName: 'password_hash', serializeAs: null })
  declare password: string | null

  @column()
  declare isActive: boolean

  /** Sessions started before this are ended (see the auth middleware). */
  @column.dateTime({ serializeAs: null })
  declare passwordChangedAt: DateTime | null

  /** The value a session keeps at login and must still match: changes with the password. */
  get credentialsStamp(): number {
    return this.passwordChangedAt?.toMillis() ?? 0
  }

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isAdmin() {
    return this.role === Role.Admin
  }

  static normalizeEmail(email: string) {
    return email.trim().toLowerCase()
  }
}
