import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A card may link to a draft (the `draft` task link this plugin declares): the
 * column, its index and its foreign key. Databases created before the
 * plugins owned their links already have the column and the index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE tasks ADD COLUMN IF NOT EXISTS linked_draft_id uuid')
    this.schema.raw(
      'CREATE INDEX IF NOT EXISTS tasks_linked_draft_id_index ON tasks (linked_draft_id)'
    )
    this.schema.alterTable('tasks', (table) => {
      table
        .foreign('linked_draft_id', 'tasks_linked_draft_id_foreign')
        .references('id')
        .inTable('drafts')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('tasks', (table) => {
      table.dropForeign(['linked_draft_id'], 'tasks_linked_draft_id_foreign')
    })
  }
}
