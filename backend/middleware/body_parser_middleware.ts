import app from '@adonisjs/core/services/app'
import BodyParserMiddleware from '@adonisjs/core/bodyparser_middleware'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ApiException } from '#exceptions/api_exception'

/* Deeper than any real request needs (an event payload, a lead), far below where recursion breaks. */
export const MAX_JSON_DEPTH = 64

let parser: BodyParserMiddleware | undefined

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
