import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import Agent from '#models/agent'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { groupNeeds } from '#tests/helpers/plugins'
import { agentWriteRoutes, SAMPLE_UUID, STILL_ALLOWED } from '#tests/helpers/agent_writes'
import { budgetClock, budgetSettings } from '#services/budgets'
import { expireReservations } from '#actions/budgets/expire_reservations'
import { runNotifier } from '#services/notifications'

async function tokenOf(agent: Agent) {
  return (await Agent.accessTokens.create(agent)).value!.release()
}

async function clearBudgets() {
  await db.from('budgets').delete()
  await db.from('budget_reservations').delete()
  await db.from('agent_usage').delete()
}

async function resume(actors: Actors, agentId: string) {
  const answer = await call(actors.tokens.admin, 'POST', `/api/agents/${agentId}/resume`)
  if (answer.status !== 200)
    throw new Error(`resume: ${answer.status} ${JSON.stringify(answer.body)}`)
}

const reserve = (token: string | null, body: Record<string, unknown>) =>
  call(token, 'POST', '/api/agents/me/reservations', body)

test.group('Budgets: who may set them, and what a budget must say', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.setup(clearBudgets)

  test('only an admin sets, changes and removes budgets; every role reads spend', async ({
    assert,
  }) => {
    const body = { scope: 'overall', period: 'day', limit_usd: 10 }
    for (const who of ['operator', 'closer', 'viewer', 'agent'] as const) {
      const refused = await call(actors.tokens[who], 'POST', '/api/budgets', body)
      assert.equal(refused.status, 403, who)
    }
    assert.equal((await call(null, 'GET', '/api/budgets')).status, 401)
    assert.equal(
      await db
        .from('budgets')
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      0
    )

    const created = await call(actors.tokens.admin, 'POST', '/api/budgets', body)
    assert.equal(created.status, 201)
    assert.equal(created.body.limit_usd, 10)
    assert.equal(created.body.current.remaining_usd, 10)

    for (const who of ['operator', 'closer', 'viewer', 'agent'] as const) {
      assert.equal((await call(actors.tokens[who], 'GET', '/api/budgets')).status, 200, who)
      const patch = await call(actors.tokens[who], 'PATCH', `/api/budgets/${created.body.id}`, {
        limit_usd: 1000,
      })
      assert.equal(patch.status, 403, who)
      const del = await call(actors.tokens[who], 'DELETE', `/api/budgets/${created.body.id}`)
      assert.equal(del.status, 403, who)
    }

    const changed = await call(actors.tokens.admin, 'PATCH', `/api/budgets/${created.body.id}`, {
      limit_usd: 12.5,
    })
    assert.equal(changed.status, 200)
    assert.equal(changed.body.limit_usd, 12.5)

    const audit = await db
      .from('audit_log')
      .where('resource_type', 'budgets')
      .where('resource_id', created.body.id)
      .orderBy('id')
    assert.deepEqual(
      audit.map((row) => row.action),
      ['budget.created', 'budget.updated']
    )
    assert.equal(audit[1].actor_id, actors.users.admin.id)
    assert.equal(Number(audit[1].before_state.limit_usd), 10)

    assert.equal(
      (await call(actors.tokens.admin, 'DELETE', `/api/budgets/${created.body.id}`)).status,
      204
    )
    assert.equal(
      (await call(actors.tokens.admin, 'GET', `/api/budgets/${created.body.id}`)).status,
      404
    )
  })

  test('a budget names what it covers, has a limit, and is one per scope and period', async ({
    assert,
  }) => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scope: 'agent', period: 'day', limit_usd: 1 }, 'agent_id'],
      [{ scope: 'agent', agent_id: SAMPLE_UUID, period: 'day', limit_usd: 1 }, 'agent_id'],
      [
        { scope: 'agent_type', agent_type: 'no_such_type', period: 'day', limit_usd: 1 },
        'agent_type',
      ],
      [
        { scope: 'overall', agent_type: actors.agent.type, period: 'day', limit_usd: 1 },
        'agent_type',
      ],
      [{ scope: 'overall', period: 'day' }, 'limit_usd'],
      [{ scope: 'overall', period: 'week', limit_usd: 1 }, 'period'],
      [{ scope: 'overall', period: 'day', limit_usd: -1 }, 'limit_usd'],
      [{ scope: 'overall', period: 'day', limit_usd: 'ten' }, 'limit_usd'],
      [{ scope: 'overall', period: 'day', limit_tokens: 1.5 }, 'limit_tokens'],
    ]
    for (const [body, field] of cases) {
      const answer = await call(actors.tokens.admin, 'POST', '/api/budgets', body)
      assert.equal(answer.status, 422, JSON.stringify(body))
      assert.equal(answer.body.errors[0].field, field, JSON.stringify(body))
    }
    assert.equal(Number((await db.from('budgets').count('* as n').first()).n), 0)

    const body = { scope: 'agent', agent_id: actors.agent.id, period: 'month', limit_tokens: 1000 }
    const first = await call(actors.tokens.admin, 'POST', '/api/budgets', body)
    assert.equal(first.status, 201)
    const again = await call(actors.tokens.admin, 'POST', '/api/budgets', body)
    assert.equal(again.status, 409)
    assert.equal(again.body.errors[0].code, 'E_DUPLICATE')
    assert.equal(again.body.errors[0].existing_id, first.body.id)

    const noLimitLeft = await call(actors.tokens.admin, 'PATCH', `/api/budgets/${first.body.id}`, {
      limit_tokens: null,
    })
    assert.equal(noLimitLeft.status, 422)
  })
})

