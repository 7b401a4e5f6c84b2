import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import Agent from '#models/agent'
import { agentTokens } from '#actions/agents/agent_tokens'
import { SYSTEM } from '#services/change_recorder'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { TcpProxy } from '#tests/helpers/tcp_proxy'
import { AgentClient, ApiError, type AgentClientOptions, type ControlMessage } from '#client/index'
import { needs, groupNeeds } from '#tests/helpers/plugins'

const baseUrl = () => `http://${process.env.HOST}:${process.env.PORT}`

/** An agent of a built-in type with a token minted the way `node ace agent:token` does. */
async function agentWithToken(type: string) {
  const agent = await makeAgent(type)
  const { token } = await agentTokens.issue(SYSTEM, agent)
  return { agent, token }
}

const clients: AgentClient[] = []
function clientFor(token: string, options: Partial<AgentClientOptions> = {}) {
  const client = new AgentClient({ baseUrl: baseUrl(), token, ...options })
  clients.push(client)
  return client
}

async function tasksTitled(title: string) {
  const [{ count }] = await db.from('tasks').where('title', title).count('* as count')
  return Number(count)
}

/** Resolves with the promise's value, or `pending` if it has not settled within `ms`. */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))])
}

function waitFor<T>(check: () => T | undefined | null | false, timeoutMs: number) {
  return new Promise<T | null>((resolve) => {
    const started = Date.now()
    const timer = setInterval(() => {
      const value = check()
      if (value) {
        clearInterval(timer)
        resolve(value)
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer)
        resolve(null)
      }
    }, 20)
  })
}

test.group('Agent client: the REST contract, typed', (group) => {
  group.each.teardown(() => {
    while (clients.length) clients.pop()!.close()
  })

  needs(
    test('me, heartbeat, tasks, leads, drafts, versions, submit and events', async ({ assert }) => {
      const finder = await agentWithToken('lead_finder')
      const writer = await agentWithToken('copywriter')
      const leads = clientFor(finder.token)
      const drafts = clientFor(writer.token)

      const me = await leads.me()
      assert.equal(me.id, finder.agent.id)
      assert.deepEqual(me.controls, { paused: false, reason: null })
      assert.equal(leads.agentId, finder.agent.id)

      const beat = await leads.heartbeat({ status: 'running', message: 'Searching' })
      assert.equal(beat.status, 'running')

      const website = `https://www.client-test-${randomUUID().slice(0, 8)}.com/`
      const created = await leads.leads.create({
        business_name: 'Client Test Dental',
        niche: 'Dentists',
        region: 'Austin, TX',
        website,
      })
      assert.isTrue(created.created)
      const again = await leads.leads.create({
        business_name: 'Client Test Dental (again)',
        niche: 'Dentists',
        region: 'Austin, TX',
        website: website.replace('https://www.', ''),
      })
      assert.deepInclude(again, { created: false, id: created.id })

      const enriched = await leads.leads.update(created.id, {
        contact_name: 'Maria Garcia',
        email: `maria@${new URL(website).hostname.replace('www.', '')}`,
        notes: ['No online booking'],
        status: 'enriched',
      })
      assert.equal(enriched.status, 'enriched')
      const page = await leads.leads.list({ id: created.id })
      assert.equal(page.total, 1)
      assert.equal(page.data[0].contact_name, 'Maria Garcia')

      const task = await drafts.tasks.create({
        title: `Write to ${enriched.business_name}`,
        linked_lead_id: created.id,
      })
      assert.equal(task.column, 'backlog')
      assert.equal((await drafts.tasks.move(task.id, 'doing')).column, 'doing')

      const draft = await drafts.drafts.create({
        lead_id: created.id,
        channel: 'email',
        draft_type: 'cold_email',
        content: 'Hi Maria, ...',
      })
      assert.equal(draft.current_version, 1)
      await drafts.tasks.update(task.id, { linked_draft_id: draft.id })
      const v2 = await drafts.drafts.addVersion(draft.id, {
        content: 'Hi Maria, shorter.',
        change_note: 'Shorter',
        base_version: 1,
      })
      assert.equal(v2.version_number, 2)
      const stale = await drafts.drafts
        .addVersion(draft.id, { content: 'lost update', base_version: 1 })
        .catch((e) => e)
      assert.instanceOf(stale, ApiError)
      assert.equal(stale.status, 409)
      assert.isString(stale.errors[0].message)

      const submitted = await drafts.drafts.submit(draft.id)
      assert.equal(submitted.status, 'needs_approval')
      assert.equal(submitted.content, 'Hi Maria, shorter.')
      assert.equal((await drafts.tasks.get(task.id)).column, 'needs_approval')
      assert.deepEqual(
        (await drafts.drafts.versions(draft.id)).map((v) => v.version_number),
        [1, 2]
      )

      /* progress events of the types the copywriter plugin declares */
      const event = await drafts.emitEvent({
        event_type: 'draft.revised',
        task_id: task.id,
        payload: { draft_id: draft.id, version: 2, change_note: 'Shorter' },
      })
      assert.equal(event.event_type, 'draft.revised')
      const after = await drafts.events.after(event.id - 1)
      assert.equal(after[0].id, event.id)

      const refused = await drafts
        .emitEvent({ event_type: 'draft.written', payload: { version: 1 } })
        .catch((e) => e)
      assert.instanceOf(refused, ApiError)
      assert.equal(refused.status, 422)
      assert.equal(refused.code, 'E_VALIDATION_ERROR')
      assert.isAbove(refused.errors.length, 0)
    }),
    'leads',
    'drafts',
    'orchestrator',
    'lead_finder',
    'copywriter'
  )

  test('a bad token is an ApiError 401, not a retry', async ({ assert }) => {
    const client = clientFor('mca_not-a-token')
    const error = await client.me().catch((e) => e)
    assert.instanceOf(error, ApiError)
    assert.equal(error.status, 401)
  })
})

