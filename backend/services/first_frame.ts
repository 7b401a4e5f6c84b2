import { stat, readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { SHARE_ENV, Worker } from 'node:worker_threads'
import { PassThrough, type Transform } from 'node:stream'
import { constants, createBrotliCompress, createGzip } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import server from '@adonisjs/core/services/server'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

/*
| The board's first frame: a signed-in load of /board gets a page that shows
| its cards at the first paint, before the app's script has loaded and run
| (about 1.5 s on a small machine), and that holds the answers the app's
| first requests would get, so the app asks for none of them again.
|
| - What is asked: the GETs the page's first script sends (the admin's own
|   code lists them: admin/src/first_frame.tsx, built into admin/dist/.ssr/).
| - How: each is sent to this server over loopback with the visitor's own
|   cookie, so the same routes, session check and policies answer, as if the
|   browser had asked. Nothing is read around them.
| - Drawn by the admin's own components (react-dom/server), in the colour
|   mode the page last had on this device (the `mc-theme` cookie theme.js
|   keeps); a narrow screen or another mode does not show the frame.
| - Streamed: the page's head (its styles) goes out at once, so the browser
|   fetches and reads them while the frame is drawn; the frame and its
|   answers follow. The app's scripts come last, held in a template that
|   admin/theme.js turns into scripts once the frame is on screen: fetched
|   and compiled sooner, they take the cores that draw the frame's pixels.
| - Whenever anything is missing or fails (no session, a refusal, a slow or
|   failing API, no built frame, no frame within FRAME_WAIT_MS), the page
|   ends as the plain page would: the app asks for its data itself. This
|   never answers an error.
*/

const MODULE = app.makePath('admin/dist/.ssr/first_frame.js')

/*
| The longest a page waits for its frame, all told (listing the requests on a
| worker's first load, the API's answers, the drawing), before it ends
| without one. The head is already out by then: the browser has been
| fetching the page's styles and scripts meanwhile, and the app, drawing
| from its own requests, would show the board about this late anyway.
*/
const FRAME_WAIT_MS = () => env.get('BOARD_FIRST_FRAME_WAIT_MS') ?? 2000

/** How long the worker may take to load when it is started ahead of a board. */
const WARM_WAIT_MS = 10_000

/** The session's cookie (config/session.ts): without it nobody is signed in. */
const SESSION_COOKIE = 'mc_session'

/*
| How many boards are framed at once. Each takes six API requests (their
| share of the database pool) and a turn of the one worker (about 50 ms of a
| core), one board after another: past this many, the next board would wait
| behind a queue, and end plain if the wait ran out. It goes out plain at
| once instead: the app asks for its data itself, as it does without a frame.
| And one session has one framed board in the making at a time: a second tab
| opened at the same moment gets the plain page, and a script asking for
| /board again and again does not make the server ask itself six requests
| for each.
*/
export const FRAMING_AT_ONCE = 4

const framing = { total: 0, sessions: new Set<string>() }

/** Counts a framed page in the making (false, counting nothing, when the limits are reached); `done` counts it out. */
function startFraming(session: string): false | { done: () => void } {
  if (framing.total >= FRAMING_AT_ONCE || framing.sessions.has(session)) return false
  framing.total++
  framing.sessions.add(session)
  let counted = true
  return {
    done: () => {
      if (!counted) return
      counted = false
      framing.total--
      framing.sessions.delete(session)
    },
  }
}

/** The value of the session cookie in a Cookie header ('' without one). */
function sessionOf(cookie: string): string {
  return new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`).exec(cookie)?.[1] ?? ''
}

/** Answer headers the app reads (the lists' counts). */
const KEPT_HEADERS = ['x-total-count']

interface PageAnswer {
  status: number
  headers: Record<string, string>
  data: unknown
}

/*
| The drawing runs in a worker thread of its own (the built module is also
| the worker's script): it takes the thread for a hundred ms or more, and
| this thread serves every request and live stream meanwhile. One worker,
| started on the first framed load (a process that serves no board starts
| none; any other page loaded by someone signed in starts it ahead), again
| after a build replaced the module or after it failed; it never keeps the
| process alive. Until it has loaded (about a second), a board goes out
| plain at once.
*/
class FrameWorker {
  #worker: Worker
  #asked = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  #next = 0
  failed = false
  /** Loaded: it has answered once. Until then a board goes out plain, without waiting for it. */
  ready = false

  constructor(readonly version: number) {
    this.#worker = new Worker(pathToFileURL(MODULE), { env: SHARE_ENV })
    this.#worker.on('message', ({ id, value, error }) => {
      this.ready = true
      const asked = this.#asked.get(id)
      this.#asked.delete(id)
      if (error) asked?.reject(new Error(`the first frame failed: ${error}`))
      else asked?.resolve(value)
    })
    const fail = (error: Error) => {
      this.failed = true
      for (const asked of this.#asked.values()) asked.reject(error)
      this.#asked.clear()
    }
    this.#worker.on('error', (error) => {
      logger.warn({ err: error }, 'the board first frame worker failed')
      fail(error)
    })
    this.#worker.on('exit', () => fail(new Error('the first frame worker stopped')))
    // after its listeners: adding a 'message' listener holds the process again
    this.#worker.unref()
  }

  /** The worker's answer to `message`; a TimeoutError once `deadline` (epoch ms) has passed. */
  ask<T>(message: object, deadline: number): Promise<T> {
    const id = this.#next++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.#asked.delete(id)
          reject(
            Object.assign(new Error('the first frame took too long'), { name: 'TimeoutError' })
          )
        },
        Math.max(0, deadline - Date.now())
      )
      // nothing here keeps a stopping process alive
      timer.unref()
      const settle =
        <A extends unknown[]>(then: (...args: A) => void) =>
        (...args: A) => {
          clearTimeout(timer)
          then(...args)
        }
      this.#asked.set(id, {
        resolve: settle(resolve as (v: unknown) => void),
        reject: settle(reject),
      })
      this.#worker.postMessage({ id, ...message })
    })
  }

  stop() {
    void this.#worker.terminate()
  }
}

let current: FrameWorker | undefined

/** The worker of the current build; null when the admin has no built first frame. */
async function frameWorker(): Promise<FrameWorker | null> {
  let version: number
  try {
    version = (await stat(MODULE)).mtimeMs
  } catch {
    return null
  }
  if (!current || current.failed || current.version !== version) {
    current?.stop()
    current = new FrameWorker(version)
  }
  return current
}

/** Loads the worker (it lists the board's requests), in the background. */
function warm(worker: FrameWorker | null) {
  worker?.ask({ pathname: '/board' }, Date.now() + WARM_WAIT_MS).catch(() => {})
}

/** This server's own address, for loopback requests. */
function ownOrigin(): string | null {
  const address = server.getNodeServer()?.address() as AddressInfo | string | null | undefined
  if (!address || typeof address === 'string') return null
  const host =
    address.address === '::' || address.address === '0.0.0.0'
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address
  return `http://${host}:${address.port}`
}

/** What the API answers `key` (a GET path with its query) for this visitor; null unless a 200. */
async function ask(origin: string, key: string, cookie: string, signal: AbortSignal) {
  const answer = await fetch(`${origin}${key}`, {
    // uncompressed: over loopback, compressing and inflating again would only cost CPU
    headers: { cookie, 'accept': 'application/json', 'accept-encoding': 'identity' },
    signal,
    redirect: 'manual',
  })
  if (answer.status !== 200) {
    await answer.body?.cancel()
    return null
  }
  const headers: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = answer.headers.get(name)
    if (value !== null) headers[name] = value
  }
  return { status: 200, headers, data: await answer.json() } satisfies PageAnswer
}

