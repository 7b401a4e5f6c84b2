import {
  AxiosHeaders,
  getAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios'

/*
| Requests a screen will make, started before the screen exists: while the
| app's script starts, the session check runs and the screen's code loads,
| its data is already on the way. A GET sent with EARLY_REQUEST in its
| headers is kept (for KEEP_MS), and the first identical GET after it gets
| its answer instead of asking again.
*/

const MARK = 'x-early-request'
export const EARLY_REQUEST = { [MARK]: '1' }
const KEEP_MS = 15_000

const early = new Map<string, { at: number; answer: Promise<AxiosResponse> }>()

/** A GET's identity: its path and its parameters, sorted. */
function keyOf(http: AxiosInstance, config: Parameters<AxiosInstance['getUri']>[0]) {
  const base = typeof window === 'undefined' ? 'http://localhost' : window.location.origin
  const url = new URL(http.getUri(config), base)
  url.searchParams.sort()
  return `${url.pathname}?${url.searchParams}`
}

/*
| Answers the page came with: for a signed-in load of the board, the server
| sends the answers to the page's first GETs inside the page, with the frame
| drawn from them (backend/services/first_frame.ts). Each answers the first
| GET of its key, once, instead of the network, if it comes within KEEP_MS.
*/
export interface PageAnswer {
  status: number
  headers: Record<string, string>
  data: unknown
}
const given = new Map<string, PageAnswer>()
let givenAt = 0

/** The answers the page holds, by key (see keyOf). */
export function setPageAnswers(answers: Record<string, PageAnswer>) {
  given.clear()
  for (const [key, answer] of Object.entries(answers)) given.set(key, answer)
  givenAt = Date.now()
}

/** What a page answer sends instead of the network (see setTransport): the server's first frame. */
type Transport = (config: InternalAxiosRequestConfig, key: string) => Promise<AxiosResponse>
let transport: Transport | undefined

/** Sends through `next` instead of the network, until set back to undefined (the first frame's renderer). */
export function setTransport(next: Transport | undefined) {
  transport = next
}

export function installEarlyRequests(http: AxiosInstance) {
  const network = getAdapter(http.defaults.adapter)
  const send = (config: InternalAxiosRequestConfig) => {
    const key = keyOf(http, config)
    const answer = given.get(key)
    if (answer) {
      given.delete(key)
      if (Date.now() - givenAt <= KEEP_MS) {
        return Promise.resolve<AxiosResponse>({
          data: answer.data,
          status: answer.status,
          statusText: 'OK',
          headers: AxiosHeaders.from(answer.headers),
          config,
        })
      }
    }
    return transport ? transport(config, key) : network(config)
  }
  http.defaults.adapter = (config) => {
    if ((config.method ?? 'get').toLowerCase() !== 'get') return network(config)
    const key = keyOf(http, config)
    if (config.headers.has(MARK)) {
      config.headers.delete(MARK)
      const answer = send(config)
      const entry = { at: Date.now(), answer }
      early.set(key, entry)
      // A failed one is not kept, but for a 401 (nobody signed in): the app's own session check
      // takes that answer rather than asking again; a sign-in forgets it (forgetEarlyRequests).
      answer.catch((error: { response?: { status?: number } }) => {
        if (error?.response?.status !== 401 && early.get(key) === entry) early.delete(key)
      })
      return answer
    }
    const kept = early.get(key)
    if (!kept) return send(config)
    early.delete(key)
    if (Date.now() - kept.at > KEEP_MS) return send(config)
    return kept.answer.then((response) => ({ ...response, config }))
  }
}

let started: Promise<void> = Promise.resolve()

/** What the page's first script (src/boot.ts) asked for: settles when all of it has answered or failed. */
export function setEarlyRequests(settled: Promise<void>) {
  started = settled
}

/** Settles once the early requests have (at once when there were none: boot.ts did not run). */
export function earlyRequests(): Promise<void> {
  return started
}

/*
| The answers themselves, for a screen's first render: a list the app's start
| asked for and that has answered when the screen first draws is drawn in
| that pass (react-query's initialData) instead of after a skeleton and
| another pass. Its query still runs as it mounts, and gets the same kept
| answer above, not a second request.
*/
const answers = new Map<string, { at: number; answer?: unknown }>()

/** Keeps what an early request answers under `name`, for takeEarlyAnswer. */
export function keepEarlyAnswer(name: string, answer: Promise<unknown>) {
  const entry: { at: number; answer?: unknown } = { at: Date.now() }
  answers.set(name, entry)
  answer.then(
    (value) => {
      entry.at = Date.now()
      entry.answer = value
    },
    () => answers.get(name) === entry && answers.delete(name)
  )
}

/** The answer kept under `name` if it is here and fresh, once; `undefined` otherwise. */
export function takeEarlyAnswer<T>(name: string): { at: number; answer: T } | undefined {
  const entry = answers.get(name)
  if (!entry || entry.answer === undefined) return undefined
  answers.delete(name)
  if (Date.now() - entry.at > KEEP_MS) return undefined
  return { at: entry.at, answer: entry.answer as T }
}

/** Drops every kept answer: the session changed (a sign-in or out), they were asked for by someone else. */
export function forgetEarlyRequests() {
  early.clear()
  answers.clear()
  given.clear()
}
