import type { HttpContext } from '@adonisjs/core/http'
import LeadPolicy from '../policies/lead_policy.js'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { createLeadsBulkValidator, MAX_BULK_LEADS } from '../validators/lead_bulk.js'
import { createLeadsBulk } from '../actions/create_leads_bulk.js'
import { bulkLeadActionValidator } from '../validators/lead_bulk_action.js'
import { runBulkLeadAction } from '../actions/lead_bulk_actions.js'

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

  /**
   * POST /api/leads/bulk-actions: set a status or the next step (whoever
   * may update leads, closers included) or delete (leads.delete) for the
   * ticked rows (`ids`) or every lead the list's `filter` matches. One
   * transaction, one recorded change. `expected_count` guards a confirmed
   * number: 409 when the selection changed in between; a delete by filter
   * requires it.
   */
  async act(ctx: HttpContext) {
    const policy = ctx.bouncer.with(LeadPolicy)
    await policy.authorize('bulkAct')
    const data = await ctx.request.validateUsing(bulkLeadActionValidator)
    await policy.authorize(data.action === 'delete' ? 'delete' : 'update')
    if ((data.ids === undefined) === (data.filter === undefined)) {
      throw new ApiException(
        422,
        'Send either ids (the rows you selected) or filter (every lead the filters match), not both',
        { field: data.ids ? 'filter' : 'ids', rule: 'oneOf', code: 'E_VALIDATION_ERROR' }
      )
    }
    // a deletion by filter removes what the filter matches when it runs: the count confirmed is required
    if (data.action === 'delete' && data.filter && data.expected_count === undefined) {
      throw new ApiException(
        422,
        'expected_count is required to delete by filter: send the number of leads you confirmed (the list’s X-Total-Count)',
        { field: 'expected_count', rule: 'required', code: 'E_VALIDATION_ERROR' }
      )
    }
    if (data.action === 'set_next_step' && data.next_step === undefined) {
      throw new ApiException(422, 'next_step is required (null clears it)', {
        field: 'next_step',
        rule: 'required',
        code: 'E_VALIDATION_ERROR',
      })
    }
    return runBulkLeadAction(actorFromContext(ctx), {
      action: data.action,
      selection: data.ids ? { ids: data.ids } : { filter: data.filter! },
      expectedCount: data.expected_count,
      status: data.status,
      nextStep: data.next_step,
    })
  }
}