test.group('Agent client: 423, wait until resumed', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter')
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.teardown(async () => {
    while (clients.length) clients.pop()!.close()
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
  })

  test('the agent is paused: the write waits, and goes through exactly once after resume', async ({
    assert,
  }) => {
    const { agent, token } = await agentWithToken('orchestrator')
    const client = clientFor(token)
    const messages: ControlMessage[] = []
    await client.subscribeControls((message) => messages.push(message))

    assert.equal(
      (await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/pause`)).status,
      200
    )
    const title = `held ${randomUUID()}`
    const write = client.tasks.create({ title })

    assert.equal(await settledWithin(write, 1500), 'pending')
    assert.equal(await tasksTitled(title), 0, 'nothing written while paused')
    assert.isTrue(client.paused)
    assert.deepInclude(messages[0], { type: 'control', action: 'pause', paused: true })

    const resumedAt = Date.now()
    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
    const task = await write
    assert.isBelow(Date.now() - resumedAt, 1000, 'the control channel says resumed at once')
    assert.equal(task.title, title)
    assert.equal(await tasksTitled(title), 1)
    assert.isFalse(client.paused)
    assert.deepInclude(messages.at(-1)!, { action: 'resume', paused: false })
  })

  test('the global pause, polling alone (no control channel): resumes all the same', async ({
    assert,
  }) => {
    const { token } = await agentWithToken('lead_finder')
    const client = clientFor(token, {
      controlChannel: false,
      pausePoll: { initialMs: 100, maxMs: 300 },
    })
    const events: string[] = []
    client.on('paused', () => events.push('paused'))
    client.on('resumed', () => events.push('resumed'))

    await call(actors.tokens.admin, 'POST', '/api/system/pause', { reason: 'lunch' })
    const title = `held globally ${randomUUID()}`
    const write = client.tasks.create({ title })
    assert.equal(await settledWithin(write, 1000), 'pending')
    assert.equal(await tasksTitled(title), 0)
    assert.include(client.controls!.reason!, 'lunch')

    /* the heartbeat is allowed while paused, and says so */
    const beat = await client.heartbeat({ status: 'running' })
    assert.isTrue(beat.controls.paused)

    await call(actors.tokens.admin, 'POST', '/api/system/resume')
    await write
    assert.equal(await tasksTitled(title), 1)
    assert.deepEqual(events, ['paused', 'resumed'])
  })

  test('killed, then resumed: the held write is sent once; an abort ends the wait', async ({
    assert,
  }) => {
    const { agent, token } = await agentWithToken('enricher')
    const client = clientFor(token)
    await client.subscribeControls(() => {})
    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/kill`)
    await waitFor(() => client.paused, 1000)

    const abandoned = new AbortController()
    const given = client.tasks
      .create({ title: `abandoned ${randomUUID()}` }, { signal: abandoned.signal })
      .catch((e) => e)
    const title = `after kill ${randomUUID()}`
    const kept = client.tasks.create({ title })
    await new Promise((resolve) => setTimeout(resolve, 300))
    abandoned.abort()
    assert.equal((await given).name, 'AbortError')

    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
    await kept
    assert.equal(await tasksTitled(title), 1)
    assert.equal((await Agent.findOrFail(agent.id)).status, 'idle')
  })
})

test.group('Agent client: a restarted server', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter')
  let actors: Actors
  let proxy: TcpProxy
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.setup(async () => {
    proxy = await new TcpProxy(Number(process.env.PORT)).up()
  })
  group.each.teardown(async () => {
    while (clients.length) clients.pop()!.close()
    await proxy.down()
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
  })

  test('down for a moment: the write is retried and written once; the control channel comes back', async ({
    assert,
  }) => {
    const { agent, token } = await agentWithToken('orchestrator')
    const client = new AgentClient({
      baseUrl: proxy.url,
      token,
      retry: { baseDelayMs: 100, maxDelayMs: 500 },
    })
    clients.push(client)
    const messages: ControlMessage[] = []
    await client.subscribeControls((message) => messages.push(message))
    const retries: string[] = []
    client.on('retry', (notice) => retries.push(notice.reason))

    await proxy.down()
    const title = `across a restart ${randomUUID()}`
    const write = client.tasks.create({ title })
    assert.equal(await settledWithin(write, 800), 'pending')
    await proxy.up()

    const task = await write
    assert.equal(task.title, title)
    assert.equal(await tasksTitled(title), 1)
    assert.include(retries, 'ECONNREFUSED')

    /* the stream reconnects (EventSource retries after 3 s) and re-subscribes */
    await new Promise((resolve) => setTimeout(resolve, 4500))
    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/pause`)
    const paused = await waitFor(() => messages.find((m) => m.action === 'pause'), 5000)
    assert.isNotNull(paused, 'a control message after the restart')
    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
  }).timeout(30_000)
})
