import type { HttpContext } from '@adonisjs/core/http'
import Lead from '../models/lead.js'
import LeadPolicy from '../policies/lead_policy.js'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { createLeadValidator, updateLeadValidator, FOLLOW_UP_FIELDS } from '../validators/lead.js'
import { runLeadList } from '../services/lead_list.js'
import {
  assertNoNul,
  exportFileName,
  exportQuery,
  openExportStream,
} from '../services/lead_export.js'
import { suppressionFields, suppressionOfLead } from '../services/suppression.js'
import { exportSettings, openExportConnection } from '#services/export_connections'
import { createLead } from '../actions/create_lead.js'
import { updateLead } from '../actions/update_lead.js'
import { deleteLead } from '../actions/delete_lead.js'
import { exportSelectedLeadsValidator } from '../validators/lead_bulk_action.js'

export default class LeadsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('view')
    assertNoNul(ctx.request.qs())
    return runLeadList(ctx)
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(LeadPolicy).authorize('view')
    const lead = await Lead.find(params.id)
    if (!lead) throw ApiException.notFound('Lead')
    return withSuppression(lead)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('create')
    const data = await ctx.request.validateUsing(createLeadValidator)
    const lead = await createLead(actorFromContext(ctx), data)
    // just checked against the list: a lead it covers is refused
    return ctx.response.created({ ...lead.serialize(), ...suppressionFields(null) })
  }

  /**
   * Closers change only the follow-up fields; naming any other field is
   * refused whole. The rule is checked on the body as sent and again on the
   * validated changes, which are exactly what will be written (the body
   * alone: the query string is never input, see conventions_provider).
   */
  async update(ctx: HttpContext) {
    const policy = ctx.bouncer.with(LeadPolicy)
    await policy.authorize('update')
    const followUpOnly = await policy.denies('updateEveryField')
    if (followUpOnly) refuseBeyondFollowUp(Object.keys(ctx.request.body()))
    const changes = await ctx.request.validateUsing(updateLeadValidator)
    if (followUpOnly) {
      refuseBeyondFollowUp(
        Object.keys(changes).filter((key) => (changes as any)[key] !== undefined)
      )
    }
    return withSuppression(await updateLead(actorFromContext(ctx), ctx.params.id, changes))
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('delete')
    await deleteLead(actorFromContext(ctx), ctx.params.id)
    return ctx.response.noContent()
  }

  /**
   * GET /api/leads/export.csv: every row the list would show, as CSV.
   * At most EXPORT_MAX_PER_USER at once per person and EXPORT_MAX_CONCURRENT
   * on this instance (429 E_TOO_MANY_EXPORTS beyond); cut after
   * EXPORT_STALL_SECONDS without progress. Suppressed leads are left out
   * unless `include_suppressed=true` (or `suppressed=true`).
   */
  async export(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('export')
    const qs = ctx.request.qs()
    assertNoNul(qs)
    // Paging does not apply to an export: every matching row is sent.
    const { _start: _s, _end: _e, ...query } = qs
    return streamExport(ctx, exportQuery(query))
  }

  /**
   * POST /api/leads/export.csv `{ids, include_suppressed?}`: the rows a
   * person ticked, as the list's export writes them (too many ids for a
   * URL). Same rules: suppressed leads are left out unless asked for.
   */
  async exportSelected(ctx: HttpContext) {
    await ctx.bouncer.with(LeadPolicy).authorize('export')
    const { ids, include_suppressed: include } = await ctx.request.validateUsing(
      exportSelectedLeadsValidator
    )
    return streamExport(ctx, exportQuery({ id: ids, include_suppressed: String(!!include) }))
  }
}

/** Streams an export's COPY as the answer, on a connection of its own, within the caps (429 beyond). */
async function streamExport(ctx: HttpContext, sql: string) {
  const connection = await openExportConnection(String(ctx.auth.user!.id))
  const stallMs = exportSettings.stallMs
  const stream = await openExportStream(sql, connection, {
    stallMs,
    onStall: () =>
      ctx.logger.info(
        { requestId: ctx.request.id() },
        `leads export cut: no progress for ${stallMs / 1000} s (the client stopped reading)`
      ),
  })
  ctx.response.header('content-type', 'text/csv; charset=utf-8')
  ctx.response.header('content-disposition', `attachment; filename="${exportFileName()}"`)
  ctx.response.header('cache-control', 'no-store')
  ctx.response.stream(stream)
}

/** The record as the API answers it: the columns, and whether the do-not-contact list covers it. */
async function withSuppression(lead: Lead) {
  return { ...lead.serialize(), ...suppressionFields(await suppressionOfLead(lead.id)) }
}

function refuseBeyondFollowUp(fields: string[]) {
  const others = fields.filter((key) => !FOLLOW_UP_FIELDS.includes(key as any))
  if (others.length > 0) {
    throw ApiException.forbidden(
      `Your role may change only status, next_step and notes of a lead; remove: ${others.join(', ')}`
    )
  }
}
