import type { HttpContext } from '@adonisjs/core/http'
import Suppression from '../models/suppression.js'
import SuppressionPolicy from '../policies/suppression_policy.js'
import { actorFromContext } from '#services/change_recorder'
import { runList, type ListSpec } from '#services/list_query'
import {
  createSuppressionValidator,
  createSuppressionsBulkValidator,
} from '../validators/suppression.js'
import { addSuppression, addSuppressions, removeSuppression } from '../actions/suppressions.js'
import { SUPPRESSION_KINDS } from '../services/suppression.js'

export const SUPPRESSION_LIST: ListSpec = {
  filters: {
    id: 'uuid',
    kind: { enum: SUPPRESSION_KINDS },
    value: 'text',
    created_by: 'uuid',
    created_at: 'datetime',
  },
  sortable: ['value', 'kind', 'created_at'],
  search: ['value', 'reason'],
  defaultSort: [['created_at', 'desc']],
  tieBreaker: 'id',
}

/** The do-not-contact list (admins): list, add one, add many, remove. */
export default class SuppressionsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(SuppressionPolicy).authorize('manage')
    return runList(ctx, Suppression.query(), SUPPRESSION_LIST)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(SuppressionPolicy).authorize('manage')
    const data = await ctx.request.validateUsing(createSuppressionValidator)
    const entry = await addSuppression(actorFromContext(ctx), data)
    return ctx.response.created(entry)
  }

  /** A pasted or uploaded list: a result per value, in order. */
  async bulk(ctx: HttpContext) {
    await ctx.bouncer.with(SuppressionPolicy).authorize('manage')
    const data = await ctx.request.validateUsing(createSuppressionsBulkValidator)
    return addSuppressions(actorFromContext(ctx), data)
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(SuppressionPolicy).authorize('manage')
    await removeSuppression(actorFromContext(ctx), ctx.params.id)
    return ctx.response.noContent()
  }
}
