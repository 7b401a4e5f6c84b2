import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Task from '#models/task'
import { OwnerType, TaskColumn, TaskPriority } from '#enums/task'
import { SYSTEM, onRecorded, recordChange, recordChanges } from '#services/change_recorder'
import type { RecordedEvent } from '#services/change_recorder'

async function sizes() {
  const [tasks] = await db.from('tasks').count('* as n')
  const [events] = await db.from('task_events').max('id as max')
  const [audit] = await db.from('audit_log').max('id as max')
  return { tasks: Number(tasks.n), events: events.max, audit: audit.max }
}

function newTask(title: string) {
  return {
    title,
    description: '',
    column: TaskColumn.Backlog,
    priority: TaskPriority.Low,
    ownerType: OwnerType.Admin,
    ownerId: null,
    createdBy: '00000000-0000-4000-8000-000000000001',
  }
}

/** Makes every audit insert of one action fail, as a full disk or a bug would. */
async function failAuditInsertsOf(action: string) {
  await db.rawQuery(
    `ALTER TABLE audit_log ADD CONSTRAINT forced_failure CHECK (action <> '${action}') NOT VALID`
  )
  return () => db.rawQuery('ALTER TABLE audit_log DROP CONSTRAINT forced_failure')
}

test.group('Change recorder', () => {
  test('writes the domain row, one event and one audit row, then broadcasts after commit', async ({
    assert,
    cleanup,
  }) => {
    const seen: RecordedEvent[] = []
    cleanup(onRecorded((event) => void seen.push(event)))
    const task = await recordChange(
      SYSTEM,
      (trx) => Task.create(newTask('recorded'), { client: trx }),
      {
        action: 'task.created',
        resourceType: 'tasks',
        resourceId: (t) => t.id,
        taskId: (t) => t.id,
        after: (t) => t.serialize(),
        snapshot: true,
      }
    )
    const event = await db.from('task_events').where('task_id', task.id).firstOrFail()
    const audit = await db.from('audit_log').where('resource_id', task.id).firstOrFail()
    assert.equal(event.event_type, 'task.created')
    assert.equal(event.payload.snapshot.title, 'recorded')
    assert.equal(audit.actor_type, 'system')
    assert.equal(audit.metadata.seq, Number(event.id))
    assert.lengthOf(seen, 1)
    assert.equal(seen[0].seq, Number(event.id))
    assert.equal(seen[0].kind, 'created')
  })

  test('if the audit insert fails, nothing is written and nothing is broadcast', async ({
    assert,
    cleanup,
  }) => {
    const restore = await failAuditInsertsOf('test.forced_failure')
    cleanup(restore)
    const seen: RecordedEvent[] = []
    cleanup(onRecorded((event) => void seen.push(event)))
    const before = await sizes()

    await assert.rejects(() =>
      recordChange(SYSTEM, (trx) => Task.create(newTask('must vanish'), { client: trx }), {
        action: 'test.forced_failure',
        resourceType: 'tasks',
        resourceId: (t) => t.id,
      })
    )
    assert.deepEqual(await sizes(), before)
    assert.isNull(await db.from('tasks').where('title', 'must vanish').first())
    assert.lengthOf(seen, 0)
  })

  test('a change of several records is all or nothing', async ({ assert }) => {
    const before = await sizes()
    await assert.rejects(() =>
      recordChanges(SYSTEM, async (trx, recorder) => {
        const first = await Task.create(newTask('first of two'), { client: trx })
        await recorder.record({
          action: 'task.created',
          resourceType: 'tasks',
          resourceId: first.id,
        })
        throw new Error('the second write failed')
      })
    )
    assert.deepEqual(await sizes(), before)
  })
})
