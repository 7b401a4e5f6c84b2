import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#models/json_column'

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
export default class TaskEvent extends BaseModel {
  static table = 'task_events'

  /* bigint: pg returns it as a string; ids stay far below 2^53 */
  @column({ isPrimary: true, consume: (value) => Number(value) })
  declare id: number

  @column()
  declare taskId: string | null

  @column()
  declare agentId: string | null

  @column()
  declare eventType: string

  @column(jsonColumn())
  declare payload: Record<string, unknown>

  @column()
  declare createdBy: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
