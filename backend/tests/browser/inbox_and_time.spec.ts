import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { Role } from '#enums/roles'
import Agent from '#models/agent'
import { makeUser } from '#tests/helpers/users'
import { makeActors, call, type Actors } from '#tests/helpers/actors'
import {
  BASE,
  PHONE,
  contextFor,
  createTask,
  debugShot,
  makeLead,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/** Drafts submitted for approval by the copywriter of `actors`, oldest first. */
async function queue(actors: Actors, count: number) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const lead = await makeLead(`Queue ${unique()} ${i}`)
    const created = await call(actors.tokens.agent, 'POST', '/api/drafts', {
      lead_id: lead.id,
      channel: 'email',
      draft_type: 'cold_email',
      content: `Hello number ${i}, a short note about your clinic.`,
    })
    if (created.status !== 201) throw new Error(JSON.stringify(created.body))
    await call(actors.tokens.agent, 'POST', `/api/drafts/${created.body.id}/submit`)
    ids.push(created.body.id)
  }
  return ids
}

/** Waits (up to 5 s) until the element with that test id has the focus. */
async function focused(page: import('playwright-core').Page, testId: string) {
  for (let i = 0; i < 50; i++) {
    const id = await page.evaluate('document.activeElement?.getAttribute("data-testid")')
    if (id === testId) return
    await page.waitForTimeout(100)
  }
  throw new Error(`${testId} never got the focus`)
}

/** Whether the element's box lies within the viewport (at least its top 40 px). */
async function inView(page: import('playwright-core').Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox()
  const viewport = page.viewportSize()!
  return !!box && box.y >= 0 && box.y + 40 <= viewport.height
}

test.group('Admin: the inbox and the time', (group) => {
  useAdminBrowser(group)

  test('each decision dialog says its decision in full', async ({ assert }) => {
    const actors = await makeActors({ agentType: 'copywriter' })
    const admin = await makeUser(Role.Admin)
    const [id] = await queue(actors, 1)
    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/inbox`)
      await page.getByTestId(`inbox-item-${id}`).click()
      const titles: string[] = []
      for (const key of ['c', 'r']) {
        await page.getByTestId('approve').waitFor()
        await page.keyboard.press(key)
        const dialog = page.locator('.ant-modal')
        await dialog.getByTestId('decision-notes').waitFor()
        titles.push((await dialog.locator('.ant-modal-title').innerText()).trim())
        // the notes have the focus: typing goes there, Escape closes the dialog
        await focused(page, 'decision-notes')
        await page.keyboard.press('Escape')
        await dialog.waitFor({ state: 'hidden' })
      }
      await page.getByRole('button', { name: 'Approve with notes' }).click()
      const dialog = page.locator('.ant-modal')
      await dialog.getByTestId('decision-notes').waitFor()
      titles.push((await dialog.locator('.ant-modal-title').innerText()).trim())
      assert.deepEqual(titles, ['Request changes', 'Reject this draft', 'Approve with notes'])
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('picking a draft shows it where the eye is, on a desktop and on a phone', async ({
    assert,
  }) => {
    const actors = await makeActors({ agentType: 'copywriter' })
    const admin = await makeUser(Role.Admin)
    const ids = await queue(actors, 26)
    for (const device of [{}, PHONE]) {
      const { context, page } = await contextFor(admin.email, device)
      try {
        await page.goto(`${BASE()}/inbox`)
        // the newest, at the end of the queue
        const item = page.getByTestId(`inbox-item-${ids.at(-1)}`)
        await item.scrollIntoViewIfNeeded()
        await item.click()
        await page.getByTestId('inbox-draft').getByText('Hello number 25').waitFor()
        await page.waitForTimeout(300) // the scroll
        assert.isTrue(
          await inView(page, 'inbox-draft'),
          `${device === PHONE ? 'phone' : 'desktop'}: the draft is on screen`
        )
        assert.isTrue(await inView(page, 'approve'), 'and its decision buttons')
      } finally {
        await debugShot(page)
        await context.close()
      }
    }
  })

  test('rejecting a draft in the inbox finishes its card: Needs approval empties', async ({
    assert,
  }) => {
    const actors = await makeActors({ agentType: 'copywriter' })
    const admin = await makeUser(Role.Admin)
    const lead = await makeLead(`Reject ${unique()}`)
    const created = await call(actors.tokens.agent, 'POST', '/api/drafts', {
      lead_id: lead.id,
      channel: 'email',
      draft_type: 'cold_email',
      content: 'Not good enough.',
    })
    const task = await createTask(actors, {
      title: `Outreach ${lead.businessName}`,
      column: 'doing',
      linked_lead_id: lead.id,
      linked_draft_id: created.body.id,
    })
    await call(actors.tokens.agent, 'POST', `/api/drafts/${created.body.id}/submit`)
    const { context, page } = await contextFor(admin.email)
    try {
      const board = await context.newPage()
      await board.goto(`${BASE()}/board`)
      const card = `[data-testid="task-card-${task.id}"]`
      await board.locator(`[data-testid="column-needs_approval"] ${card}`).waitFor()

      await page.bringToFront()
      await page.goto(`${BASE()}/inbox`)
      await page.getByTestId(`inbox-item-${created.body.id}`).click()
      await page.getByTestId('approve').waitFor()
      await page.keyboard.press('r')
      await focused(page, 'decision-notes')
      await page.getByTestId('decision-notes').fill('Off brand')
      await page.locator('.ant-modal').getByRole('button', { name: 'Reject' }).click()
      await page.getByText(/Rejected: draft/).waitFor()

      // the other tab follows live: the card is finished and says why
      await board.locator(`[data-testid="column-done"] ${card}`).waitFor({ timeout: 15_000 })
      await board.locator(card).getByText('rejected').waitFor()
      const stored = await call(actors.tokens.admin, 'GET', `/api/tasks/${task.id}`)
      assert.equal(stored.body.column, 'done')
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('a browser whose clock is behind never shows a time in the future', async ({ assert }) => {
    const actors = await makeActors()
    const viewer = await makeUser(Role.Viewer)
    await Agent.query()
      .where('id', actors.agent.id)
      .update({ last_update_at: DateTime.now().toSQL() })
    const { context, page } = await contextFor(viewer.email)
    try {
      // 45 seconds behind the server
      await context.clock.install({ time: Date.now() - 45_000 })
      // the agent's page (the cards page lists many agents, a page at a time)
      await page.goto(`${BASE()}/agents/show/${actors.agent.id}`)
      const row = page.locator('.ant-descriptions-row', { hasText: 'Last update' })
      await row.waitFor()
      const text = await row.innerText()
      assert.include(text, 'just now')
      assert.notMatch(text, /\bin \d+ (s|min)\b/)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })
})
