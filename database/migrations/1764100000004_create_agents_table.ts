import { BaseSchema } from '@adonisjs/lucid/schema'
import { AGENT_STATUSES } from '../../backend/enums/agent_status.js'

export default class extends BaseSchema {
  protected tableName = 'agents'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('name').notNullable().unique()
      /* The agent type a plugin defines (orchestrator, lead_finder, ...). */
      table.text('type').notNullable()
      table.enum('status', AGENT_STATUSES).notNullable().defaultTo('idle')
      table
        .uuid('current_task_id')
        .nullable()
        .references('id')
        .inTable('tasks')
        .onDelete('SET NULL')
      table.timestamp('last_update_at', { useTz: true }).nullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())

      table.index(['status'])
      table.index(['type'])
      table.index(['current_task_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
