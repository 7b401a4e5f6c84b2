import { isMainThread, parentPort } from 'node:worker_threads'
import { renderToString } from 'react-dom/server'
import { keepPreviousData, QueryClient } from '@tanstack/react-query'
import { StaticRouter } from 'react-router'
import { ThemedSider, type RefineThemedLayoutSiderProps } from '@refinedev/antd'
import { AppFrame } from './App'
import { askEarly } from './first_asks'
import { fetchMe, forgetMe, peekMe } from './providers/auth'
import { setPageAnswers, setTransport, type PageAnswer } from './lib/early_requests'
import { BoardScreen } from './screens'
import type { Mode } from './lib/theme'

/*
| The board's first frame, drawn by the server (built for Node into
| admin/dist/.ssr/ by vite.config.ts; used by backend/services/first_frame.ts).
|
| A signed-in load of the board otherwise shows its cards only once the app's
| script has loaded, started and rendered (about 1.5 s on a small machine).
| The server asks the API for what the page's first script would ask
| (firstRequests: the same code, src/first_asks.ts), with the visitor's own
| cookie, so the same routes and policies answer. This module draws the app
| from those answers, as the browser's first render would, and the page
| carries both: the frame shows at the first paint, and the app's requests
| are answered from the page (lib/early_requests.ts). The app then renders
| over the frame.
|
| The app's modules keep the session and the early answers in module state:
| each drawing sets them, draws and clears them, one at a time.
*/

/*
| The server runs no effect and no query, so one drawing would show what the
| browser's first pass shows before anything answered: a menu with no screen
| in it (each item waits for its access check), no header widgets, no Move
| buttons. So the first drawing registers the screen's queries, those that
| answer without the network (the access checks and the identity, from the
| session above, and the board's lists, from the page's answers) are run, and
| a second drawing shows them. A query that needs the network is left
| loading, as in the browser's first paint, never shown failed (the names of
| the records a card links to, the header's counts).
|
| The identity and the access checks depend on the session's answer alone
| (who it is, their permissions, the server's plugins): once drawn for an
| answer, they are kept (PRIMED) and put in the next drawing's cache before
| it starts, with those only the second drawing asked for (a part shown once
| others answered), answered after it. The next drawing then has nothing
| left to run and is done in one pass, about half the time. The board's
| lists are never kept: they come from each page's own answers.
*/
const PRIMED_KEPT = 100

/*
| The menu at the side is about half of a drawing: Refine's ThemedSider
| wraps each of its items in an access check and an antd tooltip, and
| rc-menu draws the list twice, once hidden to measure it. Yet it is the
| same in every drawing for one session's answer, colour mode and path
| (what the session may open, that path's item selected). So once drawn
| with every access check answered, its markup is kept with the session's
| queries, and the next drawings put it in place of the menu. The browser
| renders the app over the frame, it does not hydrate it: the frame is
| markup only, and this markup is what the menu would draw again.
*/
interface Primed {
  queries: { queryKey: readonly unknown[]; data: unknown }[]
  /** The menu's markup, by colour mode and path. */
  siders: Map<string, string>
}
const primed = new Map<string, Primed>()

/** The marks around a drawn menu and in place of a kept one, and their markup as drawn. */
const mark = (which: 'start' | 'end' | 'kept') => <template data-mc-sider={which} />
const SIDER_START = renderToString(mark('start'))
const SIDER_END = renderToString(mark('end'))
const SIDER_KEPT = renderToString(mark('kept'))

/** Refine's menu between two marks, to be cut out of the drawing's markup. */
function MarkedSider(props: RefineThemedLayoutSiderProps) {
  return (
    <>
      {mark('start')}
      <ThemedSider {...props} />
      {mark('end')}
    </>
  )
}

/** Where a kept menu goes. */
function KeptSider() {
  return mark('kept')
}

/** Queries answered from the session alone: Refine's identity, its session check and access checks. */
function fromSession(queryKey: readonly unknown[]) {
  return queryKey[0] === 'access' || queryKey[0] === 'auth'
}