/** JSON that cannot end the `<script>` element it is in, nor be read as markup. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** The colour mode theme.js last found on this device (light unless it said dark). */
function modeOf(cookie: string): 'light' | 'dark' {
  return /(?:^|;\s*)mc-theme=dark(?:;|$)/.test(cookie) ? 'dark' : 'light'
}

let index: { version: number; html: string } | undefined

async function indexHtml(path: string): Promise<string> {
  const version = (await stat(path)).mtimeMs
  if (index?.version !== version) index = { version, html: await readFile(path, 'utf8') }
  return index.html
}

/** The page in the parts it is sent in; null when the build's page is not the one expected. */
function pageParts(page: string, mode: 'light' | 'dark') {
  const root = '<div id="root"></div>'
  // the page's first script (src/boot.ts, vite.config.ts puts it first in <head>): it reads the
  // answers, so here it comes after them, at the end
  const boot = page.match(/<script type="module" async [^>]*><\/script>\s*/)
  const at = page.indexOf(root)
  if (!boot || at === -1 || !page.includes('<html lang="en">')) return null
  // antd's stylesheet of that mode as a link of the page: fetched as soon as the head is read,
  // not once theme.js has run (theme.js swaps it if this device's mode is the other one)
  const styles = page.match(new RegExp(`<script src="[^"]+" [^>]*data-antd-${mode}="([^"]+)"`))
  const link = styles ? `<link rel="stylesheet" id="antd-styles" href="${styles[1]}">` : ''
  // the app's scripts (the entry, its preloads) come after the frame too: read while the server
  // draws, their compiling would take the cores the drawing needs on a small machine
  const scripts: string[] = []
  const head = page
    .slice(0, at)
    .replace(boot[0], '')
    .replace(
      /<script type="module" crossorigin [^>]*><\/script>\s*|<link rel="modulepreload" [^>]*>\s*/g,
      (tag) => {
        scripts.push(tag.trim())
        return ''
      }
    )
    .replace('<html lang="en">', `<html lang="en" data-frame-mode="${mode}">`)
    .replace(/<script src="[^"]+" [^>]*data-antd-light=/, (tag) => link + tag)
  const rest = page.slice(at + root.length)
  const end = boot[0].trim() + scripts.join('') + rest
  return {
    head,
    /** What the plain page has from its root on. */
    plain: root + end,
    /** The frame and the answers it was drawn from, then the rest. */
    framed: (frame: string, answers: Record<string, PageAnswer>, timing: string) =>
      // inert: a picture of the board until the app runs (nothing in it can be clicked or
      // focused); its test ids renamed, so that scripts driving the page find only the app's
      `<div id="root"><div id="mc-first-frame" inert>${frame.replace(/ data-testid="/g, ' data-frame-testid="')}</div></div>` +
      `<script type="application/json" id="mc-page-answers" data-timing="${timing}">${jsonForScript(answers)}</script>` +
      // the app's scripts: admin/theme.js adds them once the frame is on screen
      `<template id="mc-app-scripts">${boot[0].trim()}${scripts.join('')}</template>` +
      rest,
  }
}

