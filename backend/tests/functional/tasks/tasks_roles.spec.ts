import { test } from '@japa/runner'
import { ACTORS, call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'

const ALLOWED =
  (...names: ActorName[]) =>
  (name: ActorName) =>
    names.includes(name) ? 'ok' : name === 'anonymous' ? 401 : 403

test.group('Tasks: the role table for every route', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  async function newTask(column = 'backlog') {
    const created = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: 'Role check',
      column,
    })
    return created.body.id as string
  }

  test('read: list and get for every role and agents, 401 anonymous', async ({ assert }) => {
    const id = await newTask()
    for (const name of ACTORS) {
      const expected = name === 'anonymous' ? 401 : 200
      assert.equal((await call(actors.tokens[name], 'GET', '/api/tasks')).status, expected, name)
      assert.equal(
        (await call(actors.tokens[name], 'GET', `/api/tasks/${id}`)).status,
        expected,
        name
      )
    }
  })

  needs(
    test('create: admin, operator, agent', async ({ assert }) => {
      const rule = ALLOWED('admin', 'operator', 'agent')
      for (const name of ACTORS) {
        const response = await call(actors.tokens[name], 'POST', '/api/tasks', {
          title: `by ${name}`,
        })
        assert.equal(response.status, rule(name) === 'ok' ? 201 : rule(name), name)
      }
    }),
    'orchestrator'
  )

  needs(
    test('edit and move within backlog/doing/needs_approval: admin, operator, agent', async ({
      assert,
    }) => {
      const rule = ALLOWED('admin', 'operator', 'agent')
      for (const name of ACTORS) {
        const id = await newTask()
        const edit = await call(actors.tokens[name], 'PATCH', `/api/tasks/${id}`, {
          title: 'renamed',
        })
        assert.equal(edit.status, rule(name) === 'ok' ? 200 : rule(name), `edit ${name}`)
        const move = await call(actors.tokens[name], 'PATCH', `/api/tasks/${id}`, {
          column: 'doing',
        })
        assert.equal(move.status, rule(name) === 'ok' ? 200 : rule(name), `move ${name}`)
      }
    }),
    'orchestrator'
  )

  test('into and out of done: admin only', async ({ assert }) => {
    const rule = ALLOWED('admin')
    for (const name of ACTORS) {
      const id = await newTask('doing')
      const into = await call(actors.tokens[name], 'PATCH', `/api/tasks/${id}`, { column: 'done' })
      assert.equal(into.status, rule(name) === 'ok' ? 200 : rule(name), `into done ${name}`)

      const finished = await newTask('done')
      const out = await call(actors.tokens[name], 'PATCH', `/api/tasks/${finished}`, {
        column: 'doing',
      })
      assert.equal(out.status, rule(name) === 'ok' ? 200 : rule(name), `out of done ${name}`)

      const created = await call(actors.tokens[name], 'POST', '/api/tasks', {
        title: 'x',
        column: 'done',
      })
      assert.equal(created.status, rule(name) === 'ok' ? 201 : rule(name), `create in done ${name}`)
    }
  })

  test('delete: admin only', async ({ assert }) => {
    const rule = ALLOWED('admin')
    for (const name of ACTORS) {
      const id = await newTask()
      const response = await call(actors.tokens[name], 'DELETE', `/api/tasks/${id}`)
      assert.equal(response.status, rule(name) === 'ok' ? 204 : rule(name), name)
    }
  })

  test('a refused move writes nothing and says why', async ({ assert }) => {
    const id = await newTask('doing')
    const refused = await call(actors.tokens.operator, 'PATCH', `/api/tasks/${id}`, {
      column: 'done',
      title: 'sneaky',
    })
    assert.equal(refused.status, 403)
    assert.match(refused.body.errors[0].message, /admin/)
    const task = await call(actors.tokens.admin, 'GET', `/api/tasks/${id}`)
    assert.equal(task.body.column, 'doing')
    assert.equal(task.body.title, 'Role check')
  })
})
