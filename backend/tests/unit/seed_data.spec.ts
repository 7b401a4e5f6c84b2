import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { TASK_PRIORITIES } from '#enums/task'

test.group('Seed data', () => {
  test('mvp_tasks.json holds the 20 build tasks of the system design, in order', async ({
    assert,
  }) => {
    const tasks = JSON.parse(await readFile(app.makePath('seed/mvp_tasks.json'), 'utf8'))
    assert.lengthOf(tasks, 20)
    assert.equal(tasks[0].title, 'Initialize monorepo + TypeScript tooling')
    assert.equal(tasks[19].title, 'QA pass + UAT checklist')
    for (const task of tasks) {
      assert.isString(task.description)
      assert.include(TASK_PRIORITIES, task.priority)
    }
  })
})