/** The page's body, compressed as the browser accepts (it holds the page's data), and how to push out what is written so far. */
function pageStream({ request, response }: HttpContext): { body: Transform; flush: () => void } {
  const accepted = request.encodings()
  if (accepted.includes('br')) {
    response.header('content-encoding', 'br')
    const body = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    return { body, flush: () => body.flush(constants.BROTLI_OPERATION_FLUSH) }
  }
  if (accepted.includes('gzip')) {
    response.header('content-encoding', 'gzip')
    const body = createGzip({ level: 6 })
    return { body, flush: () => body.flush(constants.Z_SYNC_FLUSH) }
  }
  const body = new PassThrough()
  return { body, flush: () => {} }
}

/**
 * Answers the admin's index page with the board's first frame when it can
 * (a signed-in load of a framed path); false when the caller should send the
 * plain page. Once it answers, the page's head is out at once, and the rest
 * follows: the frame when it is drawn in time, or the plain page's body.
 */
export async function sendFramedIndex(ctx: HttpContext, indexPath: string): Promise<boolean> {
  const { request, response } = ctx
  if (request.method() !== 'GET' || env.get('BOARD_FIRST_FRAME') === false) return false
  const cookie = request.header('cookie') ?? ''
  if (!cookie.includes(`${SESSION_COOKIE}=`)) return false
  if (request.url() !== '/board') {
    // someone signed in loads another screen: the worker gets ready for their board
    void frameWorker().then(warm, () => {})
    return false
  }
  const deadline = Date.now() + FRAME_WAIT_MS()
  let parts: ReturnType<typeof pageParts>
  let worker: FrameWorker | null
  let origin: string | null
  try {
    worker = await frameWorker()
    origin = ownOrigin()
    parts = pageParts(await indexHtml(indexPath), modeOf(cookie))
  } catch (error) {
    logger.warn({ err: error }, 'the board went out without its first frame')
    return false
  }
  if (!worker || !origin || !parts) return false
  // still loading (about a second, on the first board after a start or a build): this page
  // goes out plain at once rather than wait for it, and the next one is framed
  if (!worker.ready) {
    warm(worker)
    return false
  }
  const counted = startFraming(sessionOf(cookie))
  if (!counted) return false
  let body: Transform
  try {
    const stream = pageStream(ctx)
    body = stream.body
    response.header('content-type', 'text/html; charset=utf-8')
    response.header('cache-control', 'no-store')
    response.header('vary', 'Accept-Encoding, Cookie')
    body.write(parts.head)
    stream.flush()
  } catch (error) {
    counted.done()
    throw error
  }
  // the rest is written as it comes; the head goes out when this handler returns
  const visit = {
    worker,
    origin,
    cookie,
    pathname: request.url(),
    deadline,
    gone: () => body.destroyed,
  }
  void frameInto(parts, visit)
    .then((rest) => {
      if (!body.destroyed) body.end(rest)
    })
    .catch((error) => logger.warn({ err: error }, 'the board page could not be ended'))
    .finally(counted.done)
  response.stream(body)
  return true
}

