import { test } from '@japa/runner'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { Redis } from 'ioredis'
import Agent from '#models/agent'
import { AgentClient } from '#client/index'
import { call, makeActors, type Actors, type Answer } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'
import { OwnRedis } from '#tests/helpers/redis_server'
import { groupNeeds } from '#tests/helpers/plugins'

/*
| Rate limits per agent (services/agent_rate_limits.ts): requests and writes
| per minute, set per agent type and per agent, counted in Redis (the test
| server runs with REDIS_URL, .env.test) or in PostgreSQL without it. Every
| test uses agents of its own: a count lasts a minute.
*/

/* An agent type an enabled plugin declares, whose agents may create tasks. */
const TYPE = 'orchestrator'
/* Where @adonisjs/limiter's Redis store keeps the counts (config/limiter.ts). */
const KEY_PREFIX = 'mission_control.limits'

async function agentWithToken(type = TYPE) {
  const agent = await makeAgent(type)
  const token = (await Agent.accessTokens.create(agent)).value!.release()
  return { agent, token }
}

async function count(table: string) {
  const [{ n }] = await db.from(table).count('* as n')
  return Number(n)
}

async function lastSeq() {
  const [{ max }] = await db.from('task_events').max('id as max')
  return Number(max ?? 0)
}

const newTask = (n: number) => ({ title: `rate limit test ${n}` })

/** A request to another instance, with a bearer token. */
async function callAt(base: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  } as Answer
}

