import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/**
 * The built admin's files, for every path outside the API: API requests skip
 * the file system lookup the static server would otherwise make each time.
 */
export default class AdminFilesMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (url.startsWith('/api/') || url.startsWith('/__transmit/')) return next()
    return this.#serve(ctx, next)
  }

  async #serve(ctx: HttpContext, next: NextFn) {
    const files = await ctx.containerResolver.make(StaticMiddleware)
    return files.handle(ctx, next)
  }
}
