import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { ApprovalAction } from '../enums.js'

export default class Approval extends BaseModel {
  static table = 'approvals'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare draftId: string

  @column()
  declare action: ApprovalAction

  /** The version decided on (the one the admin read); null for decisions made before it was kept. */
  @column()
  declare version: number | null

  @column()
  declare notes: string | null

  @column()
  declare editorContent: string | null

  @column()
  declare decidedBy: string

  @column.dateTime({ autoCreate: true })
  declare decidedAt: DateTime
}
