import { test } from '@japa/runner'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors, call } from '#tests/helpers/actors'
import { agentOfType, emit } from '#tests/helpers/agent_types'
import {
  BASE,
  contextFor,
  debugShot,
  createTask,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/*
| The feed's filter suggests the event types there are, and each finds its
| events; who did what shows by name, linked, on every screen that lists
| activity, whether the row came live or from the server.
*/
test.group('Admin: the feed and names', (group) => {
  useAdminBrowser(group)

  test("each of the feed's type suggestions finds events of that type", async ({ assert }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const finder = await agentOfType('lead_finder')
    const task = await createTask(actors, { title: 'Suggest me', column: 'backlog' })
    await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.id}`, { column: 'doing' })
    const started = await emit(finder.token, 'lead.search_started', {
      niche: 'dentist',
      region: 'Austin, TX',
    })
    assert.equal(started.status, 201, JSON.stringify(started.body))

    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/feed`)
      await page.getByTestId('feed-list').waitFor()
      const input = page.getByTestId('feed-type-filter').locator('input')
      await input.click()
      const option = (type: string) =>
        page.locator(`.ant-select-dropdown:visible [data-testid="event-type-option-${type}"]`)
      // the types the old list made up are not offered
      for (const made of ['draft.decided', 'draft.submitted']) {
        await input.fill(made)
        await page.waitForTimeout(300)
        assert.equal(await option(made).count(), 0, made)
      }
      for (const type of ['task.created', 'task.moved', 'lead.search_started']) {
        await input.fill(type)
        await option(type).click()
        const list = page.getByTestId('feed-list')
        await list.locator('code', { hasText: type }).first().waitFor()
        const shown = await list.locator('.ant-list-item code').allInnerTexts()
        assert.isNotEmpty(shown, type)
        for (const text of shown) assert.equal(text, type)
        await input.fill('')
        await input.press('Tab')
      }
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('actors by name, linked: feed rows from the server, agent activity, the audit log', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const viewer = await makeUser(Role.Viewer)
    const finder = await agentOfType('lead_finder')
    await emit(finder.token, 'lead.search_started', { niche: 'bakery', region: 'Raleigh, NC' })
    const task = await createTask(actors, { title: 'Named', column: 'backlog' })

    const { context, page } = await contextFor(admin.email)
    try {
      // loaded from the server (not live): the agent's name, linking to it
      await page.goto(`${BASE()}/feed`)
      const agentRow = page
        .getByTestId('feed-list')
        .locator('.ant-list-item', { hasText: 'lead.search_started' })
        .first()
      const agentName = agentRow.getByRole('link', { name: finder.agent.name })
      await agentName.waitFor()
      assert.equal(await agentName.getAttribute('href'), `/agents/show/${finder.agent.id}`)
      const userRow = page
        .getByTestId('feed-list')
        .locator('.ant-list-item', { hasText: 'task.created' })
        .first()
      await userRow.getByText(actors.users.admin.email).waitFor()

      // the agent's page: its activity by name
      await page.goto(`${BASE()}/agents/show/${finder.agent.id}`)
      const activity = page.locator('.ant-card', { hasText: 'Recent activity' })
      await activity.getByRole('link', { name: finder.agent.name }).first().waitFor()

      // the audit log: names, not ids
      await page.goto(
        `${BASE()}/audit?filters[0][field]=resource_id&filters[0][operator]=eq&filters[0][value]=${task.id}`
      )
      await page.locator('.ant-table-row').first().waitFor()
      await page.locator('.ant-table-row').first().getByText(actors.users.admin.email).waitFor()
    } finally {
      await debugShot(page)
      await context.close()
    }

    // a viewer: agents by name; people unnamed (no users.read); no empty footer under a card
    const seen = await contextFor(viewer.email)
    try {
      await seen.page.goto(`${BASE()}/feed`)
      const row = seen.page
        .getByTestId('feed-list')
        .locator('.ant-list-item', { hasText: 'lead.search_started' })
        .first()
      await row.getByRole('link', { name: finder.agent.name }).waitFor()
      await seen.page.goto(`${BASE()}/agents`)
      const cards = seen.page.locator('[data-testid^="agent-card-"]')
      await cards.first().waitFor()
      assert.equal(
        await cards.locator('.ant-card-actions').count(),
        0,
        'no footer without controls'
      )
    } finally {
      await debugShot(seen.page)
      await seen.context.close()
    }
  })
})
