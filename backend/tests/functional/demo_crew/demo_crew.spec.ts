import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import Agent from '#models/agent'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { crewTypes, prepareCrew, runCrew, type RunningCrew } from '#demo_crew/crew'
import { groupNeeds } from '#tests/helpers/plugins'

const baseUrl = () => `http://${process.env.HOST}:${process.env.PORT}`
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function maxSeq(agentIds?: string[]) {
  const query = db.from('task_events').max('id as max')
  if (agentIds) query.whereIn('created_by', agentIds)
  const [{ max }] = await query
  return Number(max ?? 0)
}

async function crewWork(since: number, agentIds: string[]) {
  const events = await db
    .from('task_events')
    .where('id', '>', since)
    .whereIn('created_by', agentIds)
    .select('event_type')
    .count('* as n')
    .groupBy('event_type')
  const byType = Object.fromEntries(events.map((row) => [row.event_type, Number(row.n)]))
  const [{ n: waiting }] = await db
    .from('drafts')
    .whereIn('created_by', agentIds)
    .where('status', 'needs_approval')
    .count('* as n')
  const [{ n: cards }] = await db
    .from('tasks')
    .whereIn('created_by', agentIds)
    .where('column', 'needs_approval')
    .whereNotNull('linked_draft_id')
    .count('* as n')
  return { byType, waiting: Number(waiting), cardsWaiting: Number(cards) }
}

