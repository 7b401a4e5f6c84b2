import type { HttpContext } from '@adonisjs/core/http'
import { ApiException } from '#exceptions/api_exception'
import { can } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { buildSummary } from '#services/summary'

/** The Home's numbers in one request (docs/API.md, "Summary"). */
export default class SummaryController {
  /** GET /api/summary */
  async show(ctx: HttpContext) {
    const actor = ctx.auth.getUserOrFail()
    if (!can(actor, Permission.ReadRecords)) throw ApiException.forbidden()
    return buildSummary(actor)
  }
}
