import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Saved views (docs/API.md, "Saved views"): a person's named filters, sort,
| page size and hidden columns of one list (`resource`: the API path the list
| reads, `leads`, `tasks`, ...), private to its owner or shared with everyone
| who may read that list. A view belongs to its owner: it goes with them.
*/
export default class extends BaseSchema {
  protected tableName = 'saved_views'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.text('resource').notNullable()
      table.text('name').notNullable()
      /* Refine's CrudFilters and CrudSorting, as the list's URL carries them */
      table.jsonb('filters').notNullable().defaultTo('[]')
      table.jsonb('sorters').notNullable().defaultTo('[]')
      /* hidden rather than shown: a column a later release adds shows up in every view */
      table.jsonb('hidden_columns').notNullable().defaultTo('[]')
      table.integer('page_size').nullable()
      table.boolean('shared').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['user_id', 'resource'])
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (user_id, resource, lower(name))'
    )
    this.schema.raw('CREATE INDEX saved_views_shared ON saved_views (resource) WHERE shared')
    this.schema.raw(`
      ALTER TABLE saved_views
        ADD CONSTRAINT saved_views_page_size CHECK (page_size IS NULL OR page_size BETWEEN 1 AND 1000)
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
