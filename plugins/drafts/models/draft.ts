import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { DraftChannel, DraftStatus } from '../enums.js'
import DraftVersion from './draft_version.js'
import Approval from './approval.js'

export default class Draft extends BaseModel {
  static table = 'drafts'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare leadId: string | null

  @column()
  declare channel: DraftChannel

  @column()
  declare draftType: string

  @column()
  declare status: DraftStatus

  @column()
  declare currentVersion: number

  @column()
  declare approverId: string | null

  @column.dateTime()
  declare scheduledSendAt: DateTime | null

  @column()
  declare createdBy: string

  /** When it last entered the approval queue. */
  @column.dateTime()
  declare submittedAt: DateTime | null

  @column.dateTime({ serializeAs: null })
  declare overdueNotifiedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => DraftVersion)
  declare versions: HasMany<typeof DraftVersion>

  @hasMany(() => Approval)
  declare approvals: HasMany<typeof Approval>
}
