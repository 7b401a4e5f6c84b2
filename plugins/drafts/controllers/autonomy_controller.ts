import type { HttpContext } from '@adonisjs/core/http'
import AutonomyPolicy from '../policies/autonomy_policy.js'
import { revokeValidator } from '../validators/autonomy.js'
import { restoreAutonomy, revokeAutonomy } from '../actions/autonomy.js'
import { autonomyView } from '../services/autonomy_view.js'
import { actorFromContext } from '#services/change_recorder'
import type User from '#models/user'

/**
 * An agent's earned autonomy: its record and standing (everyone who reads
 * drafts), and the admin's switch (revoke, restore). Under /api/autonomy,
 * not /api/agents: the host owns that path.
 */
export default class AutonomyController {
  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(AutonomyPolicy).authorize('view')
    return autonomyView(params.agent_id)
  }

  async revoke(ctx: HttpContext) {
    await ctx.bouncer.with(AutonomyPolicy).authorize('manage')
    const { reason } = await ctx.request.validateUsing(revokeValidator)
    await revokeAutonomy(
      actorFromContext(ctx),
      ctx.auth.user as User,
      ctx.params.agent_id,
      reason ?? null
    )
    return autonomyView(ctx.params.agent_id)
  }

  async restore(ctx: HttpContext) {
    await ctx.bouncer.with(AutonomyPolicy).authorize('manage')
    await restoreAutonomy(actorFromContext(ctx), ctx.params.agent_id)
    return autonomyView(ctx.params.agent_id)
  }
}
