import type { HttpContext } from '@adonisjs/core/http'
import EventPolicy from '#policies/event_policy'
import { createEventValidator } from '#validators/event'
import { actorFromContext } from '#services/change_recorder'
import { findEvent, listEvents, listEventTypes } from '#services/event_feed'
import { emitEvent } from '#actions/events/emit_event'
import { checkProgressEvent } from '#services/agent_types'

export default class EventsController {
  /** The list dialect, or `?after=<seq>` for the reconnect backfill. */
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(EventPolicy).authorize('view')
    return listEvents(ctx)
  }

  /** Every event type there is (recorded, or declared by an agent type): for filters. */
  async types({ bouncer }: HttpContext) {
    await bouncer.with(EventPolicy).authorize('view')
    return listEventTypes()
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(EventPolicy).authorize('view')
    return findEvent(params.id)
  }

  /**
   * A progress event; paused agents never get here (the auth middleware
   * answers 423). Its type and payload are checked against the agent types'
   * declarations (#services/agent_types).
   */
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(EventPolicy).authorize('emit')
    const data = await ctx.request.validateUsing(createEventValidator)
    const payload = await checkProgressEvent(ctx.auth.user!, data.event_type, data.payload)
    const event = await emitEvent(actorFromContext(ctx), { ...data, payload })
    return ctx.response.created(event)
  }
}
