import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { sendAdminFile } from '#services/admin_files'

/**
 * The built admin's files (#services/admin_files: precompressed, cached by
 * their hash), for every path outside the API: API requests skip the file
 * system lookup.
 */
export default class AdminFilesMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (url.startsWith('/api/') || url.startsWith('/__transmit/')) return next()
    return this.#serve(ctx, next)
  }

  async #serve(ctx: HttpContext, next: NextFn) {
    if (await sendAdminFile(ctx, ctx.request.url())) return
    return next()
  }
}
