import { get } from 'node:http'
import { utimesSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright-core'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { Role } from '#enums/roles'
import { PASSWORD, makeUser } from '#tests/helpers/users'
import { BrowserSession } from '#tests/helpers/browser_session'
import { FRAMING_AT_ONCE } from '#services/first_frame'
import { call, makeActors } from '#tests/helpers/actors'
import {
  BASE,
  PHONE,
  contextFor,
  createTask,
  debugShot,
  newContext,
  unique,
  untilFramed,
  useAdminBrowser,
} from '#tests/helpers/admin_browser'

/*
| The board's first frame (backend/services/first_frame.ts): a signed-in load
| of /board comes drawn by the server, with the answers it was drawn from in
| the page, and the app takes over from it.
*/

/** Holds back the app's script (src/start.tsx) until `release()`: what the page shows before it runs. */
async function holdApp(page: Page) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/start-[^/]+\.js$/, async (route) => {
    await released
    await route.continue()
  })
  return release
}

/** The API paths the page asked for, as they leave. */
function apiRequests(page: Page) {
  const asked: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname)
  })
  return asked
}

/** The keys of the answers the page came with (none: no such element). */
const pageAnswers = (page: Page) =>
  page.evaluate(() => {
    const given = (globalThis as any).document.getElementById('mc-page-answers')?.textContent
    return given ? (JSON.parse(given) as Record<string, { data: unknown }>) : null
  })

const frameCard = (page: Page, id: string) =>
  page.locator(`#mc-first-frame [data-frame-testid="task-card-${id}"]`)

/** A signed-in profile and a fresh page in it (the sign-in page's requests are not counted). */
async function signedInPage(email: string) {
  const { context, page: signedIn } = await contextFor(email)
  await signedIn.close()
  await untilFramed(context)
  return { context, page: await context.newPage() }
}

/** Opens the board with the app's script held back; resolves once the frame shows `taskId`. */
async function openHeld(page: Page, taskId: string) {
  const release = await holdApp(page)
  await page.goto(`${BASE()}/board`, { waitUntil: 'commit' })
  await frameCard(page, taskId).waitFor()
  return release
}

/** The app has rendered over the frame. */
const appRunning = (page: Page) =>
  page.waitForFunction(() => !(globalThis as any).document.getElementById('mc-first-frame'))

/** The frame in a page's HTML ('' without one). */
const frameOf = (html: string) =>
  html.match(/<div id="mc-first-frame"[\s\S]*?<script type="application\/json"/)?.[0] ?? ''

/** What the page's frame holds, by test id (cards, Move buttons, menu items), sorted. */
const frameTestIds = (html: string) =>
  [...frameOf(html).matchAll(/data-frame-testid="([^"]+)"/g)].map((m) => m[1]).sort()

/**
 * The frame's menu at the side (from its `<aside>` to its end), without the ids React makes up for
 * each drawing: what a kept menu must show as a drawn one would.
 */
const frameMenu = (html: string) =>
  (frameOf(html).match(/<aside[\s\S]*?<\/aside>/)?.[0] ?? '').replace(/_R_[0-9a-zA-Z]+_/g, 'id')

