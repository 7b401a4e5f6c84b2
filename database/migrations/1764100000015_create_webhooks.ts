import { BaseSchema } from '@adonisjs/lucid/schema'

/*
|--------------------------------------------------------------------------
| Outbound webhooks (docs/WEBHOOKS.md)
|--------------------------------------------------------------------------
| Subscriptions name a URL, the event types and resources they want, and
| optionally one agent (then only the events about it, and its private
| messages such as feedback on its drafts). The outbox is written by a
| trigger in the transaction that records the event: a committed change is
| never missed, and a rolled-back one sends nothing. Delivery rows are
| bookkeeping (attempts, leases, answers), not history: they are updated.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('webhook_subscriptions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.text('url').notNullable()
      table.text('description').nullable()
      /* exact types, `prefix.*`, or `*` */
      table.specificType('event_types', 'text[]').notNullable()
      /* empty: every resource */
      table.specificType('resource_types', 'text[]').notNullable().defaultTo('{}')
      table.uuid('agent_id').nullable().references('id').inTable('agents').onDelete('CASCADE')
      table.text('secret').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.uuid('created_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })

    this.schema.createTable('webhook_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .uuid('subscription_id')
        .notNullable()
        .references('id')
        .inTable('webhook_subscriptions')
        .onDelete('CASCADE')
      /* the recorded event (its envelope is built from task_events when sent) ... */
      table.bigInteger('event_seq').nullable()
      /* ... or a message of its own (a test send, feedback for one agent) */
      table.jsonb('message').nullable()
      table.text('event_type').notNullable()
      table.text('status').notNullable().defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(this.now())
      /* who is sending it now, until when (a dead sender's lease runs out: sent again) */
      table.uuid('lease').nullable()
      table.timestamp('locked_until', { useTz: true }).nullable()
      table.integer('last_status').nullable()
      table.text('last_response').nullable()
      table.text('last_error').nullable()
      table.integer('last_duration_ms').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.index(['subscription_id', 'id'])
    })
    this.schema.raw(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
       CHECK (status IN ('pending', 'delivered', 'failed'))`
    )
    this.schema.raw(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
       WHERE status = 'pending'`
    )

    this.schema.raw(`
      CREATE OR REPLACE FUNCTION mc_webhook_outbox() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE enabled) THEN
          RETURN NULL;
        END IF;
        INSERT INTO webhook_deliveries (subscription_id, event_seq, event_type)
        SELECT s.id, e.id, e.event_type
        FROM recorded e
        JOIN webhook_subscriptions s ON s.enabled
          AND EXISTS (
            SELECT 1 FROM unnest(s.event_types) AS p
            WHERE e.event_type LIKE replace(replace(p, '_', '\\_'), '*', '%')
          )
          AND (cardinality(s.resource_types) = 0
            OR coalesce(e.envelope->>'resource_type', e.payload->>'resource') = ANY (s.resource_types))
          AND (s.agent_id IS NULL OR s.agent_id = e.agent_id)
        ORDER BY e.id;
        RETURN NULL;
      END
      $$
    `)
    this.schema.raw(`
      CREATE TRIGGER task_events_webhook_outbox
      AFTER INSERT ON task_events
      REFERENCING NEW TABLE AS recorded
      FOR EACH STATEMENT EXECUTE FUNCTION mc_webhook_outbox()
    `)
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS task_events_webhook_outbox ON task_events')
    this.schema.raw('DROP FUNCTION IF EXISTS mc_webhook_outbox()')
    this.schema.dropTableIfExists('webhook_deliveries')
    this.schema.dropTableIfExists('webhook_subscriptions')
  }
}
