import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { OwnerType, TaskColumn, TaskPriority } from '#enums/task'

export default class Task extends BaseModel {
  static table = 'tasks'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare title: string

  @column()
  declare description: string

  @column()
  declare column: TaskColumn

  @column()
  declare priority: TaskPriority

  @column()
  declare ownerType: OwnerType

  @column()
  declare ownerId: string | null

  @column()
  declare linkedLeadId: string | null

  @column()
  declare linkedDraftId: string | null

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare doneAt: DateTime | null
}
