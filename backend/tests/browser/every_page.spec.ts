import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors, call } from '#tests/helpers/actors'
import {
  BASE,
  PHONE,
  allowPageErrors,
  contextFor,
  createTask,
  debugShot,
  makeLead,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/*
| Every page of the admin, for every role, on a desktop and on a phone: each
| page the menu offers, and a record's show page, load without a page error
| (useAdminBrowser fails the test on any uncaught error, React error or CSP
| violation the pages log).
*/

/** The paths the signed-in menu offers this person (the sider, or the phone's drawer). */
async function menuPaths(page: Page, phone: boolean): Promise<string[]> {
  if (phone) {
    await page.getByTestId('menu-button').click()
    await page.locator('.ant-drawer-open .ant-menu').waitFor()
  }
  const scope = phone ? '.ant-drawer-open .ant-menu' : '.ant-layout-sider .ant-menu'
  await page.locator(`${scope} a[href]`).first().waitFor()
  const hrefs = await page
    .locator(`${scope} a[href]`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  if (phone) await page.keyboard.press('Escape')
  return [...new Set(hrefs.map((href) => new URL(href, BASE()).pathname))]
}

/** Waits until the page has drawn its content (a heading, a table, a board) after loading. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined)
}

/** What the top bar holds that does not fit in it (wrapped onto a second line, cut by the bar). */
async function headerItemsCut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document
    const bar = doc.querySelector('.ant-layout-header')
    if (!bar) return ['the bar itself']
    const frame = bar.getBoundingClientRect()
    return [...bar.querySelectorAll('button, a, .ant-badge, .ant-tag, .ant-switch')]
      .filter((item: any) => {
        const box = item.getBoundingClientRect()
        if (box.width === 0 && box.height === 0) return false
        return (
          box.top < frame.top - 1 || box.bottom > frame.bottom + 1 || box.right > frame.right + 1
        )
      })
      .map(
        (item: any) => item.getAttribute('aria-label') || item.textContent?.trim() || item.tagName
      )
  })
}

test.group('Admin: every page, every role, no page error', (group) => {
  useAdminBrowser(group)

  for (const role of [Role.Admin, Role.Operator, Role.Closer, Role.Viewer]) {
    for (const device of ['desktop', 'phone'] as const) {
      test(`${role} on a ${device}`, async ({ assert }) => {
        const actors = await makeActors({ agentType: 'copywriter' })
        const user = await makeUser(role)
        const lead = await makeLead(`Every Page ${unique()}`)
        const draft = await call(actors.tokens.agent, 'POST', '/api/drafts', {
          lead_id: lead.id,
          channel: 'email',
          draft_type: 'cold_email',
          content: 'Hello from every page.',
        })
        const task = await createTask(actors, {
          title: `Every page ${unique()}`,
          column: 'doing',
          linked_lead_id: lead.id,
          linked_draft_id: draft.body.id,
        })
        const { context, page } = await contextFor(user.email, device === 'phone' ? PHONE : {})
        try {
          // Home first, straight after signing in (React error #185 fired here)
          await settle(page)
          const paths = await menuPaths(page, device === 'phone')
          assert.include(paths, '/board')
          const shows = [
            `/tasks/show/${task.id}`,
            `/agents/show/${actors.agent.id}`,
            `/leads/show/${lead.id}`,
            `/drafts/show/${draft.body.id}`,
          ]
          for (const path of [...paths, ...shows]) {
            const answer = await page.goto(`${BASE()}${path}`)
            assert.equal(answer?.status(), 200, path)
            await settle(page)
            const cut = await headerItemsCut(page)
            assert.deepEqual(cut, [], `${path}: the top bar cuts ${cut.join(', ')}`)
          }
        } finally {
          await debugShot(page)
          await context.close()
        }
      })
    }
  }
})

test.group(
  'Admin: an address with no page, a screen the role may not open, one that fails',
  (group) => {
    useAdminBrowser(group)

    test('each says so in words, with the way on; the menu stays', async ({ assert }) => {
      const closer = await makeUser(Role.Closer)
      const { context, page } = await contextFor(closer.email)
      try {
        await page.goto(`${BASE()}/no-such-page`)
        await page.getByRole('heading', { name: 'Page not found' }).waitFor()
        assert.isTrue(await page.locator('.ant-layout-sider').getByText('Leads').isVisible())
        await page.getByRole('button', { name: 'Back to Home' }).click()
        await page.waitForURL((url) => url.pathname === '/')

        // the audit log is for admins: its screen says so, and shows none of it
        await page.goto(`${BASE()}/audit`)
        await page.getByRole('heading', { name: 'Not allowed' }).waitFor()
        assert.include(
          await page.getByTestId('result-forbidden').innerText(),
          'Your role does not give access to this page.'
        )
        assert.equal(await page.locator('.ant-table').count(), 0)
        assert.isTrue(await page.getByRole('button', { name: 'Back to Home' }).isVisible())

        // a screen whose code cannot be loaded (a new deploy, no network): that screen fails, not the app
        await page.route(/\/assets\/feed-[^/]+\.js$/, (route) => route.abort())
        allowPageErrors(/Failed to fetch dynamically imported module|Screen failed to render/)
        await page.locator('.ant-layout-sider').getByText('Feed').click()
        await page.getByRole('heading', { name: 'This screen failed to load' }).waitFor()
        assert.isTrue(await page.getByRole('button', { name: 'Reload' }).isVisible())
        // another screen still opens
        await page.locator('.ant-layout-sider').getByText('Leads').click()
        await page.getByRole('heading', { name: 'Leads' }).waitFor()
      } finally {
        await debugShot(page)
        await context.close()
      }
    })
  }
)
