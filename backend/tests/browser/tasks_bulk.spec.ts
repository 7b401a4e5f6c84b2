import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import {
  BASE,
  contextFor,
  debugShot,
  shot,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'
import type { Page } from 'playwright-core'

/** Tasks titled with `tag`, one per column given, so the list's search finds exactly them. */
async function tasksTagged(tag: string, columns: string[]) {
  const creator = await makeUser(Role.Admin)
  const rows = columns.map((column, i) => ({
    title: `Bulk ${tag} ${i}`,
    column,
    priority: 'med',
    owner_type: 'admin',
    created_by: creator.id,
  }))
  const inserted = await db.table('tasks').insert(rows).returning('id')
  return inserted.map((row: { id: string }) => row.id)
}

async function search(page: Page, tag: string, rows: number) {
  await page.goto(`${BASE()}/tasks`)
  const box = page.getByPlaceholder('Search title and description')
  /* a search typed while the list is still settling can be reset by it: type it again */
  for (let attempt = 1; ; attempt++) {
    await box.fill(tag)
    await box.press('Enter')
    try {
      await page.waitForFunction(
        ([name, count]) => {
          const all = [
            ...(globalThis as any).document.querySelectorAll('.ant-table-tbody tr.ant-table-row'),
          ]
          return all.length === count && all.every((row: any) => row.textContent.includes(name))
        },
        [`Bulk ${tag}`, rows] as const,
        { timeout: 10_000 }
      )
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/*
| Bulk actions in the tasks list, in Chromium: tick cards, act; the server
| checks each card as if it were moved alone and the screen says which
| stayed and why.
*/
test.group('Admin: bulk actions on tasks in Chromium', (group) => {
  useAdminBrowser(group)

  test('an operator moves the ticked tasks: Done is not offered, a card the board cannot move stays and is named', async ({
    assert,
  }) => {
    const operator = await makeUser(Role.Operator)
    const tag = unique()
    const [backlog, doing, doingToo] = await tasksTagged(tag, ['backlog', 'doing', 'doing'])
    const { context, page } = await contextFor(operator.email)
    try {
      await search(page, tag, 3)
      await page.locator('.ant-table-thead .ant-checkbox-input').check()
      assert.include(await page.getByTestId('bulk-count').textContent(), '3 tasks selected')
      assert.equal(await page.getByTestId('bulk-delete').count(), 0, 'operators do not delete')

      await page.getByTestId('bulk-move').click()
      const done = page.locator('.ant-dropdown-menu-item').filter({ hasText: 'Done' })
      assert.include(await done.getAttribute('class'), 'ant-dropdown-menu-item-disabled')
      await page.waitForTimeout(400) // the menu's opening animation, for the screenshot only
      await shot(page, 'tasks-bulk-actions')
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/tasks/bulk-actions')),
        page.getByTestId('bulk-move-needs_approval').click(),
      ])
      assert.equal(answer.status(), 200, await answer.text())

      // two moved, the backlog card stayed: the dialog says so and why
      await page
        .locator('.ant-modal-confirm-title', { hasText: '2 tasks moved to Needs approval' })
        .waitFor()
      const refused = page.getByTestId('bulk-refused')
      await refused.waitFor()
      assert.include(await refused.textContent(), '1 task stayed as they were')
      assert.include(await refused.textContent(), 'cannot move from backlog to needs_approval')
      await page.getByRole('button', { name: 'OK' }).click()
      await page.getByTestId('bulk-bar').waitFor({ state: 'detached' })
      // the list shows where they are now
      await page
        .locator('.ant-table-tbody tr.ant-table-row')
        .filter({ hasText: 'Needs approval' })
        .nth(1)
        .waitFor()

      const rows = await db.from('tasks').whereIn('id', [backlog, doing, doingToo])
      const column = Object.fromEntries(rows.map((row) => [row.id, row.column]))
      assert.deepEqual(column, {
        [backlog]: 'backlog',
        [doing]: 'needs_approval',
        [doingToo]: 'needs_approval',
      })
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(120_000)

  test('an admin ticks two tasks and deletes them after confirming; a viewer ticks nothing', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const tag = unique()
    const ids = await tasksTagged(tag, ['backlog', 'doing', 'done'])
    const { context, page } = await contextFor(admin.email)
    try {
      await search(page, tag, 3)
      const boxes = page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox')
      await boxes.nth(0).click()
      await boxes.nth(1).click()
      assert.include(await page.getByTestId('bulk-count').textContent(), '2 tasks selected')
      await page.getByTestId('bulk-delete').click()
      await page.getByText('This cannot be undone').waitFor()
      await page.getByTestId('bulk-confirm').click()
      await page.getByText('2 tasks deleted').waitFor()
      await page.locator('.ant-table-tbody tr.ant-table-row').nth(1).waitFor({ state: 'detached' })
      assert.lengthOf(await db.from('tasks').whereIn('id', ids), 1)
    } finally {
      await debugShot(page)
      await context.close()
    }

    const viewer = await makeUser(Role.Viewer)
    const viewing = await contextFor(viewer.email)
    try {
      await search(viewing.page, tag, 1)
      assert.equal(await viewing.page.locator('.ant-table-tbody .ant-checkbox').count(), 0)
      assert.equal(await viewing.page.getByTestId('bulk-bar').count(), 0)
    } finally {
      await debugShot(viewing.page)
      await viewing.context.close()
    }
  }).timeout(120_000)
})
