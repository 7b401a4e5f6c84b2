import { BaseSchema } from '@adonisjs/lucid/schema'

/** The domain timeline; its id is the `seq` of the realtime envelope. */
export default class extends BaseSchema {
  protected tableName = 'task_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.uuid('task_id').nullable()
      table.uuid('agent_id').nullable()
      table.text('event_type').notNullable()
      table.jsonb('payload').notNullable().defaultTo('{}')
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())

      /* History outlives the records it talks about: no foreign keys. */
      table.index(['task_id', 'id'])
      table.index(['agent_id', 'id'])
      table.index(['event_type', 'id'])
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
