import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Notifications (docs/NOTIFICATIONS.md): what waits for a person (a draft to
| decide, one overdue, an agent gone stale or paused by a rule), in the admin
| (the bell), by e-mail and in Slack, immediately or as a digest, as each
| person chooses. Bookkeeping like the webhook outbox, not history.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.text('kind').notNullable()
      table.text('title').notNullable()
      table.text('body').nullable()
      /* the admin path that acts on it (`/inbox?draft=...`) */
      table.text('link').nullable()
      /* one notification per person per cause (an event's seq, a stale spell) */
      table.text('dedupe_key').notNullable()
      table.boolean('in_app').notNullable().defaultTo(true)
      table.boolean('email_pending').notNullable().defaultTo(false)
      table.boolean('slack_pending').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('read_at', { useTz: true }).nullable()
      table.timestamp('emailed_at', { useTz: true }).nullable()
      table.timestamp('slacked_at', { useTz: true }).nullable()
      table.unique(['user_id', 'dedupe_key'])
      table.index(['user_id', 'id'])
    })
    this.schema.raw(
      `CREATE INDEX notifications_to_send ON notifications (user_id)
       WHERE email_pending OR slack_pending`
    )

    this.schema.createTable('notification_preferences', (table) => {
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.text('kind').notNullable()
      table.boolean('in_app').notNullable().defaultTo(true)
      table.boolean('email').notNullable().defaultTo(false)
      table.boolean('slack').notNullable().defaultTo(false)
      /* 0: at once; otherwise one message every this many minutes */
      table.integer('digest_minutes').notNullable().defaultTo(0)
      table.primary(['user_id', 'kind'])
    })

    this.schema.createTable('notification_settings', (table) => {
      table.uuid('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.text('slack_webhook_url').nullable()
      table.timestamp('email_sent_at', { useTz: true }).nullable()
      table.timestamp('slack_sent_at', { useTz: true }).nullable()
    })

    /* how far the notifier has read task_events (one row; held back a minute for late commits) */
    this.schema.createTable('notification_cursor', (table) => {
      table.integer('id').primary()
      table.bigInteger('last_seq').notNullable()
    })
    this.schema.raw(
      `INSERT INTO notification_cursor (id, last_seq)
       SELECT 1, coalesce(max(id), 0) FROM task_events`
    )
  }

  async down() {
    this.schema.dropTableIfExists('notification_cursor')
    this.schema.dropTableIfExists('notification_settings')
    this.schema.dropTableIfExists('notification_preferences')
    this.schema.dropTableIfExists('notifications')
  }
}
