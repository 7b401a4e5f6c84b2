import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isDraining } from '#start/shutdown'

/** While shutting down, every answer closes its connection: clients reconnect to another instance. */
export default class DrainMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (isDraining()) ctx.response.header('connection', 'close')
    await next()
    if (isDraining()) ctx.response.header('connection', 'close')
  }
}
