import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'
import { randomUUID } from 'node:crypto'

/** What a connection is doing: requests under way (writes among them), and how many it served. */
interface ConnectionState {
  active: number
  writes: number
  served: number
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * How long a request's body may take to arrive: `HTTP_BODY_TIMEOUT_SECONDS`
 * (default 300, Node's own `requestTimeout`). A body still arriving then
 * (a client trickling bytes to hold a connection) is answered 408 and its
 * connection closed. Node's `requestTimeout` does the same, but for every
 * route; this one can be lifted for a route that streams its body and
 * watches it itself (liftBodyDeadline): a CSV import of any size over a
 * slow link, which gives up only when nothing arrives for a while. Headers
 * keep their own 60 s (`headersTimeout`, set explicitly: with no
 * `requestTimeout`, Node would otherwise have none). At most MAX_BODY_SECONDS.
 */
export const bodyDeadline = {
  get ms() {
    const value = Number(process.env.HTTP_BODY_TIMEOUT_SECONDS)
    // a timer longer than 2^31 - 1 ms would fire at once: the longest allowed is about 24 days
    return (Number.isFinite(value) && value > 0 ? Math.min(value, MAX_BODY_SECONDS) : 300) * 1000
  },
}

/** The longest body deadline a timer can hold (2^31 - 1 ms), in seconds. */
export const MAX_BODY_SECONDS = Math.floor((2 ** 31 - 1) / 1000)

/** How long a request's headers may take to arrive: Node's default, kept explicitly. */
export const HEADERS_TIMEOUT_MS = 60_000

const deadlines = new WeakMap<IncomingMessage, NodeJS.Timeout>()

const TIMED_OUT = JSON.stringify({
  errors: [
    {
      message: 'The request body took too long to arrive',
      code: 'E_REQUEST_TIMEOUT',
    },
  ],
})

function startBodyDeadline(request: IncomingMessage) {
  if (request.complete) return
  const socket = request.socket
  /* what earlier answers on this kept-alive connection wrote */
  const writtenBefore = socket.bytesWritten
  const timer = setTimeout(() => {
    deadlines.delete(request)
    if (request.complete) return
    // as Node answers its own requestTimeout: nothing sent yet, a 408; then the connection goes
    if (socket.writable && socket.bytesWritten === writtenBefore) {
      socket.write(
        `HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(TIMED_OUT)}\r\n\r\n${TIMED_OUT}`
      )
    }
    socket.destroy()
  }, bodyDeadline.ms)
  timer.unref()
  deadlines.set(request, timer)
  const clear = () => liftBodyDeadline(request)
  request.once('end', clear)
  request.once('close', clear)
}

/**
 * Takes the body deadline off a request whose route streams its body and
 * gives up on a stalled upload itself (see readsItsOwnBody).
 */
export function liftBodyDeadline(request: IncomingMessage) {
  const timer = deadlines.get(request)
  if (timer) clearTimeout(timer)
  deadlines.delete(request)
}
const connectionsOf = new WeakMap<HttpServer, Map<Socket, ConnectionState>>()

/**
 * Node's HTTP server for AdonisJS, giving each request a random UUID as its
 * `x-request-id` before AdonisJS sees it. The id is the server's own, always:
 * it is written into the audit log (`metadata.request_id`), so a client must
 * not choose it (one it sends is replaced). AdonisJS would make a cuid2,
 * which hashes with SHA-3 on every request (about 2% of the API's CPU under
 * load). Used by the server and the tests.
 *
 * It also keeps track of its connections and of the requests under way on
 * each, so that a shutdown can stop accepting without cutting any request
 * it accepted (see drainHttpServer).
 */
export function createHttpServer(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown
) {
  const connections = new Map<Socket, ConnectionState>()
  /* Node's own deadline would cut every body at 300 s, a streamed import's too: see bodyDeadline */
  /* headersTimeout would follow requestTimeout down to 0: a request's headers keep their 60 s */
  const server = createServer(
    { requestTimeout: 0, headersTimeout: HEADERS_TIMEOUT_MS },
    (request, response) => {
      request.headers['x-request-id'] = randomUUID()
      startBodyDeadline(request)
      const state = connections.get(request.socket)
      if (state) {
        const write = !READS.has(request.method ?? 'GET')
        state.active++
        if (write) state.writes++
        response.once('close', () => {
          state.active--
          if (write) state.writes--
          state.served++
        })
      }
      void handle(request, response)
    }
  )
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { active: 0, writes: 0, served: 0 })
    socket.once('close', () => connections.delete(socket))
  })
  connectionsOf.set(server, connections)
  return server
}

export interface DrainOptions {
  /** Keep accepting for this long first (health answers 503 `draining` meanwhile). */
  drainMs: number
  /** When requests other than writes are cut (a long export, say). Writes are never cut. */
  deadline: number
  /** Run once the listener is closed: ends what would keep connections busy forever (event streams). */
  onListenerClosed?: () => Promise<void> | void
  /** Told once if writes are still running at the deadline. */
  onWritesPastDeadline?: (count: number) => void
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Stops an HTTP server without resetting any request it accepted:
 * 1. keeps listening for `drainMs`, so load balancers see the draining
 *    health check and stop sending (what still arrives is served, answered
 *    with `Connection: close`);
 * 2. closes the listener only: new connections are refused by the kernel
 *    (ECONNREFUSED, which a proxy retries elsewhere). Node's own close()
 *    would also drop every connection that has no request parsed yet, and
 *    a request just accepted or whose bytes are still in flight would be
 *    reset;
 * 3. waits for the connections to finish: those with a request under way
 *    end after their answer (`Connection: close`); idle keep-alive
 *    connections (they served a request, none is under way) are closed;
 *    a connection accepted that has not sent its request yet is left
 *    alone: its request is served when it comes (this is what Node's
 *    closeIdleConnections() gets wrong for a shutdown: it resets them);
 * 4. at `deadline`, cuts every connection without a write under way; a write
 *    is always waited for.
 * Servers not made by createHttpServer only get steps 1 and 2.
 */
export async function drainHttpServer(server: HttpServer, options: DrainOptions) {
  if (server.listening && options.drainMs > 0) await sleep(options.drainMs)
  if (server.listening) NetServer.prototype.close.call(server)
  await options.onListenerClosed?.()

  const connections = connectionsOf.get(server)
  if (!connections) return
  let warned = false
  while (connections.size > 0) {
    const pastDeadline = Date.now() >= options.deadline
    let writes = 0
    for (const [socket, state] of connections) {
      if (state.writes > 0) writes++
      else if (pastDeadline || (state.active === 0 && state.served > 0)) socket.destroy()
    }
    if (pastDeadline && writes > 0 && !warned) {
      warned = true
      options.onWritesPastDeadline?.(writes)
    }
    await sleep(20)
  }
}
