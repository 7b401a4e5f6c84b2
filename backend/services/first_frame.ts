import { stat, readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { SHARE_ENV, Worker } from 'node:worker_threads'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { promisify } from 'node:util'
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
| - Whenever anything is missing or fails (no session, a refusal, a slow or
|   failing API, no built frame), the plain page goes out, as before: the
|   app asks for its data itself. This never answers an error.
*/

const MODULE = app.makePath('admin/dist/.ssr/first_frame.js')

/** The longest the page waits for the API's answers before it goes out without a frame. */
const ANSWERS_WAIT_MS = 1500

/** The session's cookie (config/session.ts): without it nobody is signed in. */
const SESSION_COOKIE = 'mc_session'

/** Answer headers the app reads (the lists' counts). */
const KEPT_HEADERS = ['x-total-count']

interface PageAnswer {
  status: number
  headers: Record<string, string>
  data: unknown
}

/** The longest a drawing may take before the page goes out without it. */
const DRAW_WAIT_MS = 3000

/*
| The drawing runs in a worker thread of its own (the built module is also
| the worker's script): it takes the thread for a hundred ms or more, and
| this thread serves every request and live stream meanwhile. One worker,
| started on the first framed load (a process that serves no board starts
| none), again after a build replaced the module or after it failed; it never
| keeps the process alive. Until it has loaded (about a second), a load goes
| out plain if the drawing cannot make it in time.
*/
class FrameWorker {
  #worker: Worker
  #asked = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  #next = 0
  failed = false

  constructor(readonly version: number) {
    this.#worker = new Worker(pathToFileURL(MODULE), { env: SHARE_ENV })
    this.#worker.on('message', ({ id, value, error }) => {
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

  ask<T>(message: object, waitMs: number): Promise<T> {
    const id = this.#next++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#asked.delete(id)
        reject(Object.assign(new Error('the first frame took too long'), { name: 'TimeoutError' }))
      }, waitMs)
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
    headers: { cookie, accept: 'application/json' },
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

/** The page with the frame and its answers in it; null when a marker is missing. */
function framedPage(
  page: string,
  frame: string,
  answers: Record<string, PageAnswer>,
  mode: string
): string | null {
  const markers = ['<html lang="en">', '<head>', '<div id="root"></div>']
  if (markers.some((marker) => page.indexOf(marker) === -1)) return null
  // antd's stylesheet of that mode as a link of the page: fetched as soon as the page is read,
  // not once theme.js has run (theme.js swaps it if this device's mode is the other one)
  const styles = page.match(new RegExp(`<script src="[^"]+" [^>]*data-antd-${mode}="([^"]+)"`))
  const link = styles ? `<link rel="stylesheet" id="antd-styles" href="${styles[1]}">` : ''
  return (
    page
      .replace('<html lang="en">', `<html lang="en" data-frame-mode="${mode}">`)
      .replace(/<script src="[^"]+" [^>]*data-antd-light=/, (tag) => link + tag)
      // before the page's first script (src/boot.ts), which reads it
      // (a function: the data may hold `$&` and the like, a replacement string's patterns)
      .replace(
        '<head>',
        () =>
          `<head><script type="application/json" id="mc-page-answers">${jsonForScript(answers)}</script>`
      )
      // inert: a picture of the board until the app runs (nothing in it can be clicked or focused);
      // its test ids renamed, so that scripts driving the page find only the app's elements
      .replace(
        '<div id="root"></div>',
        () =>
          `<div id="root"><div id="mc-first-frame" inert>${frame.replace(/ data-testid="/g, ' data-frame-testid="')}</div></div>`
      )
  )
}

/**
 * Answers the admin's index page with the board's first frame when it can
 * (a signed-in load of a framed path); false when the caller should send the
 * plain page.
 */
export async function sendFramedIndex(ctx: HttpContext, indexPath: string): Promise<boolean> {
  const { request } = ctx
  if (request.method() !== 'GET' || env.get('BOARD_FIRST_FRAME') === false) return false
  if (request.url() !== '/board') return false
  const cookie = request.header('cookie') ?? ''
  if (!cookie.includes(`${SESSION_COOKIE}=`)) return false
  try {
    const worker = await frameWorker()
    const origin = ownOrigin()
    if (!worker || !origin) return false
    // the same for every visitor: the worker keeps them once listed
    const keys = await worker.ask<string[] | null>({ pathname: request.url() }, DRAW_WAIT_MS)
    if (!keys) return false
    const started = performance.now()
    const signal = AbortSignal.timeout(ANSWERS_WAIT_MS)
    const answered = await Promise.all(keys.map((key) => ask(origin, key, cookie, signal)))
    if (answered.some((answer) => answer === null)) return false
    const answers = Object.fromEntries(keys.map((key, i) => [key, answered[i]!]))
    const mode = modeOf(cookie)
    const asked = performance.now()
    const frame = await worker.ask<string | null>(
      { pathname: request.url(), answers, mode },
      DRAW_WAIT_MS
    )
    if (!frame) return false
    const drawn = performance.now()
    // how long the page took, for a browser's developer tools (and the first-load bench)
    ctx.response.header(
      'server-timing',
      `answers;dur=${(asked - started).toFixed(1)}, draw;dur=${(drawn - asked).toFixed(1)}`
    )
    const page = framedPage(await indexHtml(indexPath), frame, answers, mode)
    if (!page) return false
    await sendHtml(ctx, page)
    return true
  } catch (error) {
    // a slow or failing API, a drawing that threw: the plain page, and the app asks itself
    const slow = error instanceof Error && ['TimeoutError', 'AbortError'].includes(error.name)
    if (slow) logger.debug('the board went out without its first frame: the API was slow')
    else logger.warn({ err: error }, 'the board went out without its first frame')
    return false
  }
}

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** The page, compressed when the browser accepts it (it holds the page's data). */
async function sendHtml({ request, response }: HttpContext, page: string) {
  const accepted = request.encodings()
  response.header('content-type', 'text/html; charset=utf-8')
  response.header('cache-control', 'no-store')
  response.header('vary', 'Accept-Encoding, Cookie')
  if (accepted.includes('br')) {
    response.header('content-encoding', 'br')
    response.send(await brotli(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }))
  } else if (accepted.includes('gzip')) {
    response.header('content-encoding', 'gzip')
    response.send(await gzipped(page, { level: 6 }))
  } else {
    response.send(page)
  }
}

// a stopping server stops its worker
app.terminating(() => current?.stop())
