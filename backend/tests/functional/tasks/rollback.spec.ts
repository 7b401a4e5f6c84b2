import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors } from '#tests/helpers/actors'

async function sizes() {
  const [tasks] = await db.from('tasks').count('* as n')
  const [events] = await db.from('task_events').max('id as max')
  const [audit] = await db.from('audit_log').max('id as max')
  return { tasks: Number(tasks.n), events: events.max, audit: audit.max }
}

test.group('Tasks: all or nothing', () => {
  test('through the API: a move whose audit row cannot be written leaves the card where it was', async ({
    assert,
    cleanup,
  }) => {
    const actors = await makeActors()
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'stays put' })
    // every audit insert of a move fails, as a full disk or a bug would
    await db.rawQuery(
      `ALTER TABLE audit_log ADD CONSTRAINT forced_failure CHECK (action <> 'task.moved') NOT VALID`
    )
    const restore = () => db.rawQuery('ALTER TABLE audit_log DROP CONSTRAINT forced_failure')
    cleanup(restore)
    const before = await sizes()

    const response = await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.body.id}`, {
      column: 'doing',
    })
    assert.isAtLeast(response.status, 400)
    assert.isArray(response.body.errors)
    assert.deepEqual(await sizes(), before)
    const stored = await db.from('tasks').where('id', task.body.id).firstOrFail()
    assert.equal(stored.column, 'backlog')
  })
})
