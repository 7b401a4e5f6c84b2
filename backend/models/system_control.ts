import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#models/json_column'

export default class SystemControl extends BaseModel {
  static table = 'system_controls'
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare key: string

  @column(jsonColumn())
  declare value: Record<string, unknown>

  @column()
  declare updatedBy: string | null

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
