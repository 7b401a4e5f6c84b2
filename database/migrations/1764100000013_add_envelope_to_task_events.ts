import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| What the realtime envelope of an event needs beyond the row's columns:
| the actor's type and agent name, the resource and its id, the kind of
| change and the entity type, as the change recorder knew them. With it, an
| instance rebuilds from the table, exactly, an envelope it did not get
| through Redis (services/realtime_sequencer.ts). Not part of the API's
| event record. Adding a column rewrites no history (the append-only
| trigger is about UPDATE, DELETE and TRUNCATE).
*/
export default class extends BaseSchema {
  protected tableName = 'task_events'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.jsonb('envelope').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('envelope')
    })
  }
}
