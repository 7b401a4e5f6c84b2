import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { readFile } from 'node:fs/promises'
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
import { groupNeeds } from '#tests/helpers/plugins'
import type { Page } from 'playwright-core'

/** `count` leads whose names carry `tag`, so the list's search finds exactly them. */
async function leadsNamed(tag: string, count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({
    business_name: `Bulk ${tag} ${String(i).padStart(2, '0')}`,
    niche: 'Dentists',
    region: 'Austin, TX',
    website: `https://bulk-${tag}-${i}.example.com`,
    source: 'browser_test',
    lead_score: 'B',
    status: 'new',
    notes: JSON.stringify([]),
  }))
  const inserted = await db.table('leads').insert(rows).returning('id')
  return inserted.map((row: { id: string }) => row.id)
}

async function search(page: Page, tag: string, total: number) {
  await page.goto(`${BASE()}/leads`)
  const box = page.getByPlaceholder('Search name, contact, email, website')
  await box.fill(tag)
  await box.press('Enter')
  // only the tagged leads are listed (a page of 20 at most)
  await page.waitForFunction(
    ([name, rows]) => {
      const all = [
        ...(globalThis as any).document.querySelectorAll('.ant-table-tbody tr.ant-table-row'),
      ]
      return all.length === rows && all.every((row: any) => row.textContent.includes(name))
    },
    [`Bulk ${tag}`, Math.min(total, 20)] as const
  )
}

/*
| Bulk actions in the leads table, in Chromium: tick rows or take "all N
| matching", act, confirm; the database shows one recorded change.
*/
test.group('Admin: bulk actions on leads in Chromium', (group) => {
  groupNeeds(group, 'leads')
  useAdminBrowser(group)

  test('a closer takes all 25 matching and sets their status: one recorded change, no delete offered', async ({
    assert,
  }) => {
    const closer = await makeUser(Role.Closer)
    const tag = unique()
    const ids = await leadsNamed(tag, 25)
    const { context, page } = await contextFor(closer.email)
    try {
      await search(page, tag, 25)
      await page.locator('.ant-table-thead .ant-checkbox-input').check()
      assert.include(await page.getByTestId('bulk-count').textContent(), '20 leads selected')
      assert.equal(await page.getByTestId('bulk-delete').count(), 0, 'closers do not delete')
      await page.getByTestId('bulk-select-all').click()
      assert.include(
        await page.getByTestId('bulk-count').textContent(),
        'all 25 leads matching the filters'
      )
      await shot(page, 'leads-bulk-actions')

      await page.getByTestId('bulk-status').click()
      await page.getByTestId('bulk-status-contacted').click()
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/leads/bulk-actions')),
        page.getByTestId('bulk-confirm').click(),
      ])
      assert.equal(answer.status(), 200, await answer.text())
      await page.getByText('Status "contacted" set on 25 leads').waitFor()
      // the selection is cleared and the list shows the new status
      await page.getByTestId('bulk-bar').waitFor({ state: 'detached' })

      const rows = await db.from('leads').whereIn('id', ids)
      assert.isTrue(rows.every((row) => row.status === 'contacted'))
      const events = await db
        .from('audit_log')
        .where({ action: 'lead.bulk_status_changed', actor_id: closer.id })
      assert.lengthOf(events, 1)
      assert.sameMembers(events[0].after_state.ids, ids)
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(120_000)

  test('an admin ticks rows, exports them and deletes them after confirming', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const tag = unique()
    const ids = await leadsNamed(tag, 3)
    const { context, page } = await contextFor(admin.email)
    try {
      await search(page, tag, 3)
      const boxes = page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox')
      await boxes.nth(0).click()
      await boxes.nth(1).click()
      assert.include(await page.getByTestId('bulk-count').textContent(), '2 leads selected')

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('bulk-export').click(),
      ])
      const csv = await readFile((await download.path())!, 'utf8')
      assert.lengthOf(csv.trim().split('\n'), 3, 'a header and the 2 ticked rows')

      await page.getByTestId('bulk-delete').click()
      await page.getByText('This cannot be undone').waitFor()
      await page.getByTestId('bulk-confirm').click()
      await page.getByText('2 leads deleted').waitFor()
      await page.locator('.ant-table-tbody tr.ant-table-row').nth(1).waitFor({ state: 'detached' })
      const left = await db.from('leads').whereIn('id', ids)
      assert.lengthOf(left, 1)
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(120_000)

  test('a viewer ticks nothing', async ({ assert }) => {
    const viewer = await makeUser(Role.Viewer)
    const tag = unique()
    await leadsNamed(tag, 2)
    const { context, page } = await contextFor(viewer.email)
    try {
      await search(page, tag, 2)
      assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox').count(), 0)
      assert.equal(await page.getByTestId('bulk-bar').count(), 0)
    } finally {
      await debugShot(page)
      await context.close()
    }
  }).timeout(60_000)
})
