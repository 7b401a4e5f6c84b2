import app from '@adonisjs/core/services/app'
import BodyParserMiddleware from '@adonisjs/core/bodyparser_middleware'
import type { HttpContext, Route } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ApiException } from '#exceptions/api_exception'

/* Deeper than any real request needs (an event payload, a lead), far below where recursion breaks. */
export const MAX_JSON_DEPTH = 64

let parser: BodyParserMiddleware | undefined

/* Routes that read their request body themselves, as a stream (see readsItsOwnBody). */
const ownBodyRoutes: Route[] = []
let ownBodyKeys: Set<string> | undefined

/*
 * Bodies the parser still reads on such a route: JSON and forms keep the
 * 1 MB limit and the 400 for malformed JSON everywhere, and a multipart one
 * is left to the route (`request.multipart`, see config/bodyparser.ts).
 */
const PARSED_EVERYWHERE = ['json', '+json', 'urlencoded', 'multipart']

/**
 * Marks a route that reads its own request body, as a stream, whatever its
 * size (a CSV import): the parser leaves any other body (text/csv, ...)
 * unread (no 1 MB limit, nothing buffered). The server's body deadline
 * (HTTP_BODY_TIMEOUT_SECONDS) still holds until the route lifts it
 * (liftBodyDeadline), once the caller is authorized and the route watches
 * the upload itself. Every other route keeps the 1 MB limits and the
 * deadline. Returns the route, for chaining.
 */
export function readsItsOwnBody<T extends Route>(route: T): T {
  ownBodyRoutes.push(route)
  ownBodyKeys = undefined
  return route
}

/* Keys are computed on first use: a group's prefix reaches its routes after they are declared. */
function readsOwnBody(ctx: HttpContext) {
  if (!ctx.route || ownBodyRoutes.length === 0) return false
  ownBodyKeys ??= new Set(
    ownBodyRoutes.flatMap((route) => {
      const { methods, pattern } = route.toJSON()
      return methods.map((method) => `${method} ${pattern}`)
    })
  )
  return ownBodyKeys.has(`${ctx.request.method()} ${ctx.route.pattern}`)
}

function tooDeep() {
  return new ApiException(
    400,
    `The body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays`,
    { code: 'E_MALFORMED_JSON', rule: 'maxDepth' }
  )
}

/** Whether a parsed body nests deeper than `limit`, walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth + 1 > limit) return true
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return false
}

/**
 * AdonisJS's body parser, refusing bodies nested deeper than MAX_JSON_DEPTH
 * with 400: the framework copies a parsed body recursively (and so would
 * validators), so about 2,600 levels (15 KB of `{"a":`) would otherwise
 * overflow the stack and answer 500 on every route, login included.
 */
export default class DepthLimitedBodyParserMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (readsOwnBody(ctx) && !ctx.request.is(PARSED_EVERYWHERE)) return next()
    parser ??= await app.container.make(BodyParserMiddleware)
    let parsed = false
    try {
      return await parser.handle(ctx, () => {
        parsed = true
        if (nestsDeeperThan(ctx.request.body(), MAX_JSON_DEPTH)) throw tooDeep()
        return next()
      })
    } catch (error) {
      // the parser's own copy of the body ran out of stack
      if (!parsed && error instanceof RangeError) throw tooDeep()
      throw error
    }
  }
}
