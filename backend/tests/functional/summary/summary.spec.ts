import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { call, makeActors, ACTORS, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { needs } from '#tests/helpers/plugins'
import { budgetSettings } from '#services/budgets'
import Agent from '#models/agent'
import { LeadStatus } from '../../../../plugins/leads/enums.js'
import { makeLead } from '../../../../plugins/drafts/tests/helpers.js'

const summaryOf = async (token: string | null) => {
  const answer = await call(token, 'GET', '/api/summary')
  if (answer.status !== 200)
    throw new Error(`summary: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

/** `SELECT column, count(*)` as an object. */
async function countsBy(table: string, column: string) {
  const rows = await db.from(table).select(column).count('* as n').groupBy(column)
  return Object.fromEntries(rows.map((row) => [row[column], Number(row.n)]))
}

const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))

const today = () => DateTime.now().setZone(budgetSettings.timeZone).toISODate()!

/** Rows of `table` whose `column` falls on today, in the summary's time zone. */
async function countToday(table: string, column: string) {
  const row = await db
    .from(table)
    .whereRaw(`to_char(?? AT TIME ZONE ?, 'YYYY-MM-DD') = ?`, [
      column,
      budgetSettings.timeZone,
      today(),
    ])
    .count('* as n')
    .first()
  return Number(row.n)
}

test.group('Summary: the Home’s numbers in one request', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('every role (and an agent) reads the same numbers; nobody signed out', async ({
    assert,
  }) => {
    assert.equal((await call(null, 'GET', '/api/summary')).status, 401)
    const answers = []
    for (const who of ACTORS.filter((name) => name !== 'anonymous')) {
      const { generated_at: _, ...numbers } = await summaryOf(actors.tokens[who])
      answers.push(numbers)
    }
    for (const answer of answers.slice(1)) {
      // spend and the activity move only with writes; none happen between these reads
      assert.deepEqual(answer.tasks, answers[0].tasks)
      assert.deepEqual(answer.agents, answers[0].agents)
      assert.deepEqual(Object.keys(answer.plugins), Object.keys(answers[0].plugins))
    }
  })

  // an orchestrator writes the tasks: without that plugin no agent type may
  needs(
    test('host numbers match the data: tasks by column, agents and their activity, events per day, spend', async ({
      assert,
    }) => {
      const agent = await makeAgent('orchestrator')
      // the activity lists the first 50 agents by name: this one sorts first, whatever earlier tests created
      agent.name = `0-summary-${agent.id.slice(0, 8)}`
      await agent.save()
      const token = (await Agent.accessTokens.create(agent)).value!.release()
      for (const column of ['backlog', 'backlog', 'doing']) {
        const created = await call(token, 'POST', '/api/tasks', {
          title: `Summary ${column}`,
          column,
        })
        assert.equal(created.status, 201)
      }
      const usage = await call(token, 'POST', '/api/agents/me/usage', {
        cost_usd: 0.25,
        input_tokens: 10,
      })
      assert.equal(usage.status, 201, JSON.stringify(usage.body))

      const summary = await summaryOf(actors.tokens.viewer)
      assert.equal(summary.time_zone, budgetSettings.timeZone)
      assert.lengthOf(summary.days, 14)
      assert.equal(summary.days.at(-1), today())

      const byColumn = await countsBy('tasks', 'column')
      assert.deepEqual(nonZero(summary.tasks.by_column), byColumn)
      assert.equal(
        summary.tasks.total,
        Object.values(byColumn).reduce((a: number, b) => a + Number(b), 0)
      )
      assert.sameMembers(Object.keys(summary.tasks.by_column), [
        'backlog',
        'doing',
        'needs_approval',
        'done',
      ])

      assert.deepEqual(nonZero(summary.agents.by_status), await countsBy('agents', 'status'))
      const mine = summary.agents.activity.find((row: { id: string }) => row.id === agent.id)
      const ownEvents = await db
        .from('task_events')
        .where('agent_id', agent.id)
        .count('* as n')
        .first()
      assert.isAbove(Number(ownEvents.n), 3)
      assert.equal(mine?.events_24h, Number(ownEvents.n))

      assert.lengthOf(summary.events_per_day, 14)
      assert.deepEqual(
        summary.events_per_day.map((row: { day: string }) => row.day),
        summary.days
      )
      assert.equal(
        summary.events_per_day.at(-1).count,
        await countToday('task_events', 'created_at')
      )

      // spend is what the spend endpoints answer
      const series = await call(actors.tokens.viewer, 'GET', '/api/usage/series?bucket=day')
      assert.deepEqual(summary.spend.series.points, series.body.points)
      assert.isAtLeast(
        summary.spend.series.points.reduce(
          (sum: number, point: { cost_usd: number }) => sum + point.cost_usd,
          0
        ),
        0.25
      )
      const overall = await call(actors.tokens.viewer, 'GET', '/api/budgets?scope=overall')
      assert.lengthOf(summary.spend.overall_budgets, overall.body.length)

      // one more task moves the numbers by one
      await call(actors.tokens.admin, 'POST', '/api/tasks', {
        title: 'One more',
        column: 'backlog',
        priority: 'low',
      })
      const after = await summaryOf(actors.tokens.closer)
      assert.equal(after.tasks.by_column.backlog, summary.tasks.by_column.backlog + 1)
      assert.equal(after.tasks.total, summary.tasks.total + 1)
    }),
    'orchestrator'
  )

  needs(
    test('plugin parts: the funnel and new leads per day; the approval queue and decisions per day', async ({
      assert,
    }) => {
      const copy = await makeActors({ agentType: 'copywriter' })
      await makeLead(LeadStatus.Contacted)
      await makeLead(LeadStatus.Contacted)
      await makeLead(LeadStatus.Booked)

      // two drafts waiting, one of them past the approval SLA; one decided today
      const drafts = []
      for (let i = 0; i < 3; i++) {
        const created = await call(copy.tokens.agent, 'POST', '/api/drafts', {
          channel: 'email',
          draft_type: 'cold_email',
          content: `Hello ${i}`,
        })
        assert.equal(created.status, 201)
        assert.equal(
          (await call(copy.tokens.agent, 'POST', `/api/drafts/${created.body.id}/submit`)).status,
          200
        )
        drafts.push(created.body.id as string)
      }
      await db
        .from('drafts')
        .where('id', drafts[0])
        .update({ submitted_at: new Date(Date.now() - 3 * 86_400_000) })
      const decided = await call(copy.tokens.admin, 'POST', `/api/drafts/${drafts[2]}/decision`, {
        action: 'approve',
        version: 1,
      })
      assert.equal(decided.status, 200, JSON.stringify(decided.body))

      const { plugins } = await summaryOf(copy.tokens.closer)

      const leads = plugins.leads
      assert.deepEqual(nonZero(leads.by_status), await countsBy('leads', 'status'))
      assert.sameMembers(Object.keys(leads.by_status), Object.values(LeadStatus))
      assert.equal(leads.total, Number((await db.from('leads').count('* as n').first()).n))
      assert.lengthOf(leads.added_per_day, 14)
      assert.equal(leads.added_per_day.at(-1).count, await countToday('leads', 'created_at'))

      const queue = plugins.drafts
      const waiting = await db.from('drafts').where('status', 'needs_approval')
      const slaStart = Date.now() - queue.sla_minutes * 60_000
      assert.equal(queue.waiting, waiting.length)
      assert.equal(
        queue.overdue,
        waiting.filter((draft) => new Date(draft.submitted_at).getTime() < slaStart).length
      )
      assert.isAtLeast(queue.overdue, 1)
      assert.isAtLeast(queue.waiting, 2)
      assert.lengthOf(queue.decisions_per_day, 14)
      assert.equal(
        queue.decisions_per_day.at(-1).count,
        await countToday('approvals', 'decided_at')
      )
      assert.isAtLeast(queue.decisions_per_day.at(-1).count, 1)
    }),
    'leads',
    'drafts'
  )
})
