import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { SuppressionKind } from '../services/suppression.js'

/**
 * A do-not-contact entry: an e-mail address or a domain, normalized by the
 * database (see the suppressions migration). Kept by admins.
 */
export default class Suppression extends BaseModel {
  static table = 'suppressions'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare kind: SuppressionKind

  /** lower-case, trimmed; a domain without scheme, `www.`, port or path */
  @column()
  declare value: string

  @column()
  declare reason: string | null

  @column()
  declare createdBy: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