function assertRefused(assert: any, answer: Answer, limit: number, words: RegExp) {
  assert.equal(answer.status, 429, JSON.stringify(answer.body))
  const [error] = answer.body.errors
  assert.equal(error.code, 'E_RATE_LIMITED')
  assert.match(error.message, words)
  const retryAfter = Number(answer.headers.get('retry-after'))
  assert.isTrue(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`)
  assert.equal(error.retry_after, retryAfter)
  assert.equal(answer.headers.get('x-ratelimit-limit'), String(limit))
  assert.equal(answer.headers.get('x-ratelimit-remaining'), '0')
}

test.group('Rate limits: each agent’s requests and writes per minute', (group) => {
  groupNeeds(group, TYPE)
  let actors: Actors

  group.setup(async () => {
    actors = await makeActors()
    return async () => {
      await call(actors.tokens.admin, 'DELETE', `/api/agent-types/${TYPE}/rate-limits`)
    }
  })

  test('over its writes per minute an agent gets 429 with Retry-After, and nothing is written', async ({
    assert,
  }) => {
    const { agent, token } = await agentWithToken()
    const set = await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      writes_per_minute: 3,
    })
    assert.equal(set.status, 200, JSON.stringify(set.body))
    assert.equal(set.body.writes_per_minute, 3)
    assert.deepEqual(set.body.sources, {
      requests_per_minute: 'default',
      writes_per_minute: 'agent',
    })

    for (let n = 1; n <= 3; n++) {
      const created = await call(token, 'POST', '/api/tasks', newTask(n))
      assert.equal(created.status, 201, JSON.stringify(created.body))
      assert.equal(created.headers.get('x-ratelimit-limit'), '3')
      assert.equal(created.headers.get('x-ratelimit-remaining'), String(3 - n))
    }

    const [tasks, seq] = [await count('tasks'), await lastSeq()]
    const refused = await call(token, 'POST', '/api/tasks', newTask(4))
    assertRefused(assert, refused, 3, /3 writes per minute \(this agent's own limit\)/)
    assert.equal(await count('tasks'), tasks, 'a refused write writes nothing')
    assert.equal(await lastSeq(), seq, 'no event, no audit row')

    // reading is limited by requests per minute only
    const read = await call(token, 'GET', '/api/tasks')
    assert.equal(read.status, 200)
    assert.equal(read.headers.get('x-ratelimit-limit'), '600')
  })

  test('over its requests per minute an agent gets 429 for reads and writes alike', async ({
    assert,
  }) => {
    const { agent, token } = await agentWithToken()
    await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      requests_per_minute: 4,
    })
    for (let n = 0; n < 3; n++) assert.equal((await call(token, 'GET', '/api/tasks')).status, 200)
    assert.equal((await call(token, 'POST', '/api/tasks', newTask(1))).status, 201)

    assertRefused(assert, await call(token, 'GET', '/api/agents/me'), 4, /4 requests per minute/)
    const tasks = await count('tasks')
    assertRefused(assert, await call(token, 'POST', '/api/tasks', newTask(2)), 4, /requests/)
    assert.equal(await count('tasks'), tasks)
  })

  test('a type’s limits apply to its agents; an agent’s own value overrides its type’s; other agents are not affected', async ({
    assert,
  }) => {
    const typed = await agentWithToken()
    const own = await agentWithToken()
    const other = await agentWithToken()

    const setType = await call(actors.tokens.admin, 'PUT', `/api/agent-types/${TYPE}/rate-limits`, {
      writes_per_minute: 2,
    })
    assert.equal(setType.status, 200, JSON.stringify(setType.body))
    assert.include(setType.body, {
      agent_type: TYPE,
      writes_per_minute: 2,
      requests_per_minute: null,
    })
    const setOwn = await call(
      actors.tokens.admin!,
      'PUT',
      `/api/agents/${own.agent.id}/rate-limits`,
      {
        writes_per_minute: 5,
      }
    )
    assert.deepEqual(setOwn.body.sources, {
      requests_per_minute: 'default',
      writes_per_minute: 'agent',
    })

    const view = await call(actors.tokens.admin, 'GET', `/api/agents/${typed.agent.id}/rate-limits`)
    assert.equal(view.status, 200)
    assert.include(view.body, { requests_per_minute: 600, writes_per_minute: 2 })
    assert.deepEqual(view.body.sources, {
      requests_per_minute: 'default',
      writes_per_minute: 'agent_type',
    })
    assert.isNull(view.body.own)
    assert.equal(view.body.type.writes_per_minute, 2)
    assert.deepEqual(view.body.defaults, { requests_per_minute: 600, writes_per_minute: 300 })

    // the type's agent: 2 writes
    for (let n = 0; n < 2; n++) {
      assert.equal((await call(typed.token, 'POST', '/api/tasks', newTask(n))).status, 201)
    }
    assertRefused(
      assert,
      await call(typed.token, 'POST', '/api/tasks', newTask(3)),
      2,
      /2 writes per minute \(its agent type's limit\)/
    )

    // another agent of the same type, refused nothing for the first's count
    assert.equal((await call(other.token, 'POST', '/api/tasks', newTask(1))).status, 201)

    // its own value: 5 writes, whatever its type says
    for (let n = 0; n < 5; n++) {
      const created = await call(own.token, 'POST', '/api/tasks', newTask(n))
      assert.equal(created.status, 201, `write ${n + 1}: ${JSON.stringify(created.body)}`)
    }
    assertRefused(assert, await call(own.token, 'POST', '/api/tasks', newTask(6)), 5, /5 writes/)

    // the type's limits cleared: its agents get the defaults again
    assert.equal(
      (await call(actors.tokens.admin, 'DELETE', `/api/agent-types/${TYPE}/rate-limits`)).status,
      204
    )
    const after = await call(
      actors.tokens.admin!,
      'GET',
      `/api/agents/${typed.agent.id}/rate-limits`
    )
    assert.include(after.body, { writes_per_minute: 300 })
    assert.equal(after.body.sources.writes_per_minute, 'default')
    assert.equal((await call(typed.token, 'POST', '/api/tasks', newTask(4))).status, 201)
  })

  test('only admins read and change limits; each change is one event and one audit row', async ({
    assert,
  }) => {
    const { agent } = await agentWithToken()
    for (const who of ['operator', 'closer', 'viewer', 'agent'] as const) {
      const token = actors.tokens[who]
      assert.equal((await call(token, 'GET', '/api/rate-limits')).status, 403, who)
      assert.equal((await call(token, 'GET', `/api/agents/${agent.id}/rate-limits`)).status, 403)
      const put = await call(token, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
        writes_per_minute: 1000,
      })
      assert.equal(put.status, 403, who)
      assert.equal(put.body.errors[0].code, 'E_FORBIDDEN')
      assert.equal(
        (await call(token, 'PUT', `/api/agent-types/${TYPE}/rate-limits`, { writes_per_minute: 1 }))
          .status,
        403
      )
      assert.equal((await call(token, 'DELETE', `/api/agents/${agent.id}/rate-limits`)).status, 403)
    }
    assert.equal((await call(null, 'GET', '/api/rate-limits')).status, 401)
    assert.equal(await db.from('agent_rate_limits').where('agent_id', agent.id).first(), null)

    const admin = actors.tokens.admin
    const path = `/api/agents/${agent.id}/rate-limits`
    // validation
    for (const body of [
      {},
      { writes_per_minute: null },
      { writes_per_minute: -1 },
      { requests_per_minute: 1.5 },
      { requests_per_minute: 'many' },
      { writes_per_minute: 1_000_001 },
    ]) {
      const refused = await call(admin, 'PUT', path, body)
      assert.equal(refused.status, 422, JSON.stringify(body))
      assert.equal(refused.body.errors[0].code, 'E_VALIDATION_ERROR')
    }
    assert.equal(
      (
        await call(admin, 'PUT', '/api/agents/00000000-0000-4000-8000-000000000000/rate-limits', {
          writes_per_minute: 1,
        })
      ).status,
      404
    )
    assert.equal(
      (
        await call(admin, 'PUT', '/api/agent-types/no_such_type/rate-limits', {
          writes_per_minute: 1,
        })
      ).status,
      404
    )
    assert.equal((await call(admin, 'DELETE', path)).status, 404, 'nothing to clear yet')

    const seq = await lastSeq()
    const first = await call(admin, 'PUT', path, {
      requests_per_minute: 1200,
      writes_per_minute: 0,
    })
    assert.equal(first.status, 200)
    assert.deepEqual(first.body.own, {
      requests_per_minute: 1200,
      writes_per_minute: 0,
      updated_by: actors.users.admin.id,
      updated_at: first.body.own.updated_at,
    })
    const second = await call(admin, 'PUT', path, { writes_per_minute: 60 })
    assert.include(second.body, { requests_per_minute: 600, writes_per_minute: 60 })
    assert.equal((await call(admin, 'DELETE', path)).status, 204)

    const events = await db.from('task_events').where('id', '>', seq).orderBy('id')
    assert.deepEqual(
      events.map((event) => [event.event_type, event.agent_id]),
      [
        ['agent.rate_limits_set', agent.id],
        ['agent.rate_limits_set', agent.id],
        ['agent.rate_limits_cleared', agent.id],
      ]
    )
    const audit = await db
      .from('audit_log')
      .whereRaw(`(metadata->>'seq')::bigint > ?`, [seq])
      .orderBy('id')
    assert.deepEqual(
      audit.map((row) => [row.action, row.resource_type, row.resource_id, row.actor_id]),
      [
        ['agent.rate_limits_set', 'agents', agent.id, actors.users.admin.id],
        ['agent.rate_limits_set', 'agents', agent.id, actors.users.admin.id],
        ['agent.rate_limits_cleared', 'agents', agent.id, actors.users.admin.id],
      ]
    )
    assert.isNull(audit[0].before_state)
    assert.include(audit[0].after_state, { requests_per_minute: 1200, writes_per_minute: 0 })
    assert.include(audit[1].before_state, { requests_per_minute: 1200, writes_per_minute: 0 })
    assert.include(audit[1].after_state, { requests_per_minute: null, writes_per_minute: 60 })
    assert.include(audit[2].before_state, { writes_per_minute: 60 })
    assert.isNull(audit[2].after_state)

    // a type's change: agent_types/<name>
    assert.equal(
      (
        await call(admin, 'PUT', `/api/agent-types/${TYPE}/rate-limits`, {
          requests_per_minute: 900,
        })
      ).status,
      200
    )
    const list = await call(admin, 'GET', '/api/rate-limits')
    assert.equal(list.status, 200)
    assert.deepEqual(list.body.defaults, { requests_per_minute: 600, writes_per_minute: 300 })
    assert.equal(list.body.store, 'redis')
    assert.deepInclude(
      list.body.agent_types.map((row: any) => [row.agent_type, row.requests_per_minute]),
      [TYPE, 900]
    )
    assert.equal((await call(admin, 'DELETE', `/api/agent-types/${TYPE}/rate-limits`)).status, 204)
    const typeAudit = await db
      .from('audit_log')
      .where({ resource_type: 'agent_types', resource_id: TYPE })
      .orderBy('id', 'desc')
      .limit(2)
    assert.deepEqual(
      typeAudit.map((row) => row.action),
      ['agent.type_rate_limits_cleared', 'agent.type_rate_limits_set']
    )
  })

  test('unlimited (0) counts nothing and sends no rate-limit headers', async ({ assert }) => {
    const { agent, token } = await agentWithToken()
    await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      requests_per_minute: 0,
      writes_per_minute: 0,
    })
    const answer = await call(token, 'POST', '/api/tasks', newTask(1))
    assert.equal(answer.status, 201)
    assert.isNull(answer.headers.get('x-ratelimit-limit'))
    const redis = new Redis(process.env.REDIS_URL!)
    try {
      assert.equal(await redis.exists(`${KEY_PREFIX}:agent_requests_${agent.id}`), 0)
    } finally {
      redis.disconnect()
    }
  })

  test('an MCP message counts as one request; its tool call counts as a write only when it writes', async ({
    assert,
  }) => {
    const { agent, token } = await agentWithToken()
    await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      requests_per_minute: 100,
      writes_per_minute: 100,
    })
    const rpc = async (id: number, name: string, args: object) => {
      const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/mcp`, {
        method: 'POST',
        headers: {
          'authorization': `Bearer ${token}`,
          'content-type': 'application/json',
          'accept': 'application/json, text/event-stream',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id,
          method: 'tools/call',
          params: { name, arguments: args },
        }),
      })
      await response.text()
      return response.status
    }
    assert.equal(await rpc(1, 'list_tasks', {}), 200)
    assert.equal(await rpc(2, 'create_task', { title: 'through MCP' }), 200)
    assert.isNotNull(
      await db.from('tasks').where({ title: 'through MCP', created_by: agent.id }).first()
    )

    const redis = new Redis(process.env.REDIS_URL!)
    try {
      const requests = await redis.get(`${KEY_PREFIX}:agent_requests_${agent.id}`)
      const writes = await redis.get(`${KEY_PREFIX}:agent_writes_${agent.id}`)
      assert.equal(requests, '2', 'two MCP messages, not four requests')
      assert.equal(writes, '1', 'the tool call that created a task')
    } finally {
      redis.disconnect()
    }
  })

  test('the typed client waits for Retry-After when limited', async ({ assert }) => {
    const { agent, token } = await agentWithToken()
    await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      writes_per_minute: 1,
    })
    const stop = new AbortController()
    const client = new AgentClient({
      baseUrl: `http://${process.env.HOST}:${process.env.PORT}`,
      token,
      signal: stop.signal,
      controlChannel: false,
    })
    const retries: { delayMs: number; reason: string }[] = []
    client.on('retry', (notice) => {
      retries.push(notice)
      stop.abort(new Error('seen'))
    })
    await client.request('POST', '/api/tasks', { body: newTask(1) })
    const tasks = await count('tasks')
    const second = client.request('POST', '/api/tasks', { body: newTask(2) })
    await assert.rejects(() => second)
    assert.lengthOf(retries, 1)
    assert.equal(retries[0].reason, '429')
    // it waits for the end of the window (Retry-After, in s), not a short backoff
    assert.isAbove(retries[0].delayMs, 1000)
    assert.isAtMost(retries[0].delayMs, 61_000)
    assert.equal(await count('tasks'), tasks)
  })
})