test.group('Budgets: reservations stop spending before it happens', (group) => {
  groupNeeds(group, 'orchestrator')
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.setup(async () => {
    await clearBudgets()
    await db
      .from('agents')
      .where('id', actors.agent.id)
      .update({ status: 'idle', pause_reason: null })
  })
  group.teardown(clearBudgets)

  test('50 parallel reservations against a budget that fits 10: exactly 10 are granted', async ({
    assert,
  }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 1,
    })
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        reserve(actors.tokens.agent, { cost_usd: 0.1, purpose: `step ${index}` })
      )
    )
    const granted = answers.filter((a) => a.status === 201)
    const refused = answers.filter((a) => a.status === 423)
    assert.lengthOf(granted, 10)
    assert.lengthOf(refused, 40)
    assert.isTrue(
      refused.every((a) =>
        ['E_AGENT_OVER_BUDGET', 'E_AGENT_PAUSED'].includes(a.body.errors[0].code)
      )
    )
    assert.isTrue(refused.some((a) => a.body.errors[0].code === 'E_AGENT_OVER_BUDGET'))

    const [window] = await db.from('budget_windows')
    assert.equal(Number(window.reserved_usd), 1)
    const open = await db
      .from('budget_reservations')
      .where('status', 'open')
      .count('* as n')
      .first()
    assert.equal(Number(open.n), 10)
    const events = await db
      .from('task_events')
      .where('event_type', 'reservation.created')
      .where('agent_id', actors.agent.id)
      .count('* as n')
      .first()
    assert.equal(Number(events.n), 10, 'a refused reservation records nothing')
  })

  test('agents sharing a type budget never add up past it', async ({ assert }) => {
    const crew = await Promise.all(Array.from({ length: 5 }, () => makeAgent('orchestrator')))
    const tokens = await Promise.all(crew.map(tokenOf))
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent_type',
      agent_type: 'orchestrator',
      period: 'month',
      limit_usd: 2,
    })
    const answers = await Promise.all(
      tokens.flatMap((token) => Array.from({ length: 10 }, () => reserve(token, { cost_usd: 0.2 })))
    )
    assert.equal(answers.filter((a) => a.status === 201).length, 10)
    const [window] = await db.from('budget_windows')
    assert.equal(Number(window.reserved_usd), 2)
    await db
      .from('agents')
      .whereIn(
        'id',
        crew.map((a) => a.id)
      )
      .delete()
  })

  test('reaching a budget pauses the agent, with the reason, recorded and notified; every write is then 423', async ({
    assert,
  }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 0.5,
    })
    const task = await call(actors.tokens.agent, 'POST', '/api/tasks', { title: 'spend' })
    assert.equal(task.status, 201)
    const granted = await reserve(actors.tokens.agent, { cost_usd: 0.4 })
    assert.equal(granted.status, 201)

    const refused = await reserve(actors.tokens.agent, { cost_usd: 0.2 })
    assert.equal(refused.status, 423)
    assert.equal(refused.body.errors[0].code, 'E_AGENT_OVER_BUDGET')
    assert.match(
      refused.body.errors[0].message,
      /daily budget is \$0\.50: \$0\.40 is spent or reserved/
    )

    const me = await call(actors.tokens.agent, 'GET', '/api/agents/me')
    assert.equal(me.body.status, 'paused')
    assert.isTrue(me.body.controls.paused)
    assert.match(me.body.controls.reason, /^Paused by a budget: /)

    const [paused] = await db
      .from('task_events')
      .where('event_type', 'agent.paused')
      .where('agent_id', actors.agent.id)
      .orderBy('id', 'desc')
      .limit(1)
    assert.isNull(paused.created_by, 'paused by the system actor')
    assert.equal(paused.payload.rule.kind, 'budget')
    const audit = await db
      .from('audit_log')
      .where('metadata', '@>', JSON.stringify({ seq: Number(paused.id) }))
      .first()
    assert.equal(audit.action, 'agent.paused')
    assert.equal(audit.actor_type, 'system')

    // the admins are told: the agents.paused_by_rule notification
    await runNotifier()
    const notice = await db
      .from('notifications')
      .where('user_id', actors.users.admin.id)
      .where('kind', 'agents.paused_by_rule')
      .first()
    assert.exists(notice)
    assert.match(notice.body, /budget/)

    // its next write is refused on every route but the ones allowed while paused
    for (const route of agentWriteRoutes()) {
      const url = route.url.replace(SAMPLE_UUID, task.body.id)
      const answer = await call(actors.tokens.agent, route.method, url, {
        title: 'x',
        column: 'doing',
      })
      const context = `${route.method} ${route.pattern} -> ${answer.status}`
      if (STILL_ALLOWED.has(route.pattern)) assert.notEqual(answer.status, 423, context)
      else assert.equal(answer.status, 423, context)
    }

    // and over MCP: the tool answers the API's refusal
    const client = new Client({ name: 'budget-test', version: '1.0.0' })
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://${process.env.HOST}:${process.env.PORT}/mcp`),
        {
          requestInit: { headers: { authorization: `Bearer ${actors.tokens.agent}` } },
        }
      )
    )
    try {
      const result: any = await client.callTool({ name: 'create_task', arguments: { title: 'x' } })
      assert.isTrue(result.isError)
      assert.match(result.content[0].text, /Refused \(423\): Paused by a budget/)
    } finally {
      await client.close()
    }

    // what it spent still counts while paused: settling is allowed
    const settled = await call(
      actors.tokens.agent,
      'POST',
      `/api/agents/me/reservations/${granted.body.id}/settle`,
      { model: 'small', input_tokens: 1000, output_tokens: 200, cost_usd: 0.35 }
    )
    assert.equal(settled.status, 200)
    assert.equal(settled.body.reservation.status, 'settled')
    const [window] = await db.from('budget_windows')
    assert.equal(Number(window.reserved_usd), 0)
    assert.equal(Number(window.spent_usd), 0.35)
  })

  test('a refusal names the budget that refused, not one that took the hold (whatever their order)', async ({
    assert,
  }) => {
    const mine = await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 10,
    })
    const overall = await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'overall',
      period: 'day',
      limit_usd: 5,
    })
    // the budget that fits sorts first: it is the one a careless check would blame
    const first = '00000000-0000-4000-8000-000000000001'
    const last = 'ffffffff-ffff-4fff-bfff-ffffffffffff'
    await db.from('budgets').where('id', mine.body.id).update({ id: first })
    await db.from('budgets').where('id', overall.body.id).update({ id: last })

    const refused = await reserve(actors.tokens.agent, { cost_usd: 6 })
    assert.equal(refused.status, 423)
    assert.equal(refused.body.errors[0].code, 'E_AGENT_OVER_BUDGET')
    assert.equal(refused.body.errors[0].budget_id, last)
    assert.match(refused.body.errors[0].message, /the overall daily budget is \$5/)
    const me = await call(actors.tokens.agent, 'GET', '/api/agents/me')
    assert.match(me.body.controls.reason, /overall daily budget/)
    const windows = await db.from('budget_windows')
    assert.isTrue(
      windows.every((w) => Number(w.reserved_usd) === 0),
      'the refused step holds nothing anywhere'
    )
  })

  test('budgets removed and added while agents reserve and report: every answer is 201 or 423, never 500', async ({
    assert,
  }) => {
    const body = { scope: 'agent', agent_id: actors.agent.id, period: 'day', limit_usd: 1000 }
    let current = (await call(actors.tokens.admin, 'POST', '/api/budgets', body)).body.id
    const answers: number[] = []
    const agentWork = (async () => {
      for (let round = 0; round < 10; round++) {
        const batch = await Promise.all([
          ...Array.from({ length: 4 }, () => reserve(actors.tokens.agent, { cost_usd: 0.01 })),
          call(actors.tokens.agent, 'POST', '/api/agents/me/usage', { cost_usd: 0.01 }),
        ])
        answers.push(...batch.map((answer) => answer.status))
      }
    })()
    const adminWork = (async () => {
      for (let round = 0; round < 10; round++) {
        assert.equal(
          (await call(actors.tokens.admin, 'DELETE', `/api/budgets/${current}`)).status,
          204
        )
        current = (await call(actors.tokens.admin, 'POST', '/api/budgets', body)).body.id
      }
    })()
    await Promise.all([agentWork, adminWork])
    assert.lengthOf(answers, 50)
    assert.deepEqual(
      answers.filter((status) => status !== 201),
      [],
      'nothing refused or failed: every budget had room'
    )
  }).timeout(60_000)

  test('an agent of a type no enabled plugin declares may not hold budget', async ({ assert }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'overall',
      period: 'day',
      limit_usd: 100,
    })
    const retired = await makeAgent('retired_scout')
    const token = await tokenOf(retired)
    const refused = await reserve(token, { cost_usd: 50, ttl_seconds: 86_400 })
    assert.equal(refused.status, 403)
    assert.include(refused.body.errors[0].message, '"retired_scout"')
    const held = await db.from('budget_reservations').where('agent_id', retired.id)
    assert.lengthOf(held, 0)
    // what it spent is still counted
    const usage = await call(token, 'POST', '/api/agents/me/usage', { cost_usd: 0.5 })
    assert.equal(usage.status, 201)
  })

  test('a usage report that reaches a budget pauses the agent', async ({ assert }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'overall',
      period: 'month',
      limit_tokens: 10_000,
    })
    const under = await call(actors.tokens.agent, 'POST', '/api/agents/me/usage', {
      model: 'm',
      input_tokens: 6000,
      output_tokens: 1000,
      cost_usd: 0.01,
    })
    assert.equal(under.status, 201)
    assert.equal((await call(actors.tokens.agent, 'GET', '/api/agents/me')).body.status, 'idle')

    const over = await call(actors.tokens.agent, 'POST', '/api/agents/me/usage', {
      input_tokens: 3000,
      output_tokens: 500,
      cost_usd: 0.01,
    })
    assert.equal(over.status, 201, 'the usage is recorded: the money is spent')
    const me = await call(actors.tokens.agent, 'GET', '/api/agents/me')
    assert.equal(me.body.status, 'paused')
    assert.match(me.body.controls.reason, /overall monthly budget \(10,000 tokens\) is used up/)

    const mine = await call(actors.tokens.agent, 'GET', '/api/agents/me/budget')
    assert.equal(mine.body.budgets[0].current.spent_tokens, 10_500)
    assert.isTrue(mine.body.budgets[0].current.reached)
  })

  test('settling: the hold is released, the actual cost counted, once, by its own agent', async ({
    assert,
  }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 5,
    })
    const other = await makeAgent('orchestrator')
    const otherToken = await tokenOf(other)
    const since = Number((await db.from('task_events').max('id as max').first()).max)
    const held = await reserve(actors.tokens.agent, { cost_usd: 1, tokens: 5000 })
    assert.equal(held.status, 201)
    let [window] = await db.from('budget_windows')
    assert.equal(Number(window.reserved_usd), 1)
    assert.equal(Number(window.reserved_tokens), 5000)

    const path = `/api/agents/me/reservations/${held.body.id}/settle`
    assert.equal((await call(otherToken, 'POST', path, { cost_usd: 0.1 })).status, 404)
    assert.equal((await call(actors.tokens.admin, 'POST', path, { cost_usd: 0.1 })).status, 403)
    assert.equal((await call(actors.tokens.agent, 'POST', path, { cost_usd: -1 })).status, 422)
    assert.equal((await call(actors.tokens.agent, 'POST', path, {})).status, 422)

    const settled = await call(actors.tokens.agent, 'POST', path, {
      model: 'big',
      input_tokens: 3000,
      output_tokens: 700,
      cost_usd: 0.42,
    })
    assert.equal(settled.status, 200)
    assert.equal(settled.body.usage.cost_usd, 0.42)
    assert.equal(settled.body.usage.reservation_id, held.body.id)
    ;[window] = await db.from('budget_windows')
    assert.equal(Number(window.reserved_usd), 0)
    assert.equal(Number(window.reserved_tokens), 0)
    assert.equal(Number(window.spent_usd), 0.42)
    assert.equal(Number(window.spent_tokens), 3700)

    const twice = await call(actors.tokens.agent, 'POST', path, { cost_usd: 0.42 })
    assert.equal(twice.status, 409)
    assert.equal(twice.body.errors[0].code, 'E_ALREADY_SETTLED')

    const events = await db
      .from('task_events')
      .where('agent_id', actors.agent.id)
      .where('id', '>', since)
      .whereIn('event_type', ['reservation.created', 'usage.reported', 'reservation.settled'])
      .orderBy('id')
    assert.deepEqual(
      events.map((e) => e.event_type),
      ['reservation.created', 'reservation.settled'],
      'a settle is one recorded change, with the usage in it'
    )
    await db.from('agents').where('id', other.id).delete()
  })

  test('an unsettled reservation expires and its hold is released; a late settle still counts', async ({
    assert,
  }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 1,
    })
    const held = await reserve(actors.tokens.agent, { cost_usd: 0.8, ttl_seconds: 10 })
    assert.equal(held.status, 201)
    assert.equal((await reserve(actors.tokens.agent, { cost_usd: 0.1 })).status, 201)
    assert.equal(await expireReservations(), 0, 'nothing is due yet')

    // ten seconds pass
    await db
      .from('budget_reservations')
      .where('id', held.body.id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    assert.equal(await expireReservations(), 1)
    const [window] = await db.from('budget_windows')
    assert.equal(Number(window.reserved_usd), 0.1)
    const expired = await db
      .from('task_events')
      .where('event_type', 'reservation.expired')
      .where('payload', '@>', JSON.stringify({ id: held.body.id }))
      .first()
    assert.exists(expired)
    assert.isNull(expired.created_by)

    // the freed room can be reserved again
    assert.equal((await reserve(actors.tokens.agent, { cost_usd: 0.8 })).status, 201)

    const late = await call(
      actors.tokens.agent,
      'POST',
      `/api/agents/me/reservations/${held.body.id}/settle`,
      { cost_usd: 0.05 }
    )
    assert.equal(late.status, 200)
    const [after] = await db.from('budget_windows')
    assert.equal(Number(after.reserved_usd), 0.9, 'an expired hold is not released twice')
    assert.equal(Number(after.spent_usd), 0.05)
  })

  test('a daily budget resets at midnight in the configured time zone', async ({
    assert,
    cleanup,
  }) => {
    const zone = budgetSettings.timeZone
    cleanup(() => {
      budgetClock.now = () => new Date()
      budgetSettings.timeZone = zone
    })
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 1,
    })
    budgetSettings.timeZone = 'America/New_York'
    // 23:30 on January 9th in New York (04:30 UTC on the 10th)
    budgetClock.now = () => new Date('2026-01-10T04:30:00Z')
    const spent = await call(actors.tokens.agent, 'POST', '/api/agents/me/usage', { cost_usd: 0.9 })
    assert.equal(spent.status, 201)
    assert.equal((await reserve(actors.tokens.agent, { cost_usd: 0.2 })).status, 423)
    await resume(actors, actors.agent.id)

    // 00:01 on the 10th in New York: a new day there
    budgetClock.now = () => new Date('2026-01-10T05:01:00Z')
    const mine = await call(actors.tokens.agent, 'GET', '/api/agents/me/budget')
    assert.equal(mine.body.budgets[0].current.period_start, '2026-01-10')
    assert.equal(mine.body.budgets[0].current.spent_usd, 0)
    assert.equal(mine.body.budgets[0].current.resets_at, '2026-01-11T05:00:00.000Z')
    assert.equal((await reserve(actors.tokens.agent, { cost_usd: 0.2 })).status, 201)

    // the same two moments are one day in UTC: there the budget is still spent
    budgetSettings.timeZone = 'UTC'
    await clearBudgets()
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 1,
    })
    budgetClock.now = () => new Date('2026-01-10T04:30:00Z')
    assert.equal(
      (await call(actors.tokens.agent, 'POST', '/api/agents/me/usage', { cost_usd: 0.9 })).status,
      201
    )
    budgetClock.now = () => new Date('2026-01-10T05:01:00Z')
    const refused = await reserve(actors.tokens.agent, { cost_usd: 0.2 })
    assert.equal(refused.status, 423)
    assert.equal(refused.body.errors[0].code, 'E_AGENT_OVER_BUDGET')
  })

  test('over MCP: reserve, settle, and a refusal that stops the step', async ({ assert }) => {
    await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: actors.agent.id,
      period: 'day',
      limit_usd: 0.3,
    })
    const client = new Client({ name: 'budget-test', version: '1.0.0' })
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://${process.env.HOST}:${process.env.PORT}/mcp`),
        {
          requestInit: { headers: { authorization: `Bearer ${actors.tokens.agent}` } },
        }
      )
    )
    try {
      const { tools } = await client.listTools()
      assert.includeMembers(
        tools.map((tool) => tool.name),
        ['get_budget', 'reserve_budget', 'settle_reservation', 'report_usage']
      )
      const held: any = await client.callTool({
        name: 'reserve_budget',
        arguments: { cost_usd: 0.2 },
      })
      assert.isNotOk(held.isError)
      const reservation = JSON.parse(held.content[0].text)
      const settled: any = await client.callTool({
        name: 'settle_reservation',
        arguments: {
          id: reservation.id,
          model: 'm',
          input_tokens: 10,
          output_tokens: 5,
          cost_usd: 0.15,
        },
      })
      assert.isNotOk(settled.isError)
      const budget: any = await client.callTool({ name: 'get_budget', arguments: {} })
      assert.equal(JSON.parse(budget.content[0].text).budgets[0].current.spent_usd, 0.15)

      const refused: any = await client.callTool({
        name: 'reserve_budget',
        arguments: { cost_usd: 0.2 },
      })
      assert.isTrue(refused.isError)
      assert.match(refused.content[0].text, /E_AGENT_OVER_BUDGET/)
      const again: any = await client.callTool({ name: 'create_task', arguments: { title: 'x' } })
      assert.match(again.content[0].text, /E_AGENT_PAUSED/)
    } finally {
      await client.close()
    }
  })

  test('bad input is a 4xx that writes nothing; people have no /me budget', async ({ assert }) => {
    const before = await db.from('task_events').max('id as max').first()
    const bodies = [
      {},
      { cost_usd: -0.01 },
      { cost_usd: 'a lot' },
      { cost_usd: 1e9 },
      { cost_usd: 0.1, ttl_seconds: 5 },
      { cost_usd: 0.1, tokens: -1 },
      { cost_usd: 0.1234567 },
    ]
    for (const body of bodies) {
      assert.equal((await reserve(actors.tokens.agent, body)).status, 422, JSON.stringify(body))
    }
    const usage = await call(actors.tokens.agent, 'POST', '/api/agents/me/usage', {
      cost_usd: 0.1,
      task_id: SAMPLE_UUID,
    })
    assert.equal(usage.status, 422)
    assert.equal(usage.body.errors[0].field, 'task_id')
    assert.equal((await reserve(actors.tokens.admin, { cost_usd: 0.1 })).status, 403)
    assert.equal((await call(actors.tokens.viewer, 'GET', '/api/agents/me/budget')).status, 403)
    const after = await db.from('task_events').max('id as max').first()
    assert.equal(after.max, before.max)
  })
})

