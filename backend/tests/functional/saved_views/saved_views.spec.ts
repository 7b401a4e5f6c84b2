import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import User from '#models/user'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeUser } from '#tests/helpers/users'

const view = (overrides: Record<string, unknown> = {}) => ({
  resource: 'tasks',
  name: `View ${Math.random().toString(36).slice(2, 8)}`,
  filters: [
    { field: 'column', operator: 'in', value: ['doing', 'needs_approval'] },
    { field: 'q', operator: 'eq', value: 'invoice' },
  ],
  sorters: [{ field: 'updated_at', order: 'desc' }],
  hidden_columns: ['created_at'],
  page_size: 50,
  ...overrides,
})

async function save(token: string | null, body: Record<string, unknown>) {
  const answer = await call(token, 'POST', '/api/saved-views', body)
  if (answer.status !== 201)
    throw new Error(`not saved: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body as { id: string; name: string; shared: boolean; user_id: string }
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id)

async function recorded(id: string) {
  const events = await db.from('task_events').whereRaw(`payload->>'id' = ?`, [id]).orderBy('id')
  const audit = await db.from('audit_log').where('resource_id', id).orderBy('id')
  return { events, audit }
}

async function tokenOf(user: User) {
  return (await User.accessTokens.create(user)).value!.release()
}

test.group('Saved views: private, shared, and whose', (group) => {
  let actors: Actors
  let otherCloser: User
  let otherCloserToken: string
  group.setup(async () => {
    actors = await makeActors()
    otherCloser = await makeUser(Role.Closer)
    otherCloserToken = await tokenOf(otherCloser)
  })
  group.each.setup(async () => {
    await db.from('saved_views').delete()
  })

  test('a closer saves a view: stored as sent, recorded once (one event, one audit row)', async ({
    assert,
  }) => {
    const body = view()
    const saved = await save(actors.tokens.closer, body)
    assert.containsSubset(saved, {
      resource: 'tasks',
      name: body.name,
      filters: body.filters,
      sorters: body.sorters,
      hidden_columns: ['created_at'],
      page_size: 50,
      shared: false,
      user_id: actors.users.closer.id,
      owner_email: actors.users.closer.email,
      mine: true,
    })
    const read = await call(actors.tokens.closer, 'GET', `/api/saved-views/${saved.id}`)
    assert.equal(read.status, 200)
    assert.deepEqual(read.body, saved)

    const { events, audit } = await recorded(saved.id)
    assert.lengthOf(events, 1)
    assert.equal(events[0].event_type, 'saved_view.created')
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].action, 'saved_view.created')
    assert.equal(audit[0].actor_id, actors.users.closer.id)
    assert.equal(audit[0].after_state.name, body.name)
  })

  test('private views are their owner’s alone; shared views are everyone’s who may read the list', async ({
    assert,
  }) => {
    const mine = await save(actors.tokens.closer, view({ name: 'Private one' }))
    const shared = await save(actors.tokens.closer, view({ name: 'Team one', shared: true }))

    const own = await call(actors.tokens.closer, 'GET', '/api/saved-views?resource=tasks')
    assert.equal(own.status, 200)
    assert.sameMembers(ids(own.body), [mine.id, shared.id])
    assert.equal(own.headers.get('x-total-count'), '2')

    for (const token of [otherCloserToken, actors.tokens.viewer, actors.tokens.admin]) {
      const list = await call(token, 'GET', '/api/saved-views')
      assert.deepEqual(ids(list.body), [shared.id])
      assert.isFalse(list.body[0].mine)
      assert.equal((await call(token, 'GET', `/api/saved-views/${shared.id}`)).status, 200)
    }
    // someone else's private view is not there at all
    assert.equal((await call(otherCloserToken, 'GET', `/api/saved-views/${mine.id}`)).status, 404)
    assert.equal(
      (await call(actors.tokens.viewer, 'GET', `/api/saved-views/${mine.id}`)).status,
      404
    )
    // an admin (saved_views.manage) may look at any, to tidy up
    assert.equal(
      (await call(actors.tokens.admin, 'GET', `/api/saved-views/${mine.id}`)).status,
      200
    )

    // taken back: private again
    const unshared = await call(actors.tokens.closer, 'PATCH', `/api/saved-views/${shared.id}`, {
      shared: false,
    })
    assert.equal(unshared.status, 200)
    assert.isFalse(unshared.body.shared)
    assert.lengthOf((await call(otherCloserToken, 'GET', '/api/saved-views')).body, 0)
  })

  test('a shared view of a list a role may not read stays hidden from that role', async ({
    assert,
  }) => {
    const audit = await save(
      actors.tokens.admin,
      view({ resource: 'audit', name: 'Deletions', filters: [], shared: true })
    )
    assert.deepEqual(ids((await call(actors.tokens.closer, 'GET', '/api/saved-views')).body), [])
    assert.equal(
      (await call(actors.tokens.closer, 'GET', `/api/saved-views/${audit.id}`)).status,
      404
    )
    // and nobody saves a view of a list their role may not read
    const refused = await call(
      actors.tokens.closer,
      'POST',
      '/api/saved-views',
      view({ resource: 'audit' })
    )
    assert.equal(refused.status, 403)
    assert.match(refused.body.errors[0].message, /may not read the audit list/)
    assert.equal(
      await db
        .from('saved_views')
        .where('resource', 'audit')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      1
    )
  })

  test('only the owner changes a view; the owner or an admin deletes it; each change recorded once', async ({
    assert,
  }) => {
    const shared = await save(actors.tokens.closer, view({ shared: true }))
    const before = await db.from('audit_log').count('* as n').first()

    for (const token of [otherCloserToken, actors.tokens.admin, actors.tokens.operator]) {
      const refused = await call(token, 'PATCH', `/api/saved-views/${shared.id}`, {
        name: 'Mine now',
      })
      assert.equal(refused.status, 403)
      assert.equal(refused.body.errors[0].code, 'E_FORBIDDEN')
      assert.match(refused.body.errors[0].message, /Only the person who saved this view/)
    }
    for (const token of [otherCloserToken, actors.tokens.viewer, actors.tokens.operator]) {
      assert.equal((await call(token, 'DELETE', `/api/saved-views/${shared.id}`)).status, 403)
    }
    // a refused request writes nothing
    assert.deepEqual(await db.from('audit_log').count('* as n').first(), before)
    assert.equal((await db.from('saved_views').where('id', shared.id).first()).name, shared.name)

    const renamed = await call(actors.tokens.closer, 'PATCH', `/api/saved-views/${shared.id}`, {
      name: 'Renamed',
      sorters: [{ field: 'title', order: 'asc' }],
    })
    assert.equal(renamed.status, 200)
    assert.equal(renamed.body.name, 'Renamed')
    assert.deepEqual(renamed.body.sorters, [{ field: 'title', order: 'asc' }])
    assert.deepEqual(renamed.body.filters, view().filters)

    // the admin deletes someone else's view (even a private one)
    const privateOne = await save(otherCloserToken, view())
    assert.equal(
      (await call(actors.tokens.admin, 'DELETE', `/api/saved-views/${privateOne.id}`)).status,
      204
    )
    assert.equal(
      (await call(actors.tokens.closer, 'DELETE', `/api/saved-views/${shared.id}`)).status,
      204
    )
    assert.equal(
      await db
        .from('saved_views')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )

    const history = await recorded(shared.id)
    assert.deepEqual(
      history.events.map((event) => event.event_type),
      ['saved_view.created', 'saved_view.updated', 'saved_view.deleted']
    )
    assert.deepEqual(
      history.audit.map((row) => row.action),
      ['saved_view.created', 'saved_view.updated', 'saved_view.deleted']
    )
    assert.equal(history.audit[1].before_state.name, shared.name)
    assert.equal(history.audit[1].after_state.name, 'Renamed')
    assert.sameMembers(history.audit[1].metadata.changed, ['name', 'sorters'])
    const adminDelete = (await recorded(privateOne.id)).audit.at(-1)
    assert.equal(adminDelete.actor_id, actors.users.admin.id)
  })

  test('validation: 422 with the field at fault; a name is unique per person and list', async ({
    assert,
  }) => {
    const cases: [Record<string, unknown>, string][] = [
      [view({ name: '   ' }), 'name'],
      [view({ name: 'x'.repeat(101) }), 'name'],
      [view({ resource: 'Not A List' }), 'resource'],
      [
        view({ filters: [{ field: 'status', operator: 'between', value: 'a' }] }),
        'filters.0.operator',
      ],
      [
        view({ filters: [{ field: 'status', operator: 'eq', value: { a: 1 } }] }),
        'filters.0.value',
      ],
      [view({ filters: [{ field: 'drop table', operator: 'eq', value: 'a' }] }), 'filters.0.field'],
      [view({ sorters: [{ field: 'title', order: 'up' }] }), 'sorters.0.order'],
      [view({ page_size: 5000 }), 'page_size'],
      [view({ hidden_columns: ['a', 'a'] }), 'hidden_columns'],
      [view({ shared: 'maybe' }), 'shared'],
      // more than a link holds: 20 filters of 100 values of 50 characters
      [
        view({
          filters: Array.from({ length: 20 }, () => ({
            field: 'title',
            operator: 'in',
            value: Array.from({ length: 100 }, () => 'x'.repeat(50)),
          })),
        }),
        'filters',
      ],
    ]
    for (const [body, field] of cases) {
      const answer = await call(actors.tokens.closer, 'POST', '/api/saved-views', body)
      assert.equal(answer.status, 422, field)
      assert.include(
        answer.body.errors.map((error: { field: string }) => error.field),
        field,
        JSON.stringify(answer.body)
      )
    }
    const missing = await call(actors.tokens.closer, 'POST', '/api/saved-views', {})
    assert.equal(missing.status, 422)
    assert.sameMembers(
      missing.body.errors.map((error: { field: string }) => error.field),
      ['resource', 'name']
    )

    await save(actors.tokens.closer, view({ name: 'Hot leads' }))
    const twice = await call(
      actors.tokens.closer,
      'POST',
      '/api/saved-views',
      view({ name: 'HOT LEADS' })
    )
    assert.equal(twice.status, 422)
    assert.equal(twice.body.errors[0].field, 'name')
    assert.equal(twice.body.errors[0].rule, 'unique')
    // the same name on another list, or by someone else, is fine
    await save(actors.tokens.closer, view({ name: 'Hot leads', resource: 'agents' }))
    await save(otherCloserToken, view({ name: 'Hot leads' }))
    const other = await save(actors.tokens.closer, view({ name: 'Cold' }))
    const rename = await call(actors.tokens.closer, 'PATCH', `/api/saved-views/${other.id}`, {
      name: 'hot leads',
    })
    assert.equal(rename.status, 422)
    assert.equal(rename.body.errors[0].rule, 'unique')
    assert.equal(
      await db
        .from('saved_views')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      4
    )

    assert.equal((await call(actors.tokens.closer, 'GET', '/api/saved-views?nope=1')).status, 422)
    assert.equal(
      (await call(actors.tokens.closer, 'GET', '/api/saved-views/not-a-uuid')).status,
      404
    )
  })

  test('a person keeps at most 100 views of a list', async ({ assert }) => {
    const closer = await makeUser(Role.Closer)
    const token = (await User.accessTokens.create(closer)).value!.release()
    await db.table('saved_views').insert(
      Array.from({ length: 100 }, (_, i) => ({
        user_id: closer.id,
        resource: 'tasks',
        name: `View ${i}`,
        filters: JSON.stringify([]),
        sorters: JSON.stringify([]),
        hidden_columns: JSON.stringify([]),
      }))
    )
    const more = await call(token, 'POST', '/api/saved-views', view({ name: 'One more' }))
    assert.equal(more.status, 422)
    assert.equal(more.body.errors[0].rule, 'maxViews')
    // another list still has room
    const other = await call(
      token,
      'POST',
      '/api/saved-views',
      view({ name: 'One more', resource: 'agents' })
    )
    assert.equal(other.status, 201)
  })

  test('saves sent at once never pass the cap', async ({ assert }) => {
    const closer = await makeUser(Role.Closer)
    const token = (await User.accessTokens.create(closer)).value!.release()
    await db.table('saved_views').insert(
      Array.from({ length: 97 }, (_, i) => ({
        user_id: closer.id,
        resource: 'tasks',
        name: `View ${i}`,
        filters: JSON.stringify([]),
        sorters: JSON.stringify([]),
        hidden_columns: JSON.stringify([]),
      }))
    )
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(token, 'POST', '/api/saved-views', view({ name: `At once ${i}` }))
      )
    )
    assert.sameMembers(
      answers.map((answer) => answer.status),
      [201, 201, 201, 422, 422, 422, 422, 422]
    )
    const [{ n }] = await db
      .from('saved_views')
      .where({ user_id: closer.id, resource: 'tasks' })
      .count('* as n')
    assert.equal(Number(n), 100)
  })

  test('agents have no views; anonymous callers get 401', async ({ assert }) => {
    const saved = await save(actors.tokens.closer, view({ shared: true }))
    for (const [method, path, body] of [
      ['GET', '/api/saved-views', undefined],
      ['POST', '/api/saved-views', view()],
      ['GET', `/api/saved-views/${saved.id}`, undefined],
      ['PATCH', `/api/saved-views/${saved.id}`, { name: 'x' }],
      ['DELETE', `/api/saved-views/${saved.id}`, undefined],
    ] as const) {
      const agent = await call(actors.tokens.agent, method, path, body)
      assert.equal(agent.status, 403, `${method} ${path}`)
      assert.equal((await call(null, method, path, body)).status, 401, `${method} ${path}`)
    }
  })
})

test.group('Preferences: the theme follows the person', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('defaults to the device; a change is kept, recorded, and only the person’s own', async ({
    assert,
  }) => {
    const first = await call(actors.tokens.closer, 'GET', '/api/auth/preferences')
    assert.equal(first.status, 200)
    assert.deepEqual(first.body, { theme: 'system' })

    const dark = await call(actors.tokens.closer, 'PATCH', '/api/auth/preferences', {
      theme: 'dark',
    })
    assert.equal(dark.status, 200)
    assert.deepEqual(dark.body, { theme: 'dark' })
    assert.deepEqual((await call(actors.tokens.closer, 'GET', '/api/auth/preferences')).body, {
      theme: 'dark',
    })
    // someone else's are untouched
    assert.deepEqual((await call(actors.tokens.viewer, 'GET', '/api/auth/preferences')).body, {
      theme: 'system',
    })
    const audit = await db
      .from('audit_log')
      .where({ action: 'user.preferences_updated', resource_id: actors.users.closer.id })
    assert.lengthOf(audit, 1)
    assert.deepEqual(audit[0].before_state, { theme: 'system' })
    assert.deepEqual(audit[0].after_state, { theme: 'dark' })

    // the same again changes nothing and records nothing
    await call(actors.tokens.closer, 'PATCH', '/api/auth/preferences', { theme: 'dark' })
    assert.lengthOf(
      await db
        .from('audit_log')
        .where({ action: 'user.preferences_updated', resource_id: actors.users.closer.id }),
      1
    )

    const bad = await call(actors.tokens.closer, 'PATCH', '/api/auth/preferences', {
      theme: 'pink',
    })
    assert.equal(bad.status, 422)
    assert.equal(bad.body.errors[0].field, 'theme')
    assert.equal((await call(actors.tokens.agent, 'GET', '/api/auth/preferences')).status, 403)
    assert.equal((await call(null, 'GET', '/api/auth/preferences')).status, 401)
  })
})
