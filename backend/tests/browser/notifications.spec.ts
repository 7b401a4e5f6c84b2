import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import User from '#models/user'
import { call, makeActors } from '#tests/helpers/actors'
import { needs } from '#tests/helpers/plugins'
import {
  BASE,
  PHONE,
  contextFor,
  debugShot,
  shot,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'
import { runNotifier } from '#services/notifications'

async function submitted(token: string | null, content: string) {
  const draft = await call(token, 'POST', '/api/drafts', {
    channel: 'email',
    draft_type: 'cold_intro',
    content,
  })
  await call(token, 'POST', `/api/drafts/${draft.body.id}/submit`)
  return draft.body.id as string
}

/*
| The bell: a draft submitted by an agent reaches a signed-in admin live (the
| count on `users/<id>`), and the notification opens that draft in the inbox.
*/
test.group('Admin: the notification bell in Chromium', (group) => {
  useAdminBrowser(group)
  group.each.setup(async () => {
    await db.rawQuery(
      'UPDATE notification_cursor SET last_seq = (SELECT coalesce(max(id), 0) FROM task_events)'
    )
  })

  for (const device of ['desktop', 'phone'] as const) {
    needs(
      test(`a waiting draft rings the bell and opens in the inbox (${device})`, async ({ assert }) => {
        const actors = await makeActors({ agentType: 'copywriter' })
        const admin = await makeUser(Role.Admin)
        // the silent agents earlier tests left behind would ring this admin's bell too
        const token = (await User.accessTokens.create(admin)).value!.release() as string
        await call(token, 'PUT', '/api/notifications/preferences', {
          kinds: ['agents.stale', 'agents.paused_by_rule'].map((kind) => ({
            kind,
            in_app: false,
            email: false,
            slack: false,
            digest_minutes: 0,
          })),
        })
        const { context, page } = await contextFor(admin.email, device === 'phone' ? PHONE : {})
        try {
          const bell = page.getByTestId('notification-bell')
          await bell.waitFor()
          const badge = page.locator('.ant-badge', { has: bell }).locator('.ant-badge-count')
          await submitted(actors.tokens.agent, 'The oldest, first in the queue')
          const newer = await submitted(actors.tokens.agent, 'The one the bell points at')
          await runNotifier()
          // live: no reload
          await badge.filter({ hasText: '2' }).waitFor({ timeout: 15_000 })
          await bell.click()
          if (device === 'phone') {
            // a phone opens the notifications page (no room for a popover)
            await page.waitForURL(/\/notifications$/)
            const rows = page.locator('.ant-table-row')
            await rows.first().getByText('submitted a draft for approval').waitFor()
            await shot(page, 'notifications-phone')
            await rows.first().click()
          } else {
            const list = page.getByTestId('notification-list')
            await list.getByText('submitted a draft for approval').first().waitFor()
            await shot(page, 'notifications')
            // newest first: the newer draft's, which is not the one the inbox would pick anyway
            await list.locator('.ant-list-item').first().click()
          }
          await page.waitForURL(new RegExp(`/inbox\\?draft=${newer}`))
          await page
            .locator(`[data-testid="inbox-item-${newer}"][aria-selected="true"]`)
            .waitFor({ timeout: 15_000 })
          // opened is read: the count follows, live
          const unread = async () =>
            (
              await db.rawQuery(
                'SELECT count(*)::int AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
                [admin.id]
              )
            ).rows[0].n
          assert.equal(await unread(), 1)
          await badge.filter({ hasText: '1' }).waitFor({ timeout: 15_000 })
        } catch (error) {
          await debugShot(page)
          throw error
        } finally {
          await context.close()
        }
      }),
      'drafts',
      'copywriter'
    )
  }

  test('preferences: a closer is asked nothing; an admin turns e-mail into an hourly digest', async ({
    assert,
  }) => {
    const closer = await makeUser(Role.Closer)
    const { context, page } = await contextFor(closer.email)
    try {
      await page.goto(`${BASE()}/notifications`)
      await page.getByText('Your role is not asked to act on anything').waitFor()
    } finally {
      await context.close()
    }
    const admin = await makeUser(Role.Admin)
    const session = await contextFor(admin.email)
    try {
      await session.page.goto(`${BASE()}/notifications`)
      await session.page.getByText('An agent went silent').waitFor()
      await session.page.getByRole('button', { name: 'Save' }).click()
      await session.page.getByText('Preferences saved').waitFor()
      const saved = await db.from('notification_preferences').where('user_id', admin.id)
      assert.isAbove(saved.length, 0)
    } finally {
      await session.context.close()
    }
  })
})