async function drawSettled(pathname: string, mode: Mode, session: string): Promise<string> {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, placeholderData: keepPreviousData },
    },
  })
  const known = primed.get(session)
  for (const { queryKey, data } of known?.queries ?? []) client.setQueryData(queryKey, data)
  const siderKey = `${mode} ${pathname}`
  const keptSider = known?.siders.get(siderKey)
  const cache = client.getQueryCache()

  /**
   * Runs the queries still waiting that `which` picks (one that needs the network fails at
   * once and is dropped); whether one answered.
   */
  const settle = async (which: (queryKey: readonly unknown[]) => boolean) => {
    // enabled or not: which observer's options a query keeps is not the one that counts
    // (Refine's audit hook asks for the identity disabled)
    const waiting = cache
      .getAll()
      .filter((query) => query.state.status === 'pending' && which(query.queryKey))
    await Promise.allSettled(
      waiting.map((query) => query.fetch({ ...query.options, retry: false }))
    )
    for (const query of cache.getAll()) if (query.state.status === 'error') cache.remove(query)
    return waiting.some((query) => query.state.status === 'success')
  }

  /** The menu as last drawn, when none of its access checks was waiting. */
  let sider: string | undefined
  const draw = () => {
    const markup = renderToString(
      <StaticRouter location={pathname}>
        <AppFrame
          mode={mode}
          queryClient={client}
          Sider={keptSider === undefined ? MarkedSider : KeptSider}
        />
      </StaticRouter>
    )
    if (keptSider !== undefined) return markup.replace(SIDER_KEPT, () => keptSider)
    const start = markup.indexOf(SIDER_START)
    const end = markup.indexOf(SIDER_END, start)
    if (start === -1 || end === -1) return markup
    const drawn = markup.slice(start + SIDER_START.length, end)
    const settled = cache
      .getAll()
      .every((query) => !fromSession(query.queryKey) || query.state.status === 'success')
    sider = settled ? drawn : undefined
    return markup.slice(0, start) + drawn + markup.slice(end + SIDER_END.length)
  }

  const first = draw()
  // what answered that the first drawing did not show is in a second; otherwise the first is the frame
  const redrawn = await settle(() => true)
  const frame = redrawn ? draw() : first
  // checks asked for only in the second drawing (a part shown once others answered): answered
  // now, not drawn, so that the next drawing has them at once
  const more = await settle(fromSession)
  if (redrawn || more || sider !== undefined) {
    const siders = new Map(known?.siders)
    if (sider !== undefined) siders.set(siderKey, sider)
    const queries = cache
      .getAll()
      .filter((query) => query.state.status === 'success' && fromSession(query.queryKey))
      .map((query) => ({ queryKey: query.queryKey, data: query.state.data }))
    primed.delete(session)
    primed.set(session, { queries, siders })
    if (primed.size > PRIMED_KEPT) primed.delete(primed.keys().next().value!)
  }
  return frame
}

/** The paths that have a first frame. */
const FRAMED = new Set(['/board'])

let turn: Promise<unknown> = Promise.resolve()

/** Runs `work` after every earlier one: the app's module state holds one visitor at a time. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work)
  turn = run.catch(() => undefined)
  return run
}

const listed = new Map<string, Promise<string[]>>()

/**
 * The GETs a page at `pathname` sends first, as keys (path and sorted
 * query), or null when the path has no first frame. The same for everyone.
 */
export function firstRequests(pathname: string): Promise<string[]> | null {
  if (!FRAMED.has(pathname)) return null
  let keys = listed.get(pathname)
  if (!keys) {
    keys = oneAtATime(async () => {
      const seen: string[] = []
      setTransport((_config, key) => {
        seen.push(key)
        return Promise.reject(new Error('listing the first requests'))
      })
      try {
        await Promise.allSettled(askEarly(pathname))
      } finally {
        setTransport(undefined)
        forgetMe()
      }
      return [...new Set(seen)]
    })
    listed.set(pathname, keys)
  }
  return keys
}

/**
 * The app's markup for `pathname` drawn from `answers` (each of
 * firstRequests' keys → the API's answer), in `mode`; null when the answers
 * do not make a signed-in page. Nothing is sent: a request without an answer
 * fails, as if offline. One asked for a page that is no longer waiting
 * (`deadline`, epoch ms, has passed when its turn comes) is not drawn.
 */
export function renderFirstFrame(
  pathname: string,
  answers: Record<string, PageAnswer>,
  mode: Mode,
  deadline = Infinity
): Promise<string | null> {
  if (!FRAMED.has(pathname)) return Promise.resolve(null)
  return oneAtATime(async () => {
    // its page has gone out without it already (a queue behind a slow drawing): not drawn
    if (Date.now() > deadline) return null
    forgetMe()
    setPageAnswers(answers)
    setTransport(() => Promise.reject(new Error('the first frame sends nothing')))
    try {
      await BoardScreen.preload()
      await Promise.allSettled(askEarly(pathname))
      await fetchMe(true).catch(() => null)
      const me = peekMe()
      if (!me) return null
      return await drawSettled(pathname, mode, JSON.stringify(me))
    } finally {
      setTransport(undefined)
      forgetMe()
    }
  })
}

/*
| Run as a worker thread (backend/services/first_frame.ts starts it): the
| drawing takes the thread for a hundred ms or more, which must not be the
| server's, whose every request and live stream would wait meanwhile.
| Messages: {id, pathname} to list the first requests, {id, pathname,
| answers, mode, deadline} to draw; each answered {id, value} or {id, error}.
*/
interface Ask {
  id: number
  pathname: string
  answers?: Record<string, PageAnswer>
  mode?: Mode
  /** When the page stops waiting for this drawing (epoch ms). */
  deadline?: number
}

if (!isMainThread && parentPort) {
  const port = parentPort
  port.on('message', ({ id, pathname, answers, mode, deadline }: Ask) => {
    const work = answers
      ? renderFirstFrame(pathname, answers, mode ?? 'light', deadline)
      : (firstRequests(pathname) ?? Promise.resolve(null))
    work.then(
      (value) => port.postMessage({ id, value }),
      (error: unknown) => port.postMessage({ id, error: String((error as Error)?.stack ?? error) })
    )
  })
}
