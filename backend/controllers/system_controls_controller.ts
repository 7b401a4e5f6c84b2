import type { HttpContext } from '@adonisjs/core/http'
import AgentPolicy from '#policies/agent_policy'
import { controlReasonValidator } from '#validators/agent'
import { actorFromContext } from '#services/change_recorder'
import { getGlobalPause } from '#services/controls'
import { setGlobalPause } from '#actions/system/set_global_pause'

export default class SystemControlsController {
  async show({ bouncer }: HttpContext) {
    await bouncer.with(AgentPolicy).authorize('view')
    return { global_pause: await getGlobalPause() }
  }

  async pause(ctx: HttpContext) {
    await ctx.bouncer.with(AgentPolicy).authorize('control')
    const { reason } = await ctx.request.validateUsing(controlReasonValidator)
    return { global_pause: await setGlobalPause(actorFromContext(ctx), true, reason ?? null) }
  }

  async resume(ctx: HttpContext) {
    await ctx.bouncer.with(AgentPolicy).authorize('control')
    return { global_pause: await setGlobalPause(actorFromContext(ctx), false, null) }
  }
}
