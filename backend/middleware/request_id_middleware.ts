import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Every answer names its request, so a user can quote it and we can find the log line. */
export default class RequestIdMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const id = ctx.request.id()
    if (id) ctx.response.header('x-request-id', id)
    return next()
  }
}
