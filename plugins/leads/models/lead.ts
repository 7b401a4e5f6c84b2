import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { LeadScore, LeadStatus } from '../enums.js'

const jsonArray = {
  prepare: (value: unknown) => (value === undefined ? value : JSON.stringify(value ?? [])),
}

export default class Lead extends BaseModel {
  static table = 'leads'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare businessName: string

  @column()
  declare niche: string

  @column()
  declare region: string

  @column()
  declare website: string

  @column()
  declare contactName: string | null

  @column()
  declare contactRole: string | null

  @column()
  declare email: string | null

  @column()
  declare phone: string | null

  @column()
  declare source: string

  @column()
  declare leadScore: LeadScore

  @column()
  declare status: LeadStatus

  @column.dateTime()
  declare lastActionAt: DateTime | null

  @column()
  declare nextStep: string | null

  /** Personalization bullets. */
  @column(jsonArray)
  declare notes: string[]

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