/** The page from its root on: with the frame when it is drawn in time, else the plain page's. */
async function frameInto(
  parts: NonNullable<ReturnType<typeof pageParts>>,
  visit: {
    worker: FrameWorker
    origin: string
    cookie: string
    pathname: string
    deadline: number
    /** Whether the browser has gone (closed, navigated away): nothing to draw for. */
    gone: () => boolean
  }
): Promise<string> {
  const { worker, origin, cookie, pathname, deadline, gone } = visit
  try {
    // the same for every visitor: the worker keeps them once listed
    const keys = await worker.ask<string[] | null>({ pathname }, deadline)
    if (!keys) return parts.plain
    const started = performance.now()
    const signal = AbortSignal.timeout(Math.max(0, deadline - Date.now()))
    const answered = await Promise.all(keys.map((key) => ask(origin, key, cookie, signal)))
    if (answered.some((answer) => answer === null) || gone()) return parts.plain
    const answers = Object.fromEntries(keys.map((key, i) => [key, answered[i]!]))
    const asked = performance.now()
    const frame = await worker.ask<string | null>(
      { pathname, answers, mode: modeOf(cookie), deadline },
      deadline
    )
    if (!frame) return parts.plain
    // how long it took, for the first-load bench (a header cannot say it: the head is out)
    const timing = `answers=${Math.round(asked - started)} draw=${Math.round(performance.now() - asked)}`
    return parts.framed(frame, answers, timing)
  } catch (error) {
    // a slow or failing API, a drawing that threw: the plain page, and the app asks itself
    const slow = error instanceof Error && ['TimeoutError', 'AbortError'].includes(error.name)
    if (slow) logger.debug('the board went out without its first frame: too slow')
    else logger.warn({ err: error }, 'the board went out without its first frame')
    return parts.plain
  }
}

// a stopping server stops its worker
app.terminating(() => current?.stop())
