import { BaseSchema } from '@adonisjs/lucid/schema'

/** The host's tasks.linked_lead_id points at this plugin's table. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tasks', (table) => {
      table
        .foreign('linked_lead_id', 'tasks_linked_lead_id_foreign')
        .references('id')
        .inTable('leads')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('tasks', (table) => {
      table.dropForeign(['linked_lead_id'], 'tasks_linked_lead_id_foreign')
    })
  }
}
