import { test } from '@japa/runner'
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

/*
| The replay: any card's history opens beside the board (not thousands of
| pixels below it), to the second, with the audit entries for those who may
| read the audit log; the scrubber's time stays readable while dragging.
*/
test.group('Admin: replay history', (group) => {
  useAdminBrowser(group)

  test("a card's history opens from the card: to the second; audit entries for admins only", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const closer = await makeUser(Role.Closer)
    const task = await createTask(actors, { title: `History ${unique()}`, column: 'backlog' })
    await call(actors.tokens.admin, 'PATCH', `/api/tasks/${task.id}`, { column: 'doing' })

    for (const [user, audits] of [
      [admin, true],
      [closer, false],
    ] as const) {
      const { context, page } = await contextFor(user.email)
      try {
        await page.goto(`${BASE()}/replay`)
        const card = page.locator(
          `[data-testid="replay-board"] [data-testid="task-card-${task.id}"]`
        )
        await card.waitFor()
        await card.getByTestId(`history-${task.id}`).click()
        const drawer = page.locator('.ant-drawer-open')
        await drawer.getByText(`History of “${task.title}”`).waitFor()
        await drawer.getByTestId('timeline-event').first().waitFor()
        // the drawer is on screen, not below the board
        const box = (await drawer.locator('.ant-drawer-content').boundingBox())!
        assert.isBelow(box.y, page.viewportSize()!.height, 'the history is in view')
        const times = await drawer.locator('time').allInnerTexts()
        assert.isNotEmpty(times)
        for (const time of times) assert.match(time, /\d{2}:\d{2}:\d{2}$/, 'to the second')
        assert.include(await drawer.innerText(), 'task.moved')
        assert.equal(
          (await drawer.getByTestId('timeline-audit').count()) > 0,
          audits,
          `${user.role}: audit entries ${audits ? 'shown' : 'not shown'}`
        )
      } finally {
        await debugShot(page)
        await context.close()
      }
    }
  })

  test('on a phone, while the scrubber is dragged, nothing covers the chosen time', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const viewer = await makeUser(Role.Viewer)
    await createTask(actors, { title: `Scrub ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(viewer.email, PHONE)
    try {
      await page.goto(`${BASE()}/replay`)
      const handle = page.locator('[data-testid="replay-slider"] [role="slider"]')
      await handle.waitFor()
      const box = (await handle.boundingBox())!
      const before = await page.getByTestId('replay-at').innerText()
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await page.mouse.down()
      await page.waitForTimeout(200)
      // to the start, under the time label
      const rail = (await page
        .locator('[data-testid="replay-slider"] .ant-slider-rail')
        .boundingBox())!
      await page.mouse.move(rail.x + 30, box.y + box.height / 2, { steps: 8 })
      // the chosen time is the label above the scrubber, following the drag; no
      // tooltip floats over the page (it covered the time)
      assert.notEqual(await page.getByTestId('replay-at').innerText(), before)
      assert.equal(await page.locator('.ant-slider-tooltip:visible').count(), 0)
      assert.match(await page.getByTestId('replay-at').innerText(), /\d{2}:\d{2}:\d{2}$/)
      await page.mouse.up()
    } finally {
      await debugShot(page)
      await context.close()
    }
  })
})
