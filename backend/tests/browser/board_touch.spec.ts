import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright-core'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors, call } from '#tests/helpers/actors'
import {
  BASE,
  PHONE,
  contextFor,
  createTask,
  debugShot,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/** A finger: press on `from`, hold, slide to the `to` column, lift (Chromium's touch events through CDP). */
async function touchDrag(context: BrowserContext, page: Page, from: string, to: string) {
  await page.locator(from).scrollIntoViewIfNeeded()
  const source = (await page.locator(from).boundingBox())!
  const target = (await page.locator(to).boundingBox())!
  const viewport = page.viewportSize()!
  const cdp = await context.newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
    })
  const x0 = source.x + source.width / 2
  const y0 = source.y + Math.min(source.height / 2, 20)
  const x1 = target.x + target.width / 2
  const y1 = Math.min(
    Math.max(y0, target.y + 20),
    target.y + target.height - 20,
    viewport.height - 20
  )
  await touch('touchStart', x0, y0)
  await page.waitForTimeout(400) // the press that tells a drag from a scroll
  for (let step = 1; step <= 15; step++) {
    await touch('touchMove', x0 + ((x1 - x0) * step) / 15, y0 + ((y1 - y0) * step) / 15)
    await page.waitForTimeout(16)
  }
  await touch('touchEnd', x1, y1)
}

/*
| Moving cards without a mouse: a finger (a press, then a slide) and the
| card's Move menu, which is also how a phone moves a card between columns
| that sit one under the other.
*/
test.group('Admin: the board by touch', (group) => {
  useAdminBrowser(group)

  test('a finger moves a card: press, hold, slide (a touch tablet)', async ({ assert }) => {
    const actors = await makeActors()
    const operator = await makeUser(Role.Operator)
    const task = await createTask(actors, { title: `Touch me ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(operator.email, {
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
      isMobile: true,
    })
    try {
      await page.goto(`${BASE()}/board`)
      const card = `[data-testid="task-card-${task.id}"]`
      await page.locator(`[data-testid="column-backlog"] ${card}`).waitFor()
      await touchDrag(context, page, card, '[data-testid="column-doing"]')
      await page.locator(`[data-testid="column-doing"] ${card}`).waitFor()
      await page.getByText(/Moved “Touch me/).waitFor()
      const saved = await call(actors.tokens.admin, 'GET', `/api/tasks/${task.id}`)
      assert.equal(saved.body.column, 'doing')
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("on a phone, the card's Move menu moves it, and refuses what the role may not do before sending", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const operator = await makeUser(Role.Operator)
    const task = await createTask(actors, { title: `Phone move ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(operator.email, PHONE)
    try {
      const patches: string[] = []
      page.on('request', (request) => {
        if (request.method() === 'PATCH') patches.push(request.url())
      })
      await page.goto(`${BASE()}/board`)
      const move = page.getByTestId(`move-${task.id}`)
      await move.scrollIntoViewIfNeeded()
      await move.tap()
      const dialog = page.locator('.ant-modal')
      await dialog.getByText(/Move “Phone move/).waitFor()
      // an operator may not finish a task: offered, disabled, with the reason
      assert.isTrue(await dialog.getByTestId('move-to-done').isDisabled())
      await dialog.getByText('Only an admin moves a task to Done').waitFor()
      await dialog.getByTestId('move-to-doing').tap()
      await page
        .locator(`[data-testid="column-doing"] [data-testid="task-card-${task.id}"]`)
        .waitFor()
      await page.getByText(/Moved “Phone move/).waitFor()
      assert.lengthOf(patches, 1)
      const saved = await call(actors.tokens.admin, 'GET', `/api/tasks/${task.id}`)
      assert.equal(saved.body.column, 'doing')
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('a viewer gets no Move control', async ({ assert }) => {
    const actors = await makeActors()
    const viewer = await makeUser(Role.Viewer)
    const task = await createTask(actors, { title: `Look only ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(viewer.email, PHONE)
    try {
      await page.goto(`${BASE()}/board`)
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      assert.equal(await page.getByTestId(`move-${task.id}`).count(), 0)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })
})
