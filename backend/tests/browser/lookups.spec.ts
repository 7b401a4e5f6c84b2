import { test } from '@japa/runner'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors, call } from '#tests/helpers/actors'
import {
  BASE,
  contextFor,
  createTask,
  debugShot,
  makeLead,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/*
| Screens that show another list's records by name (a card's lead, a
| draft's lead) look them up by id for a whole page at once: every name
| shows, however many there are (it used to fall back to ids from 21 on, and
| to show only 10 names without a page size).
*/
test.group('Admin: names looked up for a whole page', (group) => {
  useAdminBrowser(group)

  test('a board of 60 cards shows every lead by name, live and in the replay', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const viewer = await makeUser(Role.Viewer)
    const tag = unique()
    const cards: { id: string; lead: string; leadId: string }[] = []
    for (let i = 0; i < 60; i++) {
      const lead = await makeLead(`Clinic ${tag} ${String(i).padStart(2, '0')}`)
      const task = await createTask(actors, {
        title: `Reach ${tag} ${i}`,
        column: 'backlog',
        linked_lead_id: lead.id,
      })
      cards.push({ id: task.id, lead: lead.businessName, leadId: lead.id })
    }
    const { context, page } = await contextFor(viewer.email)
    try {
      for (const path of ['/board', '/replay']) {
        await page.goto(`${BASE()}${path}`)
        const scope = path === '/replay' ? '[data-testid="replay-board"] ' : ''
        await page.locator(`${scope}[data-testid="task-card-${cards[59].id}"]`).waitFor()
        // the names arrive with the lookup, after the cards
        await page
          .locator(`${scope}[data-testid="task-card-${cards[59].id}"]`)
          .getByText(cards[59].lead)
          .waitFor()
        // the board draws only the cards in view: newest first, scrolled to each in turn
        for (const card of path === '/board' ? [...cards].reverse() : cards) {
          const located = page.locator(`${scope}[data-testid="task-card-${card.id}"]`)
          for (let i = 0; i < 40 && (await located.count()) === 0; i++) {
            await page.getByTestId('column-backlog').locator('.mc-column-scroll').hover()
            await page.mouse.wheel(0, 300)
            await page.waitForTimeout(50)
          }
          await located.getByText(card.lead).waitFor()
          const text = await located.innerText()
          assert.include(text, card.lead, `${path}: card ${card.id}`)
          // the name alone: no id beside it
          assert.notInclude(text, card.leadId, `${path}: card ${card.id}`)
        }
      }
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("the drafts list's Lead column names every lead of the page", async ({ assert }) => {
    const actors = await makeActors({ agentType: 'copywriter' })
    const closer = await makeUser(Role.Closer)
    const tag = unique()
    const leads: string[] = []
    for (let i = 0; i < 20; i++) {
      const lead = await makeLead(`Smiles ${tag} ${String(i).padStart(2, '0')}`)
      const created = await call(actors.tokens.agent, 'POST', '/api/drafts', {
        lead_id: lead.id,
        channel: 'email',
        draft_type: 'cold_email',
        content: `Hello ${i}`,
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      leads.push(lead.businessName)
    }
    const { context, page } = await contextFor(closer.email)
    try {
      await page.goto(`${BASE()}/drafts`)
      const table = page.locator('.ant-table-tbody')
      await table.getByText(leads[0]).waitFor()
      const text = await table.innerText()
      for (const name of leads) assert.include(text, name)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })
})
