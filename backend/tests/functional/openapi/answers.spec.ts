/**
 * The document describes what the server really answers: each call below is
 * made against the running server, and its status must be one the operation
 * documents and its JSON body must match the documented schema.
 */
import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors, type Answer } from '#tests/helpers/actors'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { needs } from '#tests/helpers/plugins'

test.group('OpenAPI: real answers match the document', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  let problems: string[]

  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    check = responseChecker(await openApiDocument())
  })
  group.each.setup(() => {
    problems = []
  })

  /** Calls the API, checks the answer against the document, and expects `status`. */
  async function api(
    who: keyof Actors['tokens'],
    method: string,
    path: string,
    status: number,
    body?: unknown
  ): Promise<Answer> {
    const answer = await call(actors.tokens[who], method, path, body)
    if (answer.status !== status) {
      problems.push(
        `${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`
      )
    }
    problems.push(...check(method, path, answer.status, answer.body))
    return answer
  }

  test('the check itself: undocumented statuses and wrong bodies are reported', async ({
    assert,
  }) => {
    assert.lengthOf(check('GET', '/api/tasks', 418, []), 1)
    assert.isNotEmpty(check('GET', `/api/tasks/${randomUUID()}`, 200, { id: 5 }))
    assert.isNotEmpty(check('GET', '/api/tasks', 401, { error: 'no' }))
    assert.deepEqual(check('GET', '/api/nowhere', 200, {}), ['GET /api/nowhere is not documented'])
  })

  test('auth, users and tokens', async ({ assert }) => {
    await api('anonymous', 'GET', '/api/health', 200)
    await api('admin', 'GET', '/api/auth/me', 200)
    await api('agent', 'GET', '/api/auth/me', 200)
    await api('anonymous', 'GET', '/api/auth/me', 401)
    const token = await api('operator', 'POST', '/api/auth/tokens', 201, { name: 'script' })
    await api('operator', 'GET', '/api/auth/tokens', 200)
    await api('agent', 'GET', '/api/auth/tokens', 403)
    await api('operator', 'DELETE', `/api/auth/tokens/${token.body.id}`, 204)
    await api('operator', 'DELETE', `/api/auth/tokens/${token.body.id}`, 404)

    await api('admin', 'GET', '/api/users?_sort=email&role=admin&is_active=true', 200)
    await api('admin', 'GET', '/api/users?nope=1', 422)
    await api('operator', 'GET', '/api/users', 403)
    const user = await api('admin', 'POST', '/api/users', 201, {
      email: `openapi-${randomUUID().slice(0, 8)}@example.com`,
      role: 'viewer',
      password: 'a long passphrase',
    })
    await api('admin', 'POST', '/api/users', 422, { email: 'not an email', role: 'x' })
    await api('admin', 'GET', `/api/users/${user.body.id}`, 200)
    await api('admin', 'PATCH', `/api/users/${user.body.id}`, 200, { role: 'closer' })
    await api('admin', 'GET', `/api/users/${randomUUID()}`, 404)
    assert.deepEqual(problems, [])
  })

  needs(
    test('tasks, agents, controls, events, audit and replay', async ({ assert }) => {
      const task = await api('agent', 'POST', '/api/tasks', 201, { title: 'OpenAPI check' })
      await api('viewer', 'POST', '/api/tasks', 403, { title: 'nope' })
      await api('agent', 'POST', '/api/tasks', 422, {})
      await api(
        'agent',
        'GET',
        '/api/tasks?_start=0&_end=5&_sort=created_at&_order=desc&q=OpenAPI',
        200
      )
      await api('agent', 'GET', `/api/tasks/${task.body.id}`, 200)
      await api('agent', 'PATCH', `/api/tasks/${task.body.id}`, 200, { column: 'doing' })
      await api('agent', 'PATCH', `/api/tasks/${task.body.id}`, 403, { column: 'done' })

      const agent = await api('admin', 'POST', '/api/agents', 201, {
        name: `copywriter-${randomUUID().slice(0, 8)}`,
        type: 'copywriter',
      })
      await api('viewer', 'GET', '/api/agents?status=idle', 200)
      await api('viewer', 'GET', `/api/agents/${agent.body.id}`, 200)
      await api('agent', 'GET', '/api/agents/me', 200)
      await api('admin', 'GET', '/api/agents/me', 403)
      await api('agent', 'POST', '/api/agents/me/heartbeat', 200, { status: 'running' })
      await api('admin', 'POST', `/api/agents/${agent.body.id}/pause`, 200, { reason: 'check' })
      await api('admin', 'POST', `/api/agents/${agent.body.id}/kill`, 200)
      await api('admin', 'POST', `/api/agents/${agent.body.id}/resume`, 200)
      const minted = await api('admin', 'POST', `/api/agents/${agent.body.id}/tokens`, 201, {
        name: 'ci',
      })
      await api('admin', 'GET', `/api/agents/${agent.body.id}/tokens`, 200)
      await api('admin', 'DELETE', `/api/agents/${agent.body.id}/tokens/${minted.body.id}`, 204)
      await api('viewer', 'GET', '/api/agent-types', 200)
      await api('viewer', 'GET', '/api/agent-types/copywriter', 200)
      await api('viewer', 'GET', '/api/agent-types/nope', 404)

      await api('viewer', 'GET', '/api/system/controls', 200)
      await api('admin', 'POST', '/api/system/pause', 200, { reason: 'OpenAPI check' })
      await api('agent', 'PATCH', `/api/tasks/${task.body.id}`, 423, { title: 'paused' })
      await api('agent', 'POST', '/api/agents/me/heartbeat', 200, { status: 'idle' })
      await api('admin', 'POST', '/api/system/resume', 200)

      await api('operator', 'POST', '/api/events', 201, {
        event_type: 'review.started',
        task_id: task.body.id,
        payload: { note: 'from the OpenAPI test' },
      })
      await api('operator', 'POST', '/api/events', 422, { event_type: 'task.moved' })
      const events = await api('viewer', 'GET', `/api/events?task_id=${task.body.id}`, 200)
      await api('viewer', 'GET', '/api/events?after=0&_end=5', 200)
      await api('viewer', 'GET', `/api/events/${events.body[0].id}`, 200)
      const audit = await api('admin', 'GET', '/api/audit?actor_type=user', 200)
      await api('admin', 'GET', `/api/audit/${audit.body[0].id}`, 200)
      await api('operator', 'GET', '/api/audit', 403)
      await api('admin', 'GET', '/api/replay/board', 200)
      await api('admin', 'GET', `/api/replay/timeline?task_id=${task.body.id}`, 200)
      await api('admin', 'GET', '/api/replay/timeline', 422)

      await api('admin', 'DELETE', `/api/tasks/${task.body.id}`, 204)
      await api('admin', 'GET', `/api/tasks/${task.body.id}`, 404)
      assert.deepEqual(problems, [])
    }),
    'orchestrator'
  )

  needs(
    test('leads, drafts, versions and approvals', async ({ assert }) => {
      const tag = randomUUID().slice(0, 8)
      const lead = await api('admin', 'POST', '/api/leads', 201, {
        business_name: 'OpenAPI Dental',
        niche: 'dentist',
        region: 'Austin, TX',
        website: `openapi-${tag}.example.com`,
        email: `hello@openapi-${tag}.example.com`,
        notes: ['Opened in 2020'],
      })
      await api('admin', 'POST', '/api/leads', 409, {
        business_name: 'Twin',
        niche: 'dentist',
        region: 'Austin, TX',
        website: `https://www.openapi-${tag}.example.com/`,
      })
      await api('closer', 'GET', '/api/leads?status=new&status=enriched&lead_score_gte=B', 200)
      await api('closer', 'GET', `/api/leads/${lead.body.id}`, 200)
      await api('closer', 'PATCH', `/api/leads/${lead.body.id}`, 200, { status: 'contacted' })
      await api('closer', 'PATCH', `/api/leads/${lead.body.id}`, 403, { niche: 'spa' })
      const csv = await call(actors.tokens.closer, 'GET', '/api/leads/export.csv?status=contacted')
      assert.equal(csv.status, 200)
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/)

      const draft = await api('agent', 'POST', '/api/drafts', 201, {
        lead_id: lead.body.id,
        channel: 'email',
        draft_type: 'cold_intro',
        content: 'Hello',
      })
      await api('viewer', 'GET', '/api/drafts?status=draft', 200)
      await api('viewer', 'GET', `/api/drafts/${draft.body.id}`, 200)
      await api('agent', 'POST', `/api/drafts/${draft.body.id}/versions`, 201, {
        content: 'Hello again',
        base_version: 1,
      })
      await api('agent', 'POST', `/api/drafts/${draft.body.id}/versions`, 409, {
        content: 'Stale',
        base_version: 1,
      })
      await api('viewer', 'GET', `/api/drafts/${draft.body.id}/versions`, 200)
      await api('agent', 'POST', `/api/drafts/${draft.body.id}/submit`, 200)
      await api('agent', 'POST', `/api/drafts/${draft.body.id}/submit`, 409)
      await api('operator', 'POST', `/api/drafts/${draft.body.id}/decision`, 403, {
        action: 'approve',
        version: 2,
      })
      const decided = await api('admin', 'POST', `/api/drafts/${draft.body.id}/decision`, 200, {
        action: 'approve_with_notes',
        version: 2,
        notes: 'Fine',
      })
      await api('viewer', 'GET', `/api/approvals?draft_id=${draft.body.id}`, 200)
      await api('viewer', 'GET', `/api/approvals/${decided.body.approval.id}`, 200)
      await api('admin', 'GET', `/api/replay/timeline?draft_id=${draft.body.id}`, 200)

      await api('admin', 'DELETE', `/api/leads/${lead.body.id}`, 204)
      await api('admin', 'DELETE', `/api/leads/${lead.body.id}`, 404)
      assert.deepEqual(problems, [])
    }),
    'leads',
    'drafts',
    'orchestrator'
  )

  test('malformed requests get the documented error answers', async ({ assert }) => {
    const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/tasks`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${actors.tokens.operator}`,
        'content-type': 'application/json',
      },
      body: '{"title":',
    })
    problems.push(...check('POST', '/api/tasks', response.status, await response.json()))
    assert.equal(response.status, 400)

    const large = await call(actors.tokens.operator, 'POST', '/api/tasks', {
      title: 'x',
      description: 'x'.repeat(1_100_000),
    })
    problems.push(...check('POST', '/api/tasks', large.status, large.body))
    assert.equal(large.status, 413)
    await api('operator', 'GET', '/api/tasks?_end=5000', 422)
    await api('operator', 'GET', '/api/tasks?_sort=nope', 422)
    assert.deepEqual(problems, [])
  })
})
