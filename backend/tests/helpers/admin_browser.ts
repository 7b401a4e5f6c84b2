import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Group } from '@japa/runner/core'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import app from '@adonisjs/core/services/app'
import { PASSWORD } from '#tests/helpers/users'
import { CHROMIUM_ARGS } from '#tests/helpers/chromium'
import { call, type Actors } from '#tests/helpers/actors'
import Lead from '../../../plugins/leads/models/lead.js'
import { LeadScore, LeadStatus } from '../../../plugins/leads/enums.js'

/*
| The admin app in a real browser: Debian's Chromium (never a downloaded
| one) through playwright-core, against the test server, which serves
| admin/dist (built by the runner's setup, helpers/admin_build.ts).
|
| Every page a browser test opens is watched: an uncaught error, a React
| error, a Content-Security-Policy violation or anything else the page
| logs as an error fails the test that opened it (a resource the server
| refused, e.g. a 409 a test provokes, is not the page's fault and is not
| counted). `useAdminBrowser(group)` wires this into a test group.
*/

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`
export const SCREENSHOTS = app.makePath('docs/screenshots')
export const VIEWPORT = { width: 1280, height: 800 }
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

type ContextOptions = Parameters<Browser['newContext']>[0]

/** What the pages of the current test did wrong; checked after each test. */
const problems: string[] = []

/**
 * Chromium's own line for a response with an error status, or a request the
 * network (or the test, aborting it) failed: not a fault of the page.
 */
const REFUSED_RESOURCE = /^Failed to load resource: /

/** Errors the current test causes on purpose (allowPageErrors); cleared before each test. */
const allowed: RegExp[] = []

/** The current test makes the page fail this way on purpose: those errors are not the page's fault. */
export function allowPageErrors(pattern: RegExp) {
  allowed.push(pattern)
}

function watch(context: BrowserContext) {
  context.on('weberror', (error) => {
    problems.push(`${error.page()?.url() ?? 'page'}: uncaught ${error.error().message}`)
  })
  context.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    if (REFUSED_RESOURCE.test(text) || allowed.some((pattern) => pattern.test(text))) return
    problems.push(`${message.location().url}: console.error ${text.slice(0, 500)}`)
  })
  if (process.env.BROWSER_DEBUG) {
    context.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`))
    context.on('request', (r) => console.log(`[browser req] ${r.method()} ${r.url()}`))
    context.on('requestfinished', async (r) =>
      console.log(`[browser done] ${(await r.response())?.status()} ${r.url()}`)
    )
  }
  return context
}

let browser: Browser | undefined

/** The group's browser: launched once for the group, closed after it; every test's pages are checked. */
export function useAdminBrowser(group: Group) {
  group.setup(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: install Debian's "chromium" package (apt-get install chromium); ` +
          'the browser suite never downloads a browser.'
      )
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--disable-component-update', '--disable-sync'],
    })
    return async () => {
      await browser?.close()
      browser = undefined
    }
  })
  group.each.setup(() => {
    problems.length = 0
    allowed.length = 0
  })
  group.each.teardown(() => {
    if (problems.length === 0) return
    const found = problems.splice(0)
    throw new Error(`The pages this test opened reported errors:\n${found.join('\n')}`)
  })
}

/**
 * A fresh browser profile (no cookies), watched for page errors. It asks for
 * reduced motion, as a device can (the admin then opens menus and dialogs
 * without animating them): a click on a menu or a dialog that is still
 * zooming in was seen to press on one element and release on another, and
 * do nothing. The animated way is tested on its own (admin.spec.ts).
 */
export async function newContext(options: ContextOptions = {}): Promise<BrowserContext> {
  if (!browser) throw new Error('useAdminBrowser(group) launches the browser first')
  return watch(
    await browser.newContext({
      viewport: VIEWPORT,
      acceptDownloads: true,
      reducedMotion: 'reduce',
      ...options,
    })
  )
}

export async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${BASE()}/login`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 })
  return page
}

/** A signed-in browser profile for that user (desktop unless options say otherwise). */
export async function contextFor(email: string, options: ContextOptions = {}) {
  const context = await newContext(options)
  const page = await signIn(context, email)
  return { context, page }
}

/**
 * Waits until the server draws the board's first frame for this profile, and
 * answers that page's HTML: after a start its drawing worker loads on the
 * first signed-in page, which goes out plain (backend/services/first_frame.ts).
 */
export async function untilFramed(context: BrowserContext) {
  for (let tries = 0; tries < 150; tries++) {
    const html = await (await context.request.get(`${BASE()}/board`)).text()
    if (html.includes('<div id="mc-first-frame"')) return html
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the server never drew the board for this profile')
}

export async function shot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/** Saved for a failing test when BROWSER_DEBUG is set. */
export async function debugShot(page: Page) {
  if (process.env.BROWSER_DEBUG) await page.screenshot({ path: `/tmp/debug-${Date.now()}.png` })
}

/** Flips the header switch and confirms; a click the popover swallowed is tried again. */
export async function flipGlobalPause(page: Page, confirm: 'Pause all' | 'Resume') {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('global-pause-switch').click()
    const ok = page.locator('.ant-popconfirm').getByRole('button', { name: confirm, exact: true })
    try {
      await ok.click({ timeout: 5000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
      await page.keyboard.press('Escape')
    }
  }
}

/** Drags with the mouse, in small steps, as dnd-kit's pointer sensor expects. */
export async function drag(page: Page, from: string, to: string) {
  // long columns (other suites leave many tasks behind): bring the card into view first
  await page.locator(from).scrollIntoViewIfNeeded()
  const source = await page.locator(from).boundingBox()
  const target = await page.locator(to).boundingBox()
  if (!source || !target) throw new Error(`cannot drag ${from} to ${to}: not on screen`)
  const startY = source.y + source.height / 2
  // drop at the card's height, inside the target column and inside the viewport
  const viewport = page.viewportSize() ?? VIEWPORT
  const dropY = Math.min(
    Math.max(startY, target.y + 20, 20),
    target.y + target.height - 20,
    viewport.height - 20
  )
  await page.mouse.move(source.x + source.width / 2, startY)
  await page.mouse.down()
  await page.mouse.move(source.x + source.width / 2 + 10, startY, { steps: 5 })
  await page.mouse.move(target.x + target.width / 2, dropY, { steps: 15 })
  await page.mouse.up()
}

export async function createTask(actors: Actors, body: Record<string, unknown>) {
  const response = await call(actors.tokens.admin, 'POST', '/api/tasks', {
    priority: 'high',
    ...body,
  })
  if (response.status !== 201) throw new Error(`task: ${JSON.stringify(response.body)}`)
  return response.body as { id: string; title: string; column: string }
}

export async function makeLead(name: string, status = LeadStatus.New) {
  const tag = Math.random().toString(36).slice(2, 10)
  return Lead.create({
    businessName: name,
    niche: 'dentist',
    region: 'Austin, TX',
    website: `https://${tag}.example.com`,
    source: 'browser_test',
    leadScore: LeadScore.A,
    status,
    notes: ['Opened a second clinic in March'],
  })
}

export const unique = () => Math.random().toString(36).slice(2, 8)
