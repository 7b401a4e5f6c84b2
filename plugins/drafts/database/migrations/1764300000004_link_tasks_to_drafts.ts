import { BaseSchema } from '@adonisjs/lucid/schema'

/** The host's tasks.linked_draft_id points at this plugin's table. */
export default class extends BaseSchema {
  async up() {
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
