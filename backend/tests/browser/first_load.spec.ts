import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Task from '#models/task'
import { TaskColumn } from '#enums/task'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DIST } from '#services/admin_files'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeActors } from '#tests/helpers/actors'
import {
  BASE,
  contextFor,
  createTask,
  debugShot,
  unique,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/*
| The first load: the admin's files compressed and cached by their hash, and
| the board's data asked for with the session check, not after it.
*/
test.group('Admin: first load', (group) => {
  useAdminBrowser(group)

  test('cold: compressed files; warm: the files come from the cache, only data from the server', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      const answers: { id: string; url: string; encoding?: string; cached: boolean }[] = []
      cdp.on('Network.responseReceived', ({ requestId, response }) => {
        const header = Object.entries(response.headers).find(
          ([name]) => name.toLowerCase() === 'content-encoding'
        )
        answers.push({
          id: requestId,
          url: new URL(response.url).pathname,
          encoding: header?.[1] as string | undefined,
          cached: !!response.fromDiskCache,
        })
      })
      // served from the memory cache: no response from the server at all
      const fromMemory = new Set<string>()
      cdp.on('Network.requestServedFromCache', ({ requestId }) => fromMemory.add(requestId))

      await cdp.send('Network.clearBrowserCache')
      await page.goto(`${BASE()}/board`)
      await page.getByTestId('board').waitFor()
      await page.waitForLoadState('networkidle')
      const scripts = answers.filter((a) => a.url.startsWith('/assets/') && a.url.endsWith('.js'))
      assert.isAbove(scripts.length, 2)
      for (const script of scripts) {
        // the build compresses every file above 1 kB
        const compressed = existsSync(join(DIST, `${script.url}.br`))
        assert.equal(script.encoding, compressed ? 'br' : undefined, script.url)
      }
      assert.isTrue(scripts.some((script) => script.encoding === 'br'))

      // again, warm: every file of the build from the browser's cache, never asked for
      answers.length = 0
      await page.goto(`${BASE()}/board`)
      await page.getByTestId('board').waitFor()
      await page.waitForLoadState('networkidle')
      const assets = answers.filter((a) => a.url.startsWith('/assets/'))
      assert.isAbove(assets.length, 2)
      for (const asset of assets) {
        assert.isTrue(asset.cached || fromMemory.has(asset.id), `${asset.url} from the cache`)
      }
      const index = answers.find((a) => a.url === '/board')
      assert.isFalse(index?.cached ?? true, 'index.html is asked for every time')
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("the board's data is asked for with the session check, not after it, once; a skeleton shows meanwhile", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const operator = await makeUser(Role.Operator)
    const task = await createTask(actors, { title: `First load ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(operator.email)
    try {
      // the browser's own clock for when each request left
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      const sent: { path: string; at: number }[] = []
      cdp.on('Network.requestWillBeSent', ({ request, timestamp }) => {
        const url = new URL(request.url)
        if (url.pathname.startsWith('/api/')) sent.push({ path: url.pathname, at: timestamp })
      })
      await page.goto(`${BASE()}/board`)
      await page.getByTestId(`task-card-${task.id}`).waitFor()

      // the layout asks for the global pause once the session is checked and the
      // app has drawn its frame; the board's data is on its way before that
      const controls = sent.find((r) => r.path === '/api/system/controls')!
      const tasks = sent.filter((r) => r.path === '/api/tasks')
      assert.lengthOf(tasks, 1, 'the tasks are asked for once')
      assert.isBelow(tasks[0].at, controls.at, 'asked for with the session check, not after it')
      assert.lengthOf(
        sent.filter((r) => r.path === '/api/agents'),
        1,
        'the agents are asked for once'
      )
      // slow tasks: the board's shape shows meanwhile, then the cards
      await page.route('**/api/tasks?**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2500))
        await route.continue()
      })
      await page.reload()
      await page.getByTestId('board-skeleton').waitFor()
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      assert.equal(await page.getByTestId('board-skeleton').count(), 0)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('more cards than a board holds: the most recent show, and the board says how many are not shown', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const old = DateTime.now().minus({ days: 30 })
    await Task.createMany(
      Array.from({ length: 1001 }, (_, i) => ({
        title: `Old task ${i}`,
        description: '',
        column: TaskColumn.Done,
        priority: 'low' as any,
        ownerType: 'admin' as any,
        ownerId: null,
        linkedLeadId: null,
        linkedDraftId: null,
        createdBy: admin.id,
        createdAt: old,
      }))
    )
    const task = await createTask(actors, { title: `Newest ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(admin.email)
    try {
      await page.goto(`${BASE()}/board`)
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      const notice = await page.getByTestId('board-hidden').innerText()
      assert.match(notice, /Showing the 1000 most recent of \d+ tasks/)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })
})