test.group('Rate limits across instances', (group) => {
  groupNeeds(group, TYPE)
  let actors: Actors
  const children: Awaited<ReturnType<typeof startInstance>>[] = []

  group.setup(async () => {
    actors = await makeActors()
    return async () => {
      for (const { child } of children) child.kill('SIGKILL')
      await Promise.all(children.map(({ child }) => exited(child)))
    }
  })

  async function instance(env: NodeJS.ProcessEnv = {}) {
    const port = await freePort()
    const started = await startInstance(port, env)
    children.push(started)
    return { ...started, base: `http://127.0.0.1:${port}` }
  }

  test('two instances sharing Redis hold one limit between them; a change reaches both at once', async ({
    assert,
  }) => {
    const [a, b] = await Promise.all([instance(), instance()])
    const { agent, token } = await agentWithToken()
    await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      requests_per_minute: 10,
    })
    const statuses: number[] = []
    for (let n = 0; n < 20; n++) {
      const base = n % 2 === 0 ? a.base : b.base
      statuses.push((await callAt(base, token, 'GET', '/api/agents/me')).status)
    }
    assert.deepEqual(
      statuses,
      [...Array(10).fill(200), ...Array(10).fill(429)],
      'ten requests in all, whichever instance took them'
    )

    // B keeps the settings it read; a change made through A reaches it through Redis
    const other = await agentWithToken()
    const before = await callAt(b.base, other.token, 'GET', '/api/agents/me')
    assert.equal(before.headers.get('x-ratelimit-limit'), '600')
    const changed = await callAt(
      a.base,
      actors.tokens.admin!,
      'PUT',
      `/api/agents/${other.agent.id}/rate-limits`,
      {
        requests_per_minute: 50,
      }
    )
    assert.equal(changed.status, 200)
    const started = Date.now()
    let limit: string | null = null
    while (Date.now() - started < 10_000) {
      limit = (await callAt(b.base, other.token, 'GET', '/api/agents/me')).headers.get(
        'x-ratelimit-limit'
      )
      if (limit === '50') break
      await sleep(50)
    }
    assert.equal(limit, '50')
    assert.isBelow(Date.now() - started, 2000, 'at once, not after the settings expire')
  }).timeout(120_000)

  test('without REDIS_URL the database store counts, shared by the instances of one database', async ({
    assert,
  }) => {
    /* .env.test sets REDIS_URL and an empty value does not override a file's: no env files at all
       (the rest of .env.test is already in this process's environment, which the instances get) */
    const noFiles = await mkdtemp(join(tmpdir(), 'mc-no-env-'))
    const withoutRedis = { REDIS_URL: '', ENV_PATH: noFiles }
    const [c, d] = await Promise.all([instance(withoutRedis), instance(withoutRedis)])
    const { agent, token } = await agentWithToken()
    await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
      writes_per_minute: 3,
    })
    const list = await callAt(c.base, actors.tokens.admin!, 'GET', '/api/rate-limits')
    assert.equal(list.body.store, 'database')

    const tasks = await count('tasks')
    const statuses: number[] = []
    for (let n = 0; n < 6; n++) {
      const base = n % 2 === 0 ? c.base : d.base
      statuses.push((await callAt(base, token, 'POST', '/api/tasks', newTask(n))).status)
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429])
    assert.equal(await count('tasks'), tasks + 3)
    const row = await db
      .from('rate_limits')
      .where('key', 'like', `%agent_writes_${agent.id}`)
      .first()
    assert.isNotNull(row, 'counted in the rate_limits table')

    // without the realtime bus, an instance applies a change once its settings expire (5 s)
    const other = await agentWithToken()
    assert.equal(
      (await callAt(c.base, other.token, 'GET', '/api/agents/me')).headers.get('x-ratelimit-limit'),
      '600'
    )
    await call(actors.tokens.admin, 'PUT', `/api/agents/${other.agent.id}/rate-limits`, {
      requests_per_minute: 70,
    })
    const started = Date.now()
    let limit: string | null = null
    while (Date.now() - started < 10_000) {
      limit = (await callAt(c.base, other.token, 'GET', '/api/agents/me')).headers.get(
        'x-ratelimit-limit'
      )
      if (limit === '70') break
      await sleep(200)
    }
    assert.equal(limit, '70')
    assert.isBelow(Date.now() - started, 6000)
  }).timeout(120_000)

  test('Redis down: no 500, the database counts instead (logged once); Redis back: counted there again', async ({
    assert,
  }) => {
    const redis = await new OwnRedis(await freePort()).start()
    try {
      const e = await instance({
        REDIS_URL: redis.url,
        REALTIME_CHANNEL: `mission_control.rate_limits.${process.pid}.${Date.now()}`,
        LOG_LEVEL: 'info',
      })
      const { agent, token } = await agentWithToken()
      await call(actors.tokens.admin, 'PUT', `/api/agents/${agent.id}/rate-limits`, {
        requests_per_minute: 5,
      })
      assert.equal((await callAt(e.base, token, 'GET', '/api/agents/me')).status, 200)
      const own = new Redis(redis.url)
      assert.equal(await own.get(`${KEY_PREFIX}:agent_requests_${agent.id}`), '1')
      own.disconnect()

      await redis.kill()
      const statuses: number[] = []
      for (let n = 0; n < 8; n++) {
        statuses.push((await callAt(e.base, token, 'GET', '/api/agents/me')).status)
      }
      // what Redis counted is gone with it: the database starts from zero
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429])
      const write = await callAt(e.base, token, 'POST', '/api/tasks', newTask(1))
      assert.equal(write.status, 429)
      assert.lengthOf(
        e.output().match(/Agent rate limits: Redis is unreachable/g) ?? [],
        1,
        e.output()
      )

      // a fresh agent goes through while Redis is down, limited by the database
      const fresh = await agentWithToken()
      const answer = await callAt(e.base, fresh.token, 'POST', '/api/tasks', newTask(2))
      assert.equal(answer.status, 201)
      assert.equal(answer.headers.get('x-ratelimit-remaining'), '299')

      // Redis back (empty): counted there again after the retry delay
      await redis.start()
      await sleep(6000)
      const again = await agentWithToken()
      assert.equal((await callAt(e.base, again.token, 'GET', '/api/agents/me')).status, 200)
      const back = new Redis(redis.url)
      assert.equal(await back.get(`${KEY_PREFIX}:agent_requests_${again.agent.id}`), '1')
      back.disconnect()
      for (let n = 0; n < 20 && !/counting in Redis again/.test(e.output()); n++) await sleep(100)
      assert.match(e.output(), /Agent rate limits: counting in Redis again/, e.output())

      // and an instance whose Redis is down still stops on SIGTERM
      await redis.kill()
      await callAt(e.base, again.token, 'GET', '/api/agents/me')
      const stopping = Date.now()
      e.child.kill('SIGTERM')
      await exited(e.child)
      assert.isBelow(Date.now() - stopping, 15_000)
    } finally {
      await redis.kill()
    }
  }).timeout(120_000)
})
