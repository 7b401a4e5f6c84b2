import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Usage and budgets (docs/BUDGETS.md). Agents report what they spent
| (agent_usage) and, before an expensive step, reserve it against every
| budget that covers them (per agent, per agent type, overall; per day or
| month, in USD and/or tokens). One counter row per budget and period
| (budget_windows) holds what was spent and what is reserved: a reservation
| is granted by one guarded UPDATE of those rows, so parallel reservations
| can never add up past a limit.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('agents', (table) => {
      /* why the agent is paused, when a rule (a budget) did it or an admin gave a reason */
      table.text('pause_reason').nullable()
    })

    this.schema.createTable('budgets', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('scope').notNullable()
      table.uuid('agent_id').nullable().references('id').inTable('agents').onDelete('CASCADE')
      table.text('agent_type').nullable()
      table.text('period').notNullable()
      table.decimal('limit_usd', 14, 4).nullable()
      table.bigInteger('limit_tokens').nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE budgets
        ADD CONSTRAINT budgets_scope CHECK (
          (scope = 'agent' AND agent_id IS NOT NULL AND agent_type IS NULL) OR
          (scope = 'agent_type' AND agent_type IS NOT NULL AND agent_id IS NULL) OR
          (scope = 'overall' AND agent_id IS NULL AND agent_type IS NULL)),
        ADD CONSTRAINT budgets_period CHECK (period IN ('day', 'month')),
        ADD CONSTRAINT budgets_some_limit CHECK (limit_usd IS NOT NULL OR limit_tokens IS NOT NULL),
        ADD CONSTRAINT budgets_positive CHECK (
          (limit_usd IS NULL OR limit_usd > 0) AND (limit_tokens IS NULL OR limit_tokens > 0))
    `)
    /* one budget per scope and period */
    this.schema.raw(`
      CREATE UNIQUE INDEX budgets_one_per_scope ON budgets
        (scope, COALESCE(agent_id::text, agent_type, ''), period)
    `)

    this.schema.createTable('budget_windows', (table) => {
      table.uuid('budget_id').notNullable().references('id').inTable('budgets').onDelete('CASCADE')
      /* the period's first day in the budget time zone */
      table.date('period_start').notNullable()
      table.decimal('spent_usd', 18, 6).notNullable().defaultTo(0)
      table.bigInteger('spent_tokens').notNullable().defaultTo(0)
      table.decimal('reserved_usd', 18, 6).notNullable().defaultTo(0)
      table.bigInteger('reserved_tokens').notNullable().defaultTo(0)
      table.primary(['budget_id', 'period_start'])
    })

    this.schema.createTable('agent_usage', (table) => {
      table.bigIncrements('id')
      table.uuid('agent_id').notNullable().references('id').inTable('agents').onDelete('CASCADE')
      table.text('agent_type').notNullable()
      table.text('model').nullable()
      table.bigInteger('input_tokens').notNullable().defaultTo(0)
      table.bigInteger('output_tokens').notNullable().defaultTo(0)
      table.decimal('cost_usd', 14, 6).notNullable().defaultTo(0)
      table.uuid('task_id').nullable()
      table.uuid('reservation_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['agent_id', 'created_at'])
      table.index(['agent_type', 'created_at'])
      table.index(['created_at'])
    })

    this.schema.createTable('budget_reservations', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('agent_id').notNullable().references('id').inTable('agents').onDelete('CASCADE')
      table.decimal('cost_usd', 14, 6).notNullable()
      table.bigInteger('tokens').notNullable().defaultTo(0)
      table.text('purpose').nullable()
      table.text('status').notNullable().defaultTo('open')
      /* the budget windows it holds: [{budget_id, period_start}] */
      table.jsonb('windows').notNullable().defaultTo('[]')
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('settled_at', { useTz: true }).nullable()
      table.index(['agent_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE budget_reservations
        ADD CONSTRAINT budget_reservations_status CHECK (status IN ('open', 'settled', 'expired'))
    `)
    this.schema.raw(`
      CREATE INDEX budget_reservations_open ON budget_reservations (expires_at) WHERE status = 'open'
    `)
  }

  async down() {
    this.schema.dropTable('budget_reservations')
    this.schema.dropTable('agent_usage')
    this.schema.dropTable('budget_windows')
    this.schema.dropTable('budgets')
    this.schema.alterTable('agents', (table) => {
      table.dropColumn('pause_reason')
    })
  }
}
