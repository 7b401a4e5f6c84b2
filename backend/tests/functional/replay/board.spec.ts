import { test } from '@japa/runner'
import { TASK_COLUMNS } from '#enums/task'
import { call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { BrowserSession } from '#tests/helpers/browser_session'
import { needs } from '#tests/helpers/plugins'

/* Steps land in different milliseconds, the precision of `at`. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const byBoardOrder = (a: any, b: any) =>
  TASK_COLUMNS.indexOf(a.column) - TASK_COLUMNS.indexOf(b.column) ||
  Date.parse(a.created_at) - Date.parse(b.created_at)

test.group('GET /api/replay/board', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('every role and agents may replay; anonymous may not', async ({ assert }) => {
    const readers: ActorName[] = ['admin', 'operator', 'closer', 'viewer', 'agent']
    for (const name of readers) {
      const response = await call(actors.tokens[name], 'GET', '/api/replay/board')
      assert.equal(response.status, 200, name)
      assert.properties(response.body, ['at', 'tasks', 'agents'])
    }
    const anonymous = new BrowserSession()
    assert.equal((await anonymous.get('/api/replay/board')).status, 401)
  })

  needs(
    test('rebuilds the board at each step of a known sequence of changes', async ({ assert }) => {
      const admin = actors.tokens.admin
      /* What the API answered after each step: the board must show exactly that. */
      const steps: { seq: number; state: Map<string, any>; agent: any }[] = []
      const state = new Map<string, any>()
      let agentState: any = null

      async function step(
        method: string,
        path: string,
        body: unknown,
        apply: (response: any) => void
      ) {
        await sleep(5)
        const response = await call(admin, method, path, body)
        assert.oneOf(response.status, [200, 201, 204], `${method} ${path}`)
        apply(response)
        const [event] = (await call(admin, 'GET', '/api/events?_sort=id&_order=desc&_end=1')).body
        steps.push({ seq: event.id, state: new Map(state), agent: agentState })
      }

      await step('POST', '/api/tasks', { title: 'one' }, (r) => state.set(r.body.id, r.body))
      const [one] = [...state.keys()]
      await step('POST', '/api/tasks', { title: 'two' }, (r) => state.set(r.body.id, r.body))
      const [, two] = [...state.keys()]
      await step(
        'POST',
        '/api/agents',
        { name: `replay-${Date.now()}`, type: 'orchestrator' },
        (r) => {
          agentState = r.body
        }
      )
      await step('PATCH', `/api/tasks/${one}`, { column: 'doing' }, (r) => state.set(one, r.body))
      await step('PATCH', `/api/tasks/${one}`, { column: 'needs_approval' }, (r) =>
        state.set(one, r.body)
      )
      await step('POST', '/api/tasks', { title: 'three' }, (r) => state.set(r.body.id, r.body))
      const [, , three] = [...state.keys()]
      await step('POST', `/api/agents/${agentState.id}/pause`, {}, (r) => {
        agentState = r.body
      })
      await step('PATCH', `/api/tasks/${one}`, { column: 'done' }, (r) => state.set(one, r.body))
      await step('DELETE', `/api/tasks/${two}`, undefined, () => state.delete(two))
      await step(
        'PATCH',
        `/api/tasks/${three}`,
        { title: 'three, renamed', priority: 'high' },
        (r) => state.set(three, r.body)
      )

      const mine = new Set([one, two, three])
      const stripStale = ({ stale: _stale, ...agent }: any) => agent

      /* before the first step: none of these records existed */
      const firstEvent = (await call(admin, 'GET', `/api/events/${steps[0].seq}`)).body
      const before = new Date(Date.parse(firstEvent.created_at) - 1).toISOString()
      const empty = await call(admin, 'GET', `/api/replay/board?at=${encodeURIComponent(before)}`)
      assert.equal(empty.status, 200)
      assert.isFalse(empty.body.tasks.some((task: any) => mine.has(task.id)))
      assert.isFalse(empty.body.agents.some((agent: any) => agent.id === agentState.id))

      for (const [index, { seq, state: expected, agent }] of steps.entries()) {
        /* the moment of the step is its event's created_at */
        const event = (await call(admin, 'GET', `/api/events/${seq}`)).body
        const response = await call(
          actors.tokens.viewer,
          'GET',
          `/api/replay/board?at=${encodeURIComponent(event.created_at)}`
        )
        assert.equal(response.status, 200)
        const board = response.body
        assert.equal(board.at, new Date(event.created_at).toISOString())
        assert.deepEqual(
          board.tasks.filter((task: any) => mine.has(task.id)),
          [...expected.values()].sort(byBoardOrder),
          `tasks after step ${index + 1}`
        )
        const replayedAgent = board.agents.find((a: any) => a.id === agent?.id)
        assert.deepEqual(
          replayedAgent && stripStale(replayedAgent),
          agent ? stripStale(agent) : undefined,
          `agent after step ${index + 1}`
        )
        /* the whole board, not only these tasks, is in board order */
        assert.deepEqual(board.tasks, [...board.tasks].sort(byBoardOrder))
      }

      /* the last step's board: one done, two deleted, three renamed */
      const last = steps[steps.length - 1].state
      assert.equal(last.get(one).column, 'done')
      assert.isFalse(last.has(two))
      assert.equal(last.get(three).title, 'three, renamed')

      /* without at: now, which is what the live API shows */
      const now = await call(admin, 'GET', '/api/replay/board')
      const live = await call(admin, 'GET', `/api/tasks?id=${one}&id=${three}&_end=1000`)
      assert.deepEqual(
        now.body.tasks.filter((task: any) => mine.has(task.id)),
        [...live.body].sort(byBoardOrder)
      )
      assert.closeTo(Date.parse(now.body.at), Date.now(), 10_000)
    }),
    'orchestrator'
  )

  test('at must be an ISO 8601 time; nothing else is accepted', async ({ assert }) => {
    const admin = actors.tokens.admin
    for (const query of [
      'at=yesterday',
      'at=2026-13-01T00:00:00Z',
      'at=12',
      'at=0000-01-01T00:00:00Z',
      'at=2026-01-01&at=2026-01-02',
      'when=2026-01-01',
    ]) {
      const response = await call(admin, 'GET', `/api/replay/board?${query}`)
      assert.equal(response.status, 422, query)
      assert.equal(response.body.errors[0].code, 'E_INVALID_QUERY')
    }
    const offset = await call(admin, 'GET', '/api/replay/board?at=2026-01-01T12:00:00%2B02:00')
    assert.equal(offset.status, 200)
    assert.equal(offset.body.at, '2026-01-01T10:00:00.000Z')
    const dateOnly = await call(admin, 'GET', '/api/replay/board?at=2020-01-01')
    assert.equal(dateOnly.body.at, '2020-01-01T00:00:00.000Z')
    assert.deepEqual(dateOnly.body.tasks, [])
  })
})
