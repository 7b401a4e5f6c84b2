import { Logger } from '@adonisjs/core/logger'
import { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isDraining } from '#start/shutdown'
import { setSecurityHeaders } from '#services/security_headers'
import { compressJsonAnswer } from '#services/json_compression'

/**
 * What every request gets before anything else runs (one middleware rather
 * than three: each middleware costs a container resolution per request):
 * - its id on the answer (`x-request-id`), so a user can quote it and we can
 *   find the log line;
 * - `connection: close` on every answer while the instance shuts down, so
 *   clients reconnect to another instance;
 * - HttpContext and its Logger in the request's container;
 * - the security headers (#services/security_headers), on everything the
 *   server sends: API answers, errors, the admin's HTML and files;
 * - large JSON answers compressed for browsers (#services/json_compression).
 */
export default class RequestContextMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    setSecurityHeaders(ctx.response.response)
    const id = ctx.request.id()
    if (id) ctx.response.header('x-request-id', id)
    ctx.containerResolver.bindValue(HttpContext, ctx)
    ctx.containerResolver.bindValue(Logger, ctx.logger)
    if (isDraining()) ctx.response.header('connection', 'close')
    return next().then(() => {
      // a request that was under way when the shutdown began
      if (isDraining()) ctx.response.header('connection', 'close')
      return compressJsonAnswer(ctx)
    })
  }
}
