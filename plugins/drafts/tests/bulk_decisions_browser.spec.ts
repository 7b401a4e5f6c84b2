import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors, type Actors } from '#tests/helpers/actors'
import {
  BASE,
  contextFor,
  debugShot,
  shot,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'
import { groupNeeds } from '#tests/helpers/plugins'
import type { Page } from 'playwright-core'
import { makeDraft, submitted } from './helpers.js'

async function search(page: Page, tag: string, rows: number) {
  await page.goto(`${BASE()}/drafts`)
  const box = page.getByPlaceholder('Search draft type')
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
        [tag, rows] as const,
        { timeout: 10_000 }
      )
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

const statusOf = async (id: string) =>
  (await db.from('drafts').where('id', id).firstOrFail()).status as string

/*
| One decision over several drafts from the drafts list, in Chromium: only
| drafts waiting for approval can be ticked, and only by admins.
*/
test.group('Admin: deciding many drafts at once in Chromium', (group) => {
  groupNeeds(group, 'drafts', 'copywriter')
  useAdminBrowser(group)
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
  })

  test('an admin ticks two drafts waiting for approval and rejects them with a note; a draft still being written cannot be ticked', async ({
    assert,
  }) => {
    const tag = `bulk_${unique()}`
    const first = await submitted(actors, { draft_type: `${tag}_a` })
    const second = await submitted(actors, { draft_type: `${tag}_b` })
    const writing = await makeDraft(actors, { draft_type: `${tag}_c` })
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      await search(page, tag, 3)
      const row = (type: string) =>
        page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: type })
      assert.isTrue(await row(`${tag}_c`).locator('.ant-checkbox-input').isDisabled())
      await row(`${tag}_a`).locator('.ant-checkbox').click()
      await row(`${tag}_b`).locator('.ant-checkbox').click()
      assert.include(await page.getByTestId('draft-bulk-count').textContent(), '2 drafts selected')

      await page.getByTestId('draft-bulk-reject').click()
      await page.getByTestId('draft-bulk-notes').fill('Off-brand: we never discount')
      await page.waitForTimeout(400) // the dialog's opening animation, for the screenshot only
      await shot(page, 'drafts-bulk-decisions')
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/drafts/bulk-decisions')),
        page.getByTestId('draft-bulk-confirm').click(),
      ])
      assert.equal(answer.status(), 200, await answer.text())
      await page.getByText('2 drafts rejected').waitFor()
      await page.getByTestId('draft-bulk-bar').waitFor({ state: 'detached' })

      assert.equal(await statusOf(first.id), 'rejected')
      assert.equal(await statusOf(second.id), 'rejected')
      assert.equal(await statusOf(writing.id), 'draft')
      const notes = await db.from('approvals').whereIn('draft_id', [first.id, second.id])
      assert.isTrue(notes.every((approval) => approval.notes === 'Off-brand: we never discount'))
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(120_000)

  test('a draft that changed after the list was read is named and left; an operator ticks nothing', async ({
    assert,
  }) => {
    const tag = `bulk_${unique()}`
    const fresh = await submitted(actors, { draft_type: `${tag}_a` })
    const moving = await submitted(actors, { draft_type: `${tag}_b` })
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      await search(page, tag, 2)
      await page.locator('.ant-table-thead .ant-checkbox-input').check()
      await page.getByTestId('draft-bulk-count').filter({ hasText: '2 drafts selected' }).waitFor()
      // another admin decides one of them meanwhile
      await db.from('drafts').where('id', moving.id).update({ status: 'approved' })
      await page.getByTestId('draft-bulk-approve').click()
      await page.getByText('nothing is sent').waitFor()
      await page.getByTestId('draft-bulk-confirm').click()
      const refused = page.getByTestId('bulk-refused')
      await refused.waitFor()
      assert.include(await refused.textContent(), `${tag}_b`)
      assert.include(
        await refused.textContent(),
        'Only a draft waiting for approval can be decided'
      )
      assert.equal(await statusOf(fresh.id), 'approved')
    } finally {
      await debugShot(page)
      await context.close()
    }

    const operator = await makeUser(Role.Operator)
    const other = await contextFor(operator.email)
    try {
      await search(other.page, tag, 2)
      assert.equal(await other.page.locator('.ant-table-tbody .ant-checkbox').count(), 0)
      assert.equal(await other.page.getByTestId('draft-bulk-bar').count(), 0)
    } finally {
      await debugShot(other.page)
      await other.context.close()
    }
  }).timeout(120_000)
})
