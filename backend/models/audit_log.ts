import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { ActorType } from '#enums/actor_type'
import { jsonColumn } from '#models/json_column'

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
export default class AuditLog extends BaseModel {
  static table = 'audit_log'

  /* bigint: pg returns it as a string; ids stay far below 2^53 */
  @column({ isPrimary: true, consume: (value) => Number(value) })
  declare id: number

  @column()
  declare actorType: ActorType

  @column()
  declare actorId: string | null

  @column()
  declare action: string

  @column()
  declare resourceType: string

  @column()
  declare resourceId: string

  @column(jsonColumn())
  declare beforeState: Record<string, unknown> | null

  @column(jsonColumn())
  declare afterState: Record<string, unknown> | null

  @column(jsonColumn())
  declare metadata: Record<string, unknown>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
