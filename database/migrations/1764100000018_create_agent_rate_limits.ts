import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Rate limits an admin sets per agent type and per agent (docs/API.md, "Rate
| limits"): requests and writes per minute. One row per agent type or per
| agent; a null value inherits (an agent's from its type's, a type's from
| AGENT_REQUESTS_PER_MINUTE / AGENT_WRITES_PER_MINUTE); 0 is unlimited. The
| counters themselves are @adonisjs/limiter's (Redis, or rate_limits).
*/
export default class extends BaseSchema {
  protected tableName = 'agent_rate_limits'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('agent_type').nullable()
      table.uuid('agent_id').nullable().references('id').inTable('agents').onDelete('CASCADE')
      table.integer('requests_per_minute').nullable()
      table.integer('writes_per_minute').nullable()
      table.uuid('updated_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE agent_rate_limits
        ADD CONSTRAINT agent_rate_limits_scope CHECK ((agent_type IS NULL) <> (agent_id IS NULL)),
        ADD CONSTRAINT agent_rate_limits_values CHECK (
          (requests_per_minute IS NULL OR requests_per_minute >= 0) AND
          (writes_per_minute IS NULL OR writes_per_minute >= 0))
    `)
    this.schema.raw(
      'CREATE UNIQUE INDEX agent_rate_limits_agent_type_unique ON agent_rate_limits (agent_type) WHERE agent_type IS NOT NULL'
    )
    this.schema.raw(
      'CREATE UNIQUE INDEX agent_rate_limits_agent_id_unique ON agent_rate_limits (agent_id) WHERE agent_id IS NOT NULL'
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
