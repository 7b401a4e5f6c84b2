import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#models/json_column'

/** An agent's autonomy state (a missing row: record from the start, not revoked). */
export default class AgentAutonomy extends BaseModel {
  static table = 'agent_autonomy'

  @column({ isPrimary: true })
  declare agentId: string

  /** Decisions after this moment make its record; null: all of them. */
  @column.dateTime()
  declare recordSince: DateTime | null

  @column.dateTime()
  declare demotedAt: DateTime | null

  /** The human correction that demoted it. */
  @column(jsonColumn())
  declare demotedBy: Record<string, unknown> | null

  @column()
  declare revoked: boolean

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column()
  declare revokedBy: string | null

  @column()
  declare revokeReason: string | null

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
