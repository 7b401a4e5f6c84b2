import type { HttpContext } from '@adonisjs/core/http'
import { changeSubscription, openStream } from '#services/realtime_streams'

/**
 * /__transmit/events, /subscribe and /unsubscribe: Transmit's routes, with
 * the owner of each stream checked (see services/realtime_streams.ts).
 * Authentication and the uid/channel checks run before (routes.ts).
 */
export default class RealtimeController {
  events(ctx: HttpContext) {
    return openStream(ctx)
  }

  async subscribe(ctx: HttpContext) {
    await changeSubscription(ctx, 'subscribe')
    return ctx.response.noContent()
  }

  async unsubscribe(ctx: HttpContext) {
    await changeSubscription(ctx, 'unsubscribe')
    return ctx.response.noContent()
  }
}
