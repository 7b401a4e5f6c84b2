import { test } from '@japa/runner'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors } from '#tests/helpers/actors'
import { BASE, contextFor, createTask, useAdminBrowser } from '#tests/helpers/admin_browser'
import { pluginsEnabled } from '#tests/helpers/plugins'

/*
| The admin build holds the screens of every plugin folder; a server started
| with PLUGINS=none runs none of them. The admin shows the host's screens
| only, and each of them works: no menu entry, card, column or form field
| leads to a plugin the server does not run. Runs in the e2e suite's child
| with PLUGINS=none (backend/tests/e2e/without_plugins.spec.ts).
*/
test.group('Admin: a server that runs no plugin', (group) => {
  useAdminBrowser(group)
  group.tap((t) =>
    t.skip(pluginsEnabled('leads') || pluginsEnabled('drafts'), 'needs a run with PLUGINS=none')
  )

  test('shows the host screens only, and each works', async ({ assert }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const task = await createTask(actors, { title: 'A card with no links', column: 'doing' })
    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/`)
      await page.getByText('Agent activity (events, 24 h)').waitFor()
      const menu = await page.locator('.ant-layout-sider').innerText()
      for (const entry of ['Board', 'Tasks', 'Agents', 'Feed', 'Replay', 'Audit log', 'Users']) {
        assert.include(menu, entry)
      }
      for (const entry of ['Leads', 'Drafts', 'Approval inbox']) assert.notInclude(menu, entry)
      assert.equal(await page.getByText('Leads by status').count(), 0)
      assert.equal(await page.getByText('Drafts waiting for approval').count(), 0)

      await page.goto(`${BASE()}/board`)
      const card = page.locator(`[data-testid="task-card-${task.id}"]`)
      await card.waitFor()
      assert.notInclude(await card.innerText(), 'Lead')

      await page.goto(`${BASE()}/tasks`)
      await page.getByText('A card with no links').waitFor()
      const header = await page.locator('thead').innerText()
      assert.notInclude(header, 'Lead')
      assert.notInclude(header, 'Draft')

      await page.goto(`${BASE()}/tasks/create`)
      await page.getByLabel('Title').waitFor()
      assert.equal(await page.getByText('Linked lead').count(), 0)
      assert.equal(await page.getByText('Linked draft').count(), 0)

      await page.goto(`${BASE()}/audit`)
      await page.getByPlaceholder('Resource id').waitFor()
    } finally {
      await context.close()
    }
  }).timeout(120_000)
})