/** Polls until `done` holds, or `timeoutMs` passes; answers the last value and the time it took. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number) {
  const started = Date.now()
  let value = await read()
  while (!done(value) && Date.now() - started < timeoutMs) {
    await pause(250)
    value = await read()
  }
  return { value, ms: Date.now() - started, ok: done(value) }
}

const PRODUCED = [
  'goal.planned',
  'work.assigned',
  'lead.search_started',
  'lead.found',
  'lead.created',
  'lead.enriched',
  'draft.created',
  'draft.written',
  'draft.submitted_for_approval',
  'task.moved',
]

test.group('Demo crew: the built-in agents at work through the client', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter', 'leads', 'drafts')
  let actors: Actors
  let crew: RunningCrew | null = null
  let agents: Agent[] = []
  const lines: string[] = []

  group.setup(async () => {
    actors = await makeActors()
  })
  group.teardown(async () => {
    await crew?.stop()
    await call(actors.tokens.admin, 'POST', '/api/system/resume')
    for (const agent of agents) {
      await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/resume`)
    }
  })

  test('within a minute: leads, enrichment, drafts, events, and drafts waiting for approval', async ({
    assert,
  }) => {
    const since = await maxSeq()
    const credentials = await prepareCrew()
    // the four built-in agent types declare their demo behaviour in their own plugins
    const types = await crewTypes()
    assert.sameMembers(types, ['orchestrator', 'lead_finder', 'enricher', 'copywriter'])
    assert.deepEqual(
      credentials.map((c) => c.name),
      types
    )
    agents = await Agent.query().whereIn('name', types)
    const ids = agents.map((agent) => agent.id)

    crew = runCrew({
      baseUrl: baseUrl(),
      credentials,
      speed: 10,
      inboxLimit: 50,
      log: (line) => lines.push(line),
    })
    const result = await until(
      () => crewWork(since, ids),
      (work) => work.waiting > 0 && PRODUCED.every((type) => work.byType[type] > 0),
      60_000
    )
    assert.isTrue(
      result.ok,
      `after ${result.ms} ms: ${JSON.stringify(result.value)}\n${lines.slice(-30).join('\n')}`
    )
    assert.isAbove(result.value.cardsWaiting, 0, 'the draft cards moved to needs_approval')

    /* a finished search is handed to the admins in Doing: Needs approval holds only
       cards whose draft waits for a decision */
    const finished = await until(
      () => crewWork(since, ids),
      (work) => (work.byType['lead.search_finished'] ?? 0) > 0,
      30_000
    )
    assert.isTrue(finished.ok, 'a search finished')
    const undecidable = await db
      .from('tasks')
      .leftJoin('drafts', 'drafts.id', 'tasks.linked_draft_id')
      .whereIn('tasks.created_by', ids)
      .where('tasks.column', 'needs_approval')
      .where((q) => q.whereNull('drafts.id').orWhereNot('drafts.status', 'needs_approval'))
      .select('tasks.title', 'drafts.status')
    assert.deepEqual(undecidable, [], 'cards in Needs approval with nothing to decide')

    /* every agent heartbeated, and says it is working */
    const beats = await Agent.query().whereIn('id', ids)
    assert.isTrue(beats.every((agent) => agent.lastUpdateAt !== null))

    /* the leads are complete, and the drafts carry an email to their contact */
    const enriched = await db
      .from('leads')
      .whereIn('status', ['enriched', 'drafted'])
      .whereNotNull('contact_name')
      .first()
    assert.isNotNull(enriched)
    const waiting = await db
      .from('drafts')
      .whereIn('created_by', ids)
      .where('status', 'needs_approval')
      .first()
    const version = await db
      .from('draft_versions')
      .where({ draft_id: waiting.id, version_number: waiting.current_version })
      .first()
    assert.match(version.content, /^Subject: /)
  }).timeout(90_000)

  test('a global pause: every agent stops writing within a second, and resumes after', async ({
    assert,
  }) => {
    assert.isNotNull(crew, 'the crew runs (previous test)')
    const ids = agents.map((agent) => agent.id)
    await pause(1000)

    const paused = await call(actors.tokens.admin, 'POST', '/api/system/pause', {
      reason: 'Checking the drafts',
    })
    assert.equal(paused.status, 200)
    const pausedAt = Date.now()
    await pause(1000)
    const afterGrace = await maxSeq()
    const crewAfterGrace = await maxSeq(ids)
    await pause(3000)

    assert.equal(await maxSeq(), afterGrace, 'nothing written from 1 s after the pause on')
    const late = await db
      .from('task_events')
      .whereIn('created_by', ids)
      .where('created_at', '>', new Date(pausedAt + 1000))
      .count('* as n')
    assert.equal(Number(late[0].n), 0)
    assert.isTrue(crew!.members.every((member) => member.client.paused))

    await call(actors.tokens.admin, 'POST', '/api/system/resume')
    const resumed = await until(
      () => maxSeq(ids),
      (seq) => seq > crewAfterGrace,
      15_000
    )
    assert.isTrue(resumed.ok, 'the crew writes again after the resume')
  }).timeout(60_000)

  test('killing one agent stops it within a second; the others go on; resume brings it back', async ({
    assert,
  }) => {
    assert.isNotNull(crew, 'the crew runs (first test)')
    const finder = agents.find((agent) => agent.name === 'lead_finder')!
    const others = agents.filter((agent) => agent !== finder).map((agent) => agent.id)

    /* work for the others while the finder is down: new leads to enrich and write to */
    for (let n = 0; n < 4; n++) {
      const lead = await call(actors.tokens.admin, 'POST', '/api/leads', {
        business_name: `Kill Test Bakery ${n}`,
        niche: 'Bakeries',
        region: 'Boise, ID',
        website: `https://kill-test-${randomUUID().slice(0, 8)}.com`,
      })
      assert.equal(lead.status, 201)
    }
    const killed = await call(actors.tokens.admin, 'POST', `/api/agents/${finder.id}/kill`)
    assert.equal(killed.status, 200)
    const killedAt = Date.now()
    await pause(1000)
    const finderSeq = await maxSeq([finder.id])
    const othersSeq = await maxSeq(others)
    await pause(3000)

    assert.equal(await maxSeq([finder.id]), finderSeq, 'the killed agent wrote nothing more')
    const late = await db
      .from('task_events')
      .where('created_by', finder.id)
      .where('created_at', '>', new Date(killedAt + 1000))
      .count('* as n')
    assert.equal(Number(late[0].n), 0)
    assert.isAbove(await maxSeq(others), othersSeq, 'the rest of the crew kept working')
    assert.isTrue(lines.some((line) => line.startsWith('[lead_finder] killed')))

    await call(actors.tokens.admin, 'POST', `/api/agents/${finder.id}/resume`)
    const back = await until(
      () => maxSeq([finder.id]),
      (seq) => seq > finderSeq,
      20_000
    )
    assert.isTrue(back.ok, 'the lead finder works again after the resume')
  }).timeout(60_000)

  test('the crew reserves and reports what it spends; a budget it reaches pauses it', async ({
    assert,
  }) => {
    assert.isNotNull(crew, 'the crew runs (first test)')
    const ids = agents.map((agent) => agent.id)
    const spent = await db
      .from('agent_usage')
      .whereIn('agent_id', ids)
      .select(db.raw('count(*) AS n, sum(cost_usd) AS usd, count(DISTINCT model) AS models'))
      .first()
    assert.isAbove(Number(spent.n), 0, 'usage reported')
    assert.isAbove(Number(spent.usd), 0)
    const settled = await db
      .from('budget_reservations')
      .whereIn('agent_id', ids)
      .where('status', 'settled')
      .count('* as n')
      .first()
    assert.isAbove(Number(settled.n), 0, 'steps reserve first, then settle')

    // the agent that spent last gets a daily budget that its next paid step does not fit
    const latest = await db
      .from('agent_usage')
      .whereIn('agent_id', ids)
      .orderBy('id', 'desc')
      .first()
    const spender = agents.find((agent) => agent.id === latest.agent_id)!
    const budget = await call(actors.tokens.admin, 'POST', '/api/budgets', {
      scope: 'agent',
      agent_id: spender.id,
      period: 'day',
      limit_usd: 1000,
    })
    assert.equal(budget.status, 201)
    const tight = await call(actors.tokens.admin, 'PATCH', `/api/budgets/${budget.body.id}`, {
      limit_usd: Math.ceil((budget.body.current.spent_usd + 0.0001) * 1e4) / 1e4,
    })
    assert.equal(tight.status, 200)
    try {
      const paused = await until(
        () => db.from('agents').where('id', spender.id).first(),
        (agent) => agent.status === 'paused',
        60_000
      )
      assert.isTrue(paused.ok, `the ${spender.type} was paused by its budget`)
      assert.match(paused.value.pause_reason, /^Paused by a budget: /)
      const usage = await call(actors.tokens.admin, 'GET', `/api/budgets/${budget.body.id}`)
      assert.isAtMost(
        usage.body.current.spent_usd + usage.body.current.reserved_usd,
        usage.body.limit_usd + 1e-6,
        'reservations kept it from overspending'
      )
    } finally {
      await call(actors.tokens.admin, 'DELETE', `/api/budgets/${budget.body.id}`)
      await call(actors.tokens.admin, 'POST', `/api/agents/${spender.id}/resume`)
    }
  }).timeout(90_000)
})