/** The pages the frame's menu links to. */
const menuLinks = (html: string) =>
  [...frameMenu(html).matchAll(/ant-menu-title-content"><a href="([^"]+)"/g)].map((m) => m[1])

/** The answers a framed page came with, from its HTML. */
function answersIn(html: string) {
  const json = html.match(
    /<script type="application\/json" id="mc-page-answers"[^>]*>([\s\S]*?)<\/script>/
  )
  return json ? JSON.parse(json[1]) : null
}

/** The page the server sends for /board with this context's cookies. */
async function boardHtml(context: BrowserContext, headers: Record<string, string> = {}) {
  const answer = await context.request.get(`${BASE()}/board`, { headers })
  return { status: answer.status(), html: await answer.text() }
}

/** The session cookie of a new person of `role`, signed in through the API. */
async function sessionCookie(role: Role) {
  const person = await makeUser(role)
  const session = new BrowserSession(BASE())
  const login = await session.post('/api/auth/login', { email: person.email, password: PASSWORD })
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`)
  return `mc_session=${session.cookie('mc_session')}`
}

/** GET /board with `cookie`, as it streams in: `head` once its first part is in, `ended` with the whole page. */
function streamBoard(cookie: string) {
  const chunks: string[] = []
  let headIn!: () => void
  const head = new Promise<void>((resolve) => (headIn = resolve))
  let over = false
  const ended = new Promise<{ status: number; html: string }>((resolve, reject) => {
    get(`${BASE()}/board`, { headers: { cookie } }, (response) => {
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        chunks.push(chunk)
        headIn()
      })
      response.on('end', () => {
        over = true
        resolve({ status: response.statusCode ?? 0, html: chunks.join('') })
      })
      response.on('error', reject)
    }).on('error', reject)
  })
  return { head, ended, sofar: () => chunks.join(''), over: () => over }
}

/** The plain page: no frame, no answers, the app's own scripts. */
const isPlain = (html: string) =>
  html.includes('<div id="root"></div>') &&
  !html.includes('data-frame-mode') &&
  !html.includes('mc-page-answers')

test.group('Admin: the board first frame', (group) => {
  useAdminBrowser(group)

  test('a signed-in load shows its cards before the app runs, asks for none of its data again, and the app takes over', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const tasks = await Promise.all(
      ['backlog', 'doing', 'needs_approval', 'done'].map((column) =>
        createTask(actors, { title: `Framed ${column} ${unique()}`, column })
      )
    )
    const { context, page } = await signedInPage(admin.email)
    try {
      const asked = apiRequests(page)
      const release = await holdApp(page)
      await page.goto(`${BASE()}/board`, { waitUntil: 'commit' })
      // every column's newest card, drawn by the server, on screen while the app's script is held
      for (const task of tasks) await frameCard(page, task.id).waitFor()
      assert.equal(await page.locator('#mc-first-frame').getAttribute('inert'), '')
      assert.isTrue(await page.getByText('Board', { exact: true }).first().isVisible())
      const answers = await pageAnswers(page)
      assert.sameMembers(
        Object.keys(answers ?? {}).map((key) => key.split('?')[0]),
        ['/api/auth/me', '/api/tasks', '/api/tasks', '/api/tasks', '/api/tasks', '/api/agents']
      )

      release()
      await appRunning(page)
      await page.getByTestId(`task-card-${tasks[0].id}`).waitFor()
      // the app's scripts were asked for only once the frame was on screen (admin/theme.js adds
      // them from the page's template): fetched and compiled with it, they delayed its pixels
      const order = (await page.evaluate(`(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]
        return {
          painted: paint ? paint.startTime : null,
          scripts: performance
            .getEntriesByType('resource')
            .filter((entry) => /\\/assets\\/(boot|index|start)-[^/]+\\.js$/.test(entry.name))
            .map((entry) => ({ name: entry.name.split('/').pop(), asked: entry.startTime })),
        }
      })()`)) as { painted: number | null; scripts: { name: string; asked: number }[] }
      assert.isNotNull(order.painted)
      assert.lengthOf(order.scripts, 3, JSON.stringify(order.scripts))
      for (const script of order.scripts) {
        assert.isAtLeast(script.asked, order.painted!, `${script.name} asked before the paint`)
      }
      // the app took the page's answers: the session and the board's lists were not asked again
      for (const path of ['/api/auth/me', '/api/tasks', '/api/agents']) {
        assert.notInclude(asked, path, asked.join(', '))
      }
      // and it is the app: a card moves
      await page.getByTestId(`move-${tasks[0].id}`).click()
      await page.getByTestId('move-to-doing').click()
      await page
        .locator(`[data-testid="column-doing"] [data-testid="task-card-${tasks[0].id}"]`)
        .waitFor()
      const saved = await call(actors.tokens.admin, 'GET', `/api/tasks/${tasks[0].id}`)
      assert.equal((saved.body as { column: string }).column, 'doing')
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('signed out, an agent token, a made-up or ended session: the plain page, nothing of the board in it', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const task = await createTask(actors, {
      title: `Not for strangers ${unique()}`,
      column: 'backlog',
    })
    const context = await newContext()
    try {
      const plain = (html: string) => {
        assert.notInclude(html, 'mc-first-frame')
        assert.notInclude(html, 'mc-page-answers')
        assert.notInclude(html, task.title)
        assert.include(html, '<div id="root"></div>')
      }
      const nobody = await boardHtml(context)
      assert.equal(nobody.status, 200)
      plain(nobody.html)
      const agent = await boardHtml(context, { authorization: `Bearer ${actors.tokens.agent}` })
      assert.equal(agent.status, 200)
      plain(agent.html)
      const madeUp = await boardHtml(context, { cookie: 'mc_session=s%3Anot-a-session.x' })
      assert.equal(madeUp.status, 200)
      plain(madeUp.html)

      // a person signed in, then switched off by an admin: their cookie draws nothing any more
      const closer = await makeUser(Role.Closer)
      const { context: theirs } = await contextFor(closer.email)
      try {
        assert.include(await untilFramed(theirs), 'mc-first-frame')
        await User.query().where('id', closer.id).update({ isActive: false })
        const ended = await boardHtml(theirs)
        assert.equal(ended.status, 200)
        plain(ended.html)
      } finally {
        await theirs.close()
      }
    } finally {
      await context.close()
    }
  })

  test("a viewer's frame is a viewer's board: no Move, no Create, the viewer's own session in the page", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const viewer = await makeUser(Role.Viewer)
    const task = await createTask(actors, { title: `Viewed ${unique()}`, column: 'backlog' })
    const { context, page } = await signedInPage(viewer.email)
    try {
      const release = await openHeld(page, task.id)
      assert.equal(await page.locator('#mc-first-frame [data-frame-testid^="move-"]').count(), 0)
      assert.equal(await page.locator('#mc-first-frame').getByText('Create').count(), 0)
      const answers = await pageAnswers(page)
      const me = Object.entries(answers ?? {}).find(([key]) => key.startsWith('/api/auth/me'))
      assert.deepInclude(me?.[1].data as object, { email: viewer.email, role: 'viewer' })
      release()
      await appRunning(page)
      await page.getByText('Your role can see the board but not move tasks.').waitFor()
      assert.equal(await page.locator('[data-testid^="move-"]').count(), 0)
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('what an agent or a person writes cannot break out of the page: a title with markup and replacement patterns', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const title = `</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> $& $' $\` ${unique()}`
    const task = await createTask(actors, { title, column: 'backlog' })
    const { context, page } = await signedInPage(admin.email)
    try {
      const release = await openHeld(page, task.id)
      assert.equal(await frameCard(page, task.id).getAttribute('data-task-title'), title)
      const answers = await pageAnswers(page)
      assert.include(JSON.stringify(answers), JSON.stringify(title).slice(1, -1))
      release()
      await appRunning(page)
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      assert.equal(
        await page.getByTestId(`task-card-${task.id}`).getAttribute('data-task-title'),
        title
      )
      assert.isUndefined(await page.evaluate(() => (globalThis as any).__pwned))
    } finally {
      await debugShot(page)
      await context.close()
    }
  })

  test('a phone, or a device in the other colour mode, is not shown a frame drawn for another; the same mode is', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const admin = await makeUser(Role.Admin)
    const task = await createTask(actors, { title: `Modes ${unique()}`, column: 'backlog' })

    /** Loads the board with the app held: whether the frame shows, its mode, the stylesheet. */
    async function load(context: BrowserContext) {
      const page = await context.newPage()
      const release = await holdApp(page)
      await page.goto(`${BASE()}/board`, { waitUntil: 'commit' })
      await page.locator(`#mc-first-frame [data-frame-testid="task-card-${task.id}"]`).waitFor({
        state: 'attached',
      })
      await page.waitForLoadState('domcontentloaded')
      const seen = {
        shown: await frameCard(page, task.id).isVisible(),
        mode: await page.evaluate(
          () => (globalThis as any).document.documentElement.dataset.frameMode
        ),
        stylesheet: await page.locator('#antd-styles').getAttribute('href'),
      }
      release()
      await appRunning(page)
      await page.getByTestId(`task-card-${task.id}`).waitFor()
      await page.close()
      return seen
    }

    const { context: phone, page: onPhone } = await contextFor(admin.email, PHONE)
    await onPhone.close()
    try {
      await untilFramed(phone)
      assert.isFalse((await load(phone)).shown, 'drawn for a wide screen: not on a phone')
    } finally {
      await phone.close()
    }

    const { context: desk, page: atDesk } = await contextFor(admin.email)
    await atDesk.close()
    try {
      await untilFramed(desk)
      assert.deepInclude(await load(desk), { shown: true, mode: 'light' })
      // turned dark in the app (kept by the server, and by this device for the next frame)
      const page = await desk.newPage()
      await page.goto(`${BASE()}/board`)
      await page.getByTestId('theme-switch').click()
      await page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'dark'
      )
      await page.close()
      const dark = await load(desk)
      assert.deepInclude(dark, { shown: true, mode: 'dark' })
      assert.match(dark.stylesheet ?? '', /antd-dark-/)
      // the server told light while this device is dark (another tab, a cookie lost): that
      // frame is not shown, and the page's stylesheet is the dark one
      await desk.addCookies([{ name: 'mc-theme', value: 'light', url: BASE() }])
      const stale = await load(desk)
      assert.deepInclude(stale, { shown: false, mode: 'light' })
      assert.match(stale.stylesheet ?? '', /antd-dark-/)
    } finally {
      await desk.close()
    }
  })
  test("a session's next frames are drawn from its kept checks and menu and show the same; the other colour mode and a person whose role changed get their own; a late drawing is dropped", async ({
    assert,
  }) => {
    const actors = await makeActors()
    const person = await makeUser(Role.Admin)
    const task = await createTask(actors, { title: `Kept ${unique()}`, column: 'backlog' })
    const { context, page } = await contextFor(person.email)
    await page.close()
    try {
      // the first drawing for this session runs its checks; the next ones start from them
      const first = await untilFramed(context)
      const next = await boardHtml(context)
      const shown = frameTestIds(first)
      assert.include(shown, `task-card-${task.id}`)
      assert.include(shown, `move-${task.id}`)
      assert.deepEqual(frameTestIds(next.html), shown)
      assert.include(frameOf(next.html), '<span>Create</span>')
      // the menu too: the next frames put in the one drawn with every check answered
      assert.includeMembers(menuLinks(first), ['/board', '/inbox', '/audit', '/users', '/webhooks'])
      assert.equal(frameMenu(next.html), frameMenu(first))
      assert.match(frameMenu(next.html), /ant-menu-item-selected"[^>]*>.*?href="\/board"/)

      // the other colour mode has a menu of its own, not the light one kept
      await context.addCookies([{ name: 'mc-theme', value: 'dark', url: BASE() }])
      const dark = frameMenu((await boardHtml(context)).html)
      assert.match(dark, /<aside[^>]*background-color:#141414/)
      assert.notMatch(frameMenu(next.html), /background-color:#141414/)
      assert.equal(frameMenu((await boardHtml(context)).html), dark)
      await context.addCookies([{ name: 'mc-theme', value: 'light', url: BASE() }])

      // made a viewer: the checks kept for the admin are not theirs any more
      await User.query().where('id', person.id).update({ role: Role.Viewer })
      const demoted = await boardHtml(context)
      const theirs = frameTestIds(demoted.html)
      assert.include(theirs, `task-card-${task.id}`)
      assert.notInclude(theirs, `move-${task.id}`)
      assert.notInclude(frameOf(demoted.html), '<span>Create</span>')
      assert.deepInclude(answersIn(demoted.html)?.['/api/auth/me?']?.data, { role: 'viewer' })
      // and the admin's menu kept is not theirs either: no Audit log, Users or Webhooks in it
      const viewerLinks = menuLinks(demoted.html)
      assert.include(viewerLinks, '/board')
      for (const adminOnly of ['/audit', '/users', '/webhooks']) {
        assert.notInclude(viewerLinks, adminOnly)
      }
      assert.equal(frameMenu((await boardHtml(context)).html), frameMenu(demoted.html))

      // the worker's module: a drawing whose page stopped waiting is not drawn at all
      const frames = await import(
        pathToFileURL(app.makePath('admin/dist/.ssr/first_frame.js')).href
      )
      const answers = answersIn(next.html)
      assert.isNull(await frames.renderFirstFrame('/board', answers, 'light', Date.now() - 1))
      assert.include(
        await frames.renderFirstFrame('/board', answers, 'light', Date.now() + 60_000),
        `task-card-${task.id}`
      )
    } finally {
      await context.close()
    }
  })

  test('the page starts at once: its head goes out before the frame, and an API that hangs ends it as the plain page', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    await page.close()
    await untilFramed(context)
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
    // the board's lists wait behind a lock: the API cannot answer them
    const locked = await db.transaction()
    try {
      await locked.rawQuery('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE')
      const board = streamBoard(cookie)
      // its head is out while the API is still held: the stylesheets, the colour mode
      await board.head
      const head = board.sofar()
      assert.include(head, 'data-frame-mode="light"')
      assert.include(head, '<link rel="stylesheet" id="antd-styles"')
      assert.notInclude(head, 'id="root"')
      // and it ends, the lock still held, as the plain page: the app asks for its data itself
      const { status, html } = await board.ended
      assert.equal(status, 200)
      assert.include(html, '<div id="root"></div><script type="module" async')
      assert.notInclude(html, 'mc-first-frame')
      assert.notInclude(html, 'mc-page-answers')
      assert.match(html, /<script type="module" crossorigin src="\/assets\/index-[^"]+"><\/script>/)
    } finally {
      await locked.rollback()
      await context.close()
    }
  })
  test('a new build: the first board goes out plain at once while the drawing worker loads, the next one is drawn', async ({
    assert,
  }) => {
    const admin = await makeUser(Role.Admin)
    const { context, page } = await contextFor(admin.email)
    await page.close()
    try {
      await untilFramed(context)
      // the server runs a new worker for a new build of the frame's module
      const built = app.makePath('admin/dist/.ssr/first_frame.js')
      const later = new Date(Date.now() + 1000)
      utimesSync(built, later, later)
      const first = await boardHtml(context)
      assert.equal(first.status, 200)
      assert.include(first.html, '<div id="root"></div>')
      // not held for the loading worker: the plain page as it is, not a page waiting for its frame
      assert.notInclude(first.html, 'data-frame-mode')
      assert.notInclude(first.html, 'mc-page-answers')
      assert.include(await untilFramed(context), 'mc-page-answers')
    } finally {
      await context.close()
    }
  })
  test('one board in the making per session and a few in all: past that the page goes out plain at once, and the next is framed again', async ({
    assert,
  }) => {
    const mine = await sessionCookie(Role.Admin)
    const others = await Promise.all(
      Array.from({ length: FRAMING_AT_ONCE }, () => sessionCookie(Role.Viewer))
    )
    // the worker is loaded: a board of this session is framed
    for (let tries = 0; ; tries++) {
      if ((await streamBoard(mine).ended).html.includes('<div id="mc-first-frame"')) break
      if (tries > 150) throw new Error('the server never drew the board')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // the board's lists wait behind a lock: each framed page stays in the making until it goes
    const locked = await db.transaction()
    const held: ReturnType<typeof streamBoard>[] = []
    try {
      await locked.rawQuery('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE')
      const first = streamBoard(mine)
      held.push(first)
      await first.head
      assert.include(first.sofar(), 'data-frame-mode')

      // the same session again (a second tab, a script in a loop): the plain page, at once
      const again = await streamBoard(mine).ended
      assert.equal(again.status, 200)
      assert.isTrue(isPlain(again.html), 'a second board of one session is plain')
      assert.isFalse(first.over(), 'the first one is still being made')

      // other people's boards are framed, up to FRAMING_AT_ONCE in the making
      for (const cookie of others.slice(0, FRAMING_AT_ONCE - 1)) {
        const theirs = streamBoard(cookie)
        held.push(theirs)
        await theirs.head
        assert.include(theirs.sofar(), 'data-frame-mode')
      }
      // one more: it would wait behind the queue, so it is the plain page at once
      const past = await streamBoard(others[FRAMING_AT_ONCE - 1]).ended
      assert.equal(past.status, 200)
      assert.isTrue(isPlain(past.html), 'a board past the limit is plain')
      assert.isTrue(
        held.every((page) => !page.over()),
        'the framed ones are all still being made'
      )
    } finally {
      await locked.rollback()
    }
    // the lock gone, the held pages end with their frames, and each one counted out
    for (const page of held) {
      const { status, html } = await page.ended
      assert.equal(status, 200)
      assert.include(html, '<div id="mc-first-frame"')
    }
    assert.include(
      (await streamBoard(others[FRAMING_AT_ONCE - 1]).ended).html,
      '<div id="mc-first-frame"'
    )
    assert.include((await streamBoard(mine).ended).html, '<div id="mc-first-frame"')
  })
})
