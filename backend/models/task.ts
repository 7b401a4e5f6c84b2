import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { OwnerType, TaskColumn, TaskPriority } from '#enums/task'
import { taskLinks } from '#plugin_host/task_links'

/**
 * A card on the board. Its links to plugins' records (`linked_<kind>_id`)
 * are columns the plugins add: `addTaskLinkColumns` gives the model one
 * property per declared link kind, read and written with `link`/`setLink`.
 */
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
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare doneAt: DateTime | null

  /** The id of the record of this kind the card links to, or null. */
  link(kind: string): string | null {
    const link = taskLinks.get(kind)
    return link ? (this.$getAttribute(link.property) ?? null) : null
  }

  setLink(kind: string, id: string | null) {
    const link = taskLinks.get(kind)
    if (!link) throw new Error(`no enabled plugin declares the task link "${kind}"`)
    this.$setAttribute(link.property, id)
  }
}

/** Adds a column to the model for every declared task link kind (once the plugins are registered). */
export function addTaskLinkColumns() {
  for (const link of taskLinks.all()) {
    if (!Task.$hasColumn(link.property)) Task.$addColumn(link.property, {})
  }
}
