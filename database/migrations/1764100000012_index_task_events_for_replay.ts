import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Replay reads task_events by the record an event is about (payload.id):
| the board takes the latest task and agent snapshot per record, the
| timeline every event naming a record. The partial indexes let the board
| hop from record to record (see services/replay.ts) without reading the
| events in between, however many there are.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX task_events_payload_id ON task_events ((payload->>'id'))`)
    this.schema.raw(`
      CREATE INDEX task_events_task_snapshots ON task_events ((payload->>'id'), id DESC)
      WHERE event_type LIKE 'task.%'
    `)
    this.schema.raw(`
      CREATE INDEX task_events_agent_snapshots ON task_events ((payload->>'id'), id DESC)
      WHERE event_type LIKE 'agent.%'
    `)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS task_events_agent_snapshots')
    this.schema.raw('DROP INDEX IF EXISTS task_events_task_snapshots')
    this.schema.raw('DROP INDEX IF EXISTS task_events_payload_id')
  }
}
