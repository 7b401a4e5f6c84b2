import type { HttpContext } from '@adonisjs/core/http'
import LeadPolicy from '../policies/lead_policy.js'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { createLeadsBulkValidator, MAX_BULK_LEADS } from '../validators/lead_bulk.js'
import { createLeadsBulk } from '../actions/create_leads_bulk.js'

/** POST /api/leads/bulk: many leads in one request, for agents (and scripts). */
export default class LeadBulkController {
  /**
   * The same who-may as creating one lead (leads.write; a paused agent gets
   * 423 before this runs). More than MAX_BULK_LEADS rows: 413, nothing read.
   * Then 200 with a result per row, whatever each row's fate.
   */
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('create')
    const leads = ctx.request.body().leads
    if (Array.isArray(leads) && leads.length > MAX_BULK_LEADS) {
      throw new ApiException(
        413,
        `At most ${MAX_BULK_LEADS} leads per request (this one has ${leads.length}): send them in several requests`,
        { code: 'E_TOO_MANY_ROWS', field: 'leads', rule: 'maxLength' }
      )
    }
    const data = await ctx.request.validateUsing(createLeadsBulkValidator)
    return createLeadsBulk(actorFromContext(ctx), data.leads)
  }
}
