import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class DraftVersion extends BaseModel {
  static table = 'draft_versions'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare draftId: string

  @column()
  declare versionNumber: number

  @column()
  declare content: string

  @column()
  declare changeNote: string | null

  @column()
  declare createdBy: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
