import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright-core'
import { DateTime } from 'luxon'
import Task from '#models/task'
import { TaskColumn } from '#enums/task'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DIST } from '#services/admin_files'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { call, makeActors } from '#tests/helpers/actors'
import {
  BASE,
  contextFor,
  createTask,
  debugShot,
  drag,
  unique,
  untilFramed,
  useAdminBrowser,
  allowPageErrors,
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
      // not antd's Result and its 403/404/500 pictures: the app's own answers need none of them
      assert.notExists(
        scripts.find((script) => /\/result-[\w-]+\.js$/.test(script.url)),
        "antd's Result in the board's first load"
      )
      // the page names its icon, a hashed file (not /favicon.ico, answered with the page's HTML)
      assert.match(
        (await page.locator('link[rel="icon"]').getAttribute('href')) ?? '',
        /^\/assets\/favicon-[\w-]+\.svg$/
      )

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

  test("the board's data: in the page on a load, asked for once on the way from another screen, a skeleton meanwhile", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const operator = await makeUser(Role.Operator)
    const task = await createTask(actors, { title: `First load ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(operator.email)
    // the server draws its first frame (after a start its worker loads first)
    await untilFramed(context)
    try {
      const sent: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname.startsWith('/api/')) sent.push(url.pathname)
      })
      // a load of the board: its data came with the page (backend/services/first_frame.ts)
      await page.goto(`${BASE()}/board`)
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      await page.waitForFunction(
        () => !(globalThis as any).document.getElementById('mc-first-frame')
      )
      assert.notInclude(sent, '/api/tasks', sent.join(', '))
      assert.notInclude(sent, '/api/agents', sent.join(', '))

      // from the Home, slow tasks: the board's shape shows meanwhile, then the cards
      await page.goto(`${BASE()}/`)
      await page.getByTestId('tasks-by-column').waitFor()
      await page.route('**/api/tasks?**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2500))
        await route.continue()
      })
      sent.length = 0
      await page.locator('.ant-layout-sider a[href="/board"]').click()
      await page.getByTestId('board-skeleton').waitFor()
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      assert.equal(await page.getByTestId('board-skeleton').count(), 0)
      assert.lengthOf(
        sent.filter((path) => path === '/api/tasks'),
        4,
        "each column's tasks are asked for once"
      )
      assert.lengthOf(
        sent.filter((path) => path === '/api/agents'),
        1,
        'the agents are asked for once'
      )
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("the page's data is asked for by its own small script, while the app's script still loads (the Home)", async ({
    assert,
  }) => {
    const operator = await makeUser(Role.Operator)
    const { context, page: signedIn } = await contextFor(operator.email)
    // a page of its own: the sign-in page's requests are not counted
    await signedIn.close()
    const page = await context.newPage()
    try {
      const asked: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname.startsWith('/api/')) asked.push(url.pathname)
      })
      // the app's script held back (a slow network, or a slow machine starting it)
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      let held = 0
      await page.route(/\/assets\/start-[^/]+\.js$/, async (route) => {
        held++
        await released
        await route.continue()
      })
      await page.goto(`${BASE()}/`, { waitUntil: 'commit' })
      const all = () => asked.includes('/api/auth/me') && asked.includes('/api/summary')
      for (let i = 0; i < 100 && !all(); i++) {
        await page.waitForTimeout(50)
      }
      assert.equal(held, 1)
      assert.include(asked, '/api/auth/me', 'the session check left before the app started')
      assert.include(asked, '/api/summary', "the Home's data too")
      release()
      await page.getByTestId('tasks-by-column').waitFor()
      // and the app took those answers: nothing asked for twice
      for (const path of ['/api/auth/me', '/api/summary']) {
        assert.lengthOf(
          asked.filter((one) => one === path),
          1,
          asked.join(', ')
        )
      }
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("antd's styles for the first paint come with the build, for a light and a dark page: the page does not compute them", async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      /** The antd rules the page generated itself, in <style> elements, for these components. */
      const generated = () =>
        page.evaluate(() =>
          ['.ant-btn', '.ant-menu', '.ant-layout-sider', '.ant-badge', '.ant-typography'].filter(
            (selector) =>
              [...(globalThis as any).document.querySelectorAll('style')].some((style: any) =>
                style.textContent.includes(`${selector}{`)
              )
          )
        )
      const looks = () =>
        page.evaluate(() => {
          const w = globalThis as any
          const style = (selector: string) => w.getComputedStyle(w.document.querySelector(selector))
          return {
            stylesheet: w.document.getElementById('antd-styles').getAttribute('href'),
            button: style('.ant-btn-primary').backgroundColor,
            menu: style('.ant-menu').backgroundColor,
            buttonDisplay: style('.ant-btn-primary').display,
          }
        })
      const appRunning = () =>
        page.waitForFunction(() => !(globalThis as any).document.getElementById('mc-first-frame'))
      await page.goto(`${BASE()}/board`)
      await page.getByTestId('board').waitFor()
      await appRunning()
      const light = await looks()
      assert.match(light.stylesheet, /^\/assets\/antd-light-[\w-]+\.css$/)
      assert.equal(light.buttonDisplay, 'inline-flex')
      assert.deepEqual(await generated(), [])

      // switched to dark (antd computes the dark styles in the page, as before)
      await page.getByTestId('theme-switch').click()
      await page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'dark'
      )
      for (let i = 0; i < 50; i++) {
        const row = await db.from('user_preferences').where('user_id', admin.id).first()
        if (row?.theme === 'dark') break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      // the next dark page: the dark stylesheet instead, from before the app's script
      await page.reload()
      await page.getByTestId('board').waitFor()
      await appRunning()
      await page.getByTestId('theme-switch').waitFor()
      assert.equal(await page.evaluate<string>('document.documentElement.dataset.theme'), 'dark')
      const dark = await looks()
      assert.match(dark.stylesheet, /^\/assets\/antd-dark-[\w-]+\.css$/)
      assert.equal(dark.buttonDisplay, 'inline-flex')
      assert.notEqual(dark.menu, light.menu, 'the menu is dark')
      assert.deepEqual(await generated(), [])
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('a part of the frame whose code cannot be loaded (a new deploy, no network) says so; the page stays', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    try {
      await page.route(/\/assets\/(notification_list|change_password)-[^/]+\.js$/, (route) =>
        route.abort()
      )
      allowPageErrors(/Failed to fetch dynamically imported module/)
      await page.goto(`${BASE()}/board`)
      await page.getByTestId('board').waitFor()
      await page.getByTestId('notification-bell').click()
      await page.getByText('The list could not be loaded: reload the page').waitFor()
      await page.keyboard.press('Escape')
      await page.getByTestId('account-menu').click()
      await page.getByRole('menuitem', { name: 'Change password' }).click()
      await page.getByText('Change password could not be loaded').waitFor()
      assert.isTrue(await page.getByRole('button', { name: 'Reload the page' }).isVisible())
      // the app is still there behind it
      assert.isTrue(await page.getByTestId('board').isVisible())
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("the board's code arriving late: the server's frame stays until it is here, then the board with its cards, never a spinner, a suspended screen or a skeleton", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const operator = await makeUser(Role.Operator)
    const task = await createTask(actors, { title: `Late code ${unique()}`, column: 'doing' })
    const { context, page } = await contextFor(operator.email)
    // the server draws its first frame (after a start its worker loads first)
    await untilFramed(context)
    try {
      // every placeholder and screen as it comes and goes, seen from inside the page
      await page.addInitScript(() => {
        const w = globalThis as any
        w.__shown = []
        const seen = new Map<string, boolean>()
        new w.MutationObserver(() => {
          for (const [name, selector] of [
            ['suspended', '[data-testid="screen-suspended"]'],
            ['loading', '[aria-label="Loading"]'],
            ['board', '[data-testid="board"]'],
            ['skeleton', '[data-testid="board-skeleton"]'],
          ]) {
            const has = !!w.document.querySelector(selector)
            if (seen.get(name) !== has) {
              seen.set(name, has)
              if (has) w.__shown.push(name)
            }
          }
        }).observe(w.document, { subtree: true, childList: true })
      })
      // the board's own code held back until the layout is drawn (a slow network)
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      let held = 0
      await page.route(/\/assets\/board-[^/]+\.js$/, async (route) => {
        held++
        await released
        await route.continue()
      })
      await page.goto(`${BASE()}/board`)
      await page.locator(`#mc-first-frame [data-frame-testid="task-card-${task.id}"]`).waitFor()
      for (let i = 0; i < 100 && held === 0; i++) await page.waitForTimeout(50)
      assert.equal(held, 1, "the board's code was asked for with the app's start")
      // the data came with the page; the frame stays while the code is held
      await page.waitForTimeout(800)
      assert.isTrue(await page.locator('#mc-first-frame').isVisible())
      release()
      await page.waitForFunction(
        () => !(globalThis as any).document.getElementById('mc-first-frame')
      )
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      const shown: string[] = await page.evaluate(() => (globalThis as any).__shown)
      assert.include(shown, 'board')
      // a suspended screen's fallback is held on screen 300 ms after the code is there (React)
      assert.notInclude(shown, 'suspended', `shown: ${shown.join(', ')}`)
      assert.notInclude(shown, 'loading', `shown: ${shown.join(', ')}`)
      // its data came while the code was held: the cards in the board's first pass, no skeleton first
      assert.notInclude(shown, 'skeleton', `shown: ${shown.join(', ')}`)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test("a column with more cards than it draws: the server's count, the newest first, more on scroll", async ({
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
        createdAt: old.minus({ seconds: i }),
      }))
    )
    const task = await createTask(actors, { title: `Newest ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(admin.email)
    // the server draws its first frame (after a start its worker loads first)
    await untilFramed(context)
    try {
      const asked: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname === '/api/tasks' && url.searchParams.get('column') === 'done') {
          asked.push(url.searchParams.get('_start') ?? '')
        }
      })
      await page.goto(`${BASE()}/board`)
      await page
        .locator(`[data-testid="column-backlog"] [data-testid="task-card-${task.id}"]`)
        .waitFor()
      const done = page.getByTestId('column-done')
      await done.locator('[data-testid^="task-card-"]').first().waitFor()
      // the count is the server's, not the cards loaded
      const total = await call(actors.tokens.admin, 'GET', '/api/tasks?column=done&_end=1')
      const count = Number(total.headers.get('x-total-count'))
      assert.isAtLeast(count, 1001)
      assert.equal(await badge(page, 'done'), count)
      // only what is in view (and a few either side) is drawn
      assert.isBelow(await done.locator('[data-testid^="task-card-"]').count(), 40)
      // its first page came with the page (backend/services/first_frame.ts)
      assert.deepEqual(asked, [])
      // scrolled to the end of what is loaded: the next page comes, and its cards show
      const seen = new Set<string>(
        await done
          .locator('[data-task-title]')
          .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-task-title') ?? ''))
      )
      // the column's first 100 cards as the API orders them (other tests' done tasks may be newer)
      const first100 = await call(
        actors.tokens.admin,
        'GET',
        '/api/tasks?column=done&_sort=created_at&_order=desc&_start=0&_end=100'
      )
      const titles = (first100.body as { title: string }[]).map((row) => row.title)
      for (let i = 0; i < 40 && !seen.has(titles[99]); i++) {
        await done.locator('.mc-column-scroll').hover()
        await page.mouse.wheel(0, 1500)
        await page.waitForTimeout(100)
        for (const title of await done
          .locator('[data-task-title]')
          .evaluateAll((cards) =>
            cards.map((card) => card.getAttribute('data-task-title') ?? '')
          )) {
          seen.add(title)
        }
      }
      assert.includeMembers(asked, ['40', '80'])
      assert.notInclude(asked, '0')
      // newest first: the newest card was drawn first, the 100th comes with the third page
      assert.isTrue(seen.has(titles[0]))
      assert.isTrue(seen.has(titles[99]), [...seen].join(', '))
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('the board with 500 tasks: cold and warm time until it shows its cards, and the bytes of a cold load (printed)', async () => {
    const admin = await makeUser(Role.Admin)
    await seedTasks(500, admin.id)
    const { context, page } = await contextFor(admin.email)
    try {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      let bytes = 0
      cdp.on('Network.loadingFinished', ({ encodedDataLength }) => (bytes += encodedDataLength))
      const cold: number[] = []
      const warm: number[] = []
      const coldBytes: number[] = []
      for (let run = 0; run < 5; run++) {
        await cdp.send('Network.clearBrowserCache')
        bytes = 0
        cold.push(await timeBoard(page))
        await page.waitForLoadState('networkidle')
        coldBytes.push(bytes)
        warm.push(await timeBoard(page))
      }
      console.log(
        `board with 500 tasks shows its cards: cold ${median(cold)} ms (${cold.join(', ')}), ` +
          `warm ${median(warm)} ms (${warm.join(', ')}); ` +
          `cold load ${Math.round(median(coldBytes) / 1024)} kB transferred`
      )
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  // Last: it leaves 5,000 more tasks on the board.
  test('the board with 5,000 tasks is usable, and a drag on it still moves a card', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    await seedTasks(5000, admin.id)
    const { context, page } = await contextFor(admin.email)
    try {
      const times: number[] = []
      for (let run = 0; run < 5; run++) times.push(await timeBoard(page))
      console.log(
        `board with 5000 more tasks usable: median ${median(times)} ms (${times.join(', ')})`
      )
      assert.isBelow(median(times), 15_000)
      // far down the backlog (pages loaded on the way), a drag to Doing is saved
      const backlog = page.getByTestId('column-backlog')
      for (let i = 0; i < 8; i++) {
        await backlog.locator('.mc-column-scroll').hover()
        await page.mouse.wheel(0, 1500)
        await page.waitForTimeout(100)
      }
      assert.isBelow(await page.locator('[data-testid^="task-card-"]').count(), 160)
      const card = backlog.locator('[data-testid^="task-card-"]').nth(6)
      const id = (await card.getAttribute('data-testid'))!.replace('task-card-', '')
      const doingBefore = await badge(page, 'doing')
      await drag(page, `[data-testid="task-card-${id}"]`, '[data-testid="column-doing"]')
      await page.getByText(/^Moved “/).waitFor()
      assert.equal((await Task.findOrFail(id)).column, TaskColumn.Doing)
      assert.equal(await backlog.getByTestId(`task-card-${id}`).count(), 0)
      // the count moves at once, and stays once the columns are asked again
      for (let i = 0; i < 50 && (await badge(page, 'doing')) !== doingBefore + 1; i++) {
        await page.waitForTimeout(100)
      }
      assert.equal(await badge(page, 'doing'), doingBefore + 1)
      await page.waitForLoadState('networkidle')
      assert.equal(await badge(page, 'doing'), doingBefore + 1)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })
})

const COLUMNS = [TaskColumn.Backlog, TaskColumn.Doing, TaskColumn.NeedsApproval, TaskColumn.Done]

/** `count` tasks spread over the four columns, each a second older than the one before. */
async function seedTasks(count: number, createdBy: string) {
  await db.rawQuery(
    `insert into tasks (title, "column", priority, owner_type, created_by, created_at, updated_at)
     select 'Load task ' || i, (?::text[])[1 + i % 4]::text, 'med', 'admin', ?,
            now() - i * interval '1 second', now()
     from generate_series(1, ?) as i`,
    [COLUMNS, createdBy, count]
  )
}

/** From navigation until every column shows its first card. */
async function timeBoard(page: Page) {
  const started = Date.now()
  await page.goto(`${BASE()}/board`)
  for (const column of COLUMNS) {
    await page
      .locator(`[data-testid="column-${column}"] [data-testid^="task-card-"]`)
      .first()
      .waitFor({ timeout: 30_000 })
  }
  return Date.now() - started
}

/** A column's count as its badge says it (the badge's title: its digits roll while they change). */
async function badge(page: Page, column: string) {
  const title = await page
    .getByTestId(`column-${column}`)
    .locator('.ant-scroll-number')
    .first()
    .getAttribute('title')
  return Number(title)
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