test.group('Budgets: spend over time', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })
  group.each.setup(clearBudgets)

  test('the series sums usage per bucket, overall, per agent and for one agent', async ({
    assert,
  }) => {
    const second = await makeAgent('orchestrator')
    const rows = [
      [actors.agent, '2026-03-01T10:15:00Z', 0.5, 100],
      [actors.agent, '2026-03-01T10:45:00Z', 0.25, 50],
      [second, '2026-03-01T10:30:00Z', 1, 10],
      [second, '2026-03-02T09:00:00Z', 2, 20],
    ] as const
    await db.table('agent_usage').multiInsert(
      rows.map(([agent, at, cost, tokens]) => ({
        agent_id: agent.id,
        agent_type: agent.type,
        cost_usd: cost,
        input_tokens: tokens,
        output_tokens: 0,
        created_at: at,
      }))
    )
    const range = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z'
    const daily = await call(actors.tokens.viewer, 'GET', `/api/usage/series?${range}`)
    assert.equal(daily.status, 200)
    assert.deepEqual(
      daily.body.points.map((p: any) => [p.at, p.cost_usd, p.input_tokens, p.reports]),
      [
        ['2026-03-01T00:00:00.000Z', 1.75, 160, 3],
        ['2026-03-02T00:00:00.000Z', 2, 20, 1],
      ]
    )
    const hourly = await call(
      actors.tokens.viewer,
      'GET',
      `/api/usage/series?bucket=hour&agent_id=${actors.agent.id}&${range}`
    )
    assert.deepEqual(
      hourly.body.points.map((p: any) => [p.at, p.cost_usd]),
      [['2026-03-01T10:00:00.000Z', 0.75]]
    )
    const perAgent = await call(actors.tokens.viewer, 'GET', `/api/usage/series?by=agent&${range}`)
    assert.lengthOf(perAgent.body.points, 3)

    for (const query of [
      'bucket=week',
      'from=yesterday',
      'agent_id=7',
      'by=team',
      'limit=3',
      'bucket=hour&from=2025-01-01T00:00:00Z',
    ]) {
      const answer = await call(actors.tokens.viewer, 'GET', `/api/usage/series?${query}`)
      assert.equal(answer.status, 422, query)
    }
    const list = await call(actors.tokens.viewer, 'GET', `/api/usage?agent_id=${second.id}`)
    assert.equal(list.headers.get('x-total-count'), '2')
    await db.from('agents').where('id', second.id).delete()
  })
})
