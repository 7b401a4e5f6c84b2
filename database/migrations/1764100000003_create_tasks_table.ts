import { BaseSchema } from '@adonisjs/lucid/schema'
import { OWNER_TYPES, TASK_COLUMNS, TASK_PRIORITIES } from '../../backend/enums/task.js'

/*
| A card's links to plugins' records (linked_<kind>_id) are columns the
| plugins add in their own migrations, with their foreign keys.
*/
export default class extends BaseSchema {
  protected tableName = 'tasks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('title').notNullable()
      table.text('description').notNullable().defaultTo('')
      table.enum('column', TASK_COLUMNS).notNullable().defaultTo('backlog')
      table.enum('priority', TASK_PRIORITIES).notNullable().defaultTo('med')
      table.enum('owner_type', OWNER_TYPES).notNullable().defaultTo('admin')
      table.uuid('owner_id').nullable()
      table.uuid('created_by').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('done_at', { useTz: true }).nullable()

      table.index(['column', 'priority'])
      table.index(['priority'])
      table.index(['owner_type', 'owner_id'])
      table.index(['created_at'])
      table.index(['updated_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
