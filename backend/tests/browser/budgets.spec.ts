import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import {
  BASE,
  contextFor,
  debugShot,
  PHONE,
  shot,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'
import { groupNeeds } from '#tests/helpers/plugins'
import { prepareCrew, runCrew, type RunningCrew } from '#demo_crew/crew'

/*
| An admin sets a budget on the Budgets page while the demo crew works,
| watches the agent's spend rise on its page, and sees it paused by the
| budget, with the reason. A viewer sees spend but cannot set budgets (the
| API refuses them too: functional/budgets).
*/
test.group('Admin: budgets in Chromium, with the demo crew spending', (group) => {
  groupNeeds(group, 'orchestrator', 'lead_finder', 'enricher', 'copywriter', 'leads', 'drafts')
  useAdminBrowser(group)
  let crew: RunningCrew | null = null
  group.setup(async () => {
    await db.from('budgets').delete()
    // today's spend from earlier suites' crews would fill the new budget's window before this
    // crew's first step: the first reservation is refused (and its window rolled back), and the
    // spend shown never moves
    await db.from('budget_reservations').delete()
    await db.from('agent_usage').delete()
    // an agent an earlier suite's budget paused late (after its resume) starts this one working
    await db.from('agents').where('status', 'paused').update({ status: 'idle', pause_reason: null })
    return async () => {
      await crew?.stop()
      await db.from('budgets').delete()
      await db
        .from('agents')
        .where('status', 'paused')
        .update({ status: 'idle', pause_reason: null })
    }
  })

  test('set a budget, watch the spend rise, see the agent paused by it', async ({ assert }) => {
    const admin = await makeUser(Role.Admin)
    const credentials = await prepareCrew()
    const finder = await Agent.findByOrFail('name', 'lead_finder')
    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/budgets`)
      await page.getByText('No budgets yet').waitFor()

      await page.getByRole('button', { name: 'New budget' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByText('One agent').click()
      await dialog.locator('#budget_agent_id').click()
      await page.keyboard.type('lead_finder')
      // exactly this agent: other tests leave agents named lead_finder-<id>
      await page.locator('.ant-select-item-option[title="lead_finder"]').click()
      await dialog.getByText('Day', { exact: true }).click()
      await dialog.getByLabel('Limit in USD').fill('0.012')
      await dialog.getByRole('button', { name: 'Set budget' }).click()
      await page.getByRole('link', { name: 'lead_finder', exact: true }).waitFor()

      crew = runCrew({
        baseUrl: BASE(),
        credentials,
        speed: 10,
        inboxLimit: 50,
        log: () => {},
      })

      await page.goto(`${BASE()}/agents/show/${finder.id}`)
      const total = page.getByTestId('spend-total').last()
      await total.waitFor()
      // live: the spend moves without a reload
      const deadline = Date.now() + 60_000
      while ((await total.textContent()) === '$0.00' && Date.now() < deadline) {
        await page.waitForTimeout(250)
      }
      assert.notEqual(await total.textContent(), '$0.00', 'the spend rose on the open page')
      // paused by this budget (an earlier test's pause may still show in the activity feed)
      const pausedAt = Date.now() + 90_000
      const pausedByIt = (agent: Agent) =>
        agent.status === 'paused' && /^Paused by a budget: /.test(agent.pauseReason ?? '')
      while (!pausedByIt(await Agent.findOrFail(finder.id)) && Date.now() < pausedAt) {
        await page.waitForTimeout(500)
      }
      await page
        .getByText(/Paused by a budget: lead_finder's daily budget/)
        .first()
        .waitFor({ timeout: 30_000 })
      await page.getByText('paused', { exact: true }).first().waitFor()
      await shot(page, 'agent-spend')

      const stored = await Agent.findOrFail(finder.id)
      assert.equal(stored.status, 'paused')
      const [window] = await db
        .from('budget_windows')
        .whereIn('budget_id', db.from('budgets').where('agent_id', finder.id).select('id'))
      assert.exists(window, "the budget's window of spend")
      assert.isAtMost(
        Number(window.spent_usd) + Number(window.reserved_usd),
        0.012,
        'reservations kept the spend within the budget'
      )

      await page.goto(`${BASE()}/budgets`)
      await page.getByTestId('spend-chart').waitFor()
      await shot(page, 'budgets')
    } catch (error) {
      await debugShot(page)
      throw error
    } finally {
      await context.close()
    }

    // a viewer reads spend, and has nothing to set
    const viewer = await makeUser(Role.Viewer)
    const phone = await contextFor(viewer.email, PHONE)
    try {
      await phone.page.goto(`${BASE()}/budgets`)
      await phone.page.getByRole('link', { name: 'lead_finder', exact: true }).waitFor()
      assert.equal(await phone.page.getByRole('button', { name: 'New budget' }).count(), 0)
      assert.equal(await phone.page.getByRole('button', { name: 'Remove budget' }).count(), 0)
    } finally {
      await phone.context.close()
    }
  }).timeout(180_000)
})
