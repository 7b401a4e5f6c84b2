import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import {
  BASE,
  contextFor,
  debugShot,
  makeLead,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/*
| An admin puts a domain on the do-not-contact list and the lead at that
| domain shows "suppressed" in the leads list; a pasted list reports each
| value. A closer has no Suppression list screen (the API refuses them too:
| the leads plugin's suppression tests).
*/
test.group('Admin: the suppression list in Chromium', (group) => {
  useAdminBrowser(group)
  group.setup(() => async () => {
    await db.from('suppressions').delete()
  })

  test('an admin adds a domain; the lead at it shows suppressed in the list and on its page', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const name = `Blocked Dental ${unique()}`
    const lead = await makeLead(name)
    const domain = new URL(lead.website).hostname
    const { context, page } = await contextFor(admin.email)
    try {
      await page.locator('.ant-layout-sider a[href="/suppressions"]').click()
      await page.getByTestId('suppression-value').fill(`https://www.${domain}/contact`)
      await page.getByTestId('suppression-add').click()
      await page.locator('.ant-table-row').filter({ hasText: domain }).waitFor()

      // the newest lead: on the first page
      await page.goto(`${BASE()}/leads`)
      const row = page.locator('.ant-table-row').filter({ hasText: name })
      await row.getByTestId('lead-suppressed').waitFor()

      await page.goto(`${BASE()}/leads/show/${lead.id}`)
      await page.getByText(`the domain ${domain}`).waitFor()

      // a pasted list: what was added, what was there, what was refused
      await page.goto(`${BASE()}/suppressions`)
      await page.getByTestId('suppression-bulk-open').click()
      await page
        .getByTestId('suppression-bulk-text')
        .fill(`jo@${unique()}.example.com, ${domain}\nnot-a-domain`)
      await page.getByTestId('suppression-bulk-send').click()
      await page.getByText('1 added, 1 already on the list, 1 refused').waitFor()
      await page.getByRole('button', { name: 'Done' }).click()

      // removed with confirmation: the lead is no longer flagged
      const entry = page.locator('.ant-table-row').filter({ hasText: domain })
      await entry.getByTestId('suppression-remove').click()
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Remove' }).click()
      await entry.waitFor({ state: 'detached' })
      const left = await db.from('suppressions').where('value', domain)
      assert.lengthOf(left, 0)
    } catch (error) {
      await debugShot(page)
      throw error
    } finally {
      await context.close()
    }
  })

  test('a closer has no Suppression list screen', async ({ assert }) => {
    const closer = await makeUser(Role.Closer)
    const { context, page } = await contextFor(closer.email)
    try {
      await page.locator('.ant-layout-sider .ant-menu a[href]').first().waitFor()
      assert.equal(await page.locator('.ant-layout-sider a[href="/suppressions"]').count(), 0)
      await page.goto(`${BASE()}/suppressions`)
      await page
        .getByText(/not allowed|permission|403/i)
        .first()
        .waitFor()
    } finally {
      await context.close()
    }
  })
})
