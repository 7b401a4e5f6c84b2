import type { HttpContext } from '@adonisjs/core/http'
import Draft from '../models/draft.js'
import DraftVersion from '../models/draft_version.js'
import DraftPolicy from '../policies/draft_policy.js'
import { DRAFT_CHANNELS, DRAFT_STATUSES, DraftStatus } from '../enums.js'
import {
  addVersionValidator,
  createDraftValidator,
  bulkDecisionValidator,
  decisionValidator,
} from '../validators/draft.js'
import { serializeDraft, withContent } from '../services/draft_view.js'
import { draftFeedback } from '../services/feedback.js'
import { draftsConfig } from '../config.js'
import { createDraft } from '../actions/create_draft.js'
import { addVersion } from '../actions/add_version.js'
import { submitDraft } from '../actions/submit_draft.js'
import { decideDraft } from '../actions/decide_draft.js'
import { decideDraftsBulk } from '../actions/decide_drafts_bulk.js'
import { ApiException } from '#exceptions/api_exception'
import { actorFromContext } from '#services/change_recorder'
import { runList, type ListSpec } from '#services/list_query'
import User from '#models/user'
import { DateTime } from 'luxon'

export const DRAFT_LIST: ListSpec = {
  table: 'drafts',
  filters: {
    id: 'uuid',
    lead_id: 'uuid',
    channel: { enum: DRAFT_CHANNELS },
    draft_type: 'text',
    status: { enum: DRAFT_STATUSES },
    current_version: 'integer',
    approver_id: 'uuid',
    created_by: 'uuid',
    created_at: 'datetime',
    updated_at: 'datetime',
    submitted_at: 'datetime',
  },
  sortable: [
    'channel',
    'draft_type',
    'status',
    'current_version',
    'created_at',
    'updated_at',
    'submitted_at',
  ],
  search: ['draft_type'],
  defaultSort: [['updated_at', 'desc']],
}

export const VERSION_LIST: ListSpec = {
  filters: { version_number: 'integer', created_by: 'uuid', created_at: 'datetime' },
  sortable: ['version_number', 'created_at'],
  defaultSort: [['version_number', 'asc']],
}

export default class DraftsController {
  /**
   * The list; `overdue=true` narrows it to drafts waiting past the approval
   * SLA (the inbox's red ones), `overdue=false` to the others.
   */
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('view')
    const query = withContent(Draft.query())
    const { overdue, ...rest } = ctx.request.qs()
    if (overdue !== undefined && overdue !== '') {
      if (overdue !== 'true' && overdue !== 'false') {
        throw new ApiException(422, 'overdue must be true or false', {
          field: 'overdue',
          code: 'E_INVALID_QUERY',
        })
      }
      const cutoff = DateTime.now().minus({ minutes: draftsConfig.approvalSlaMinutes }).toJSDate()
      if (overdue === 'true') {
        query
          .where('drafts.status', DraftStatus.NeedsApproval)
          .where('drafts.submitted_at', '<', cutoff)
      } else {
        query.where((q) =>
          q
            .whereNot('drafts.status', DraftStatus.NeedsApproval)
            .orWhere('drafts.submitted_at', '>=', cutoff)
        )
      }
    }
    ctx.request.updateQs(rest)
    const drafts = await runList(ctx, query, DRAFT_LIST)
    return drafts.map((draft) => serializeDraft(draft))
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(DraftPolicy).authorize('view')
    const draft = await withContent(Draft.query()).where('drafts.id', params.id).first()
    if (!draft) throw ApiException.notFound('Draft')
    return serializeDraft(draft)
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('write')
    const data = await ctx.request.validateUsing(createDraftValidator)
    const draft = await createDraft(actorFromContext(ctx), ctx.auth.user!, data)
    return ctx.response.created(serializeDraft(draft))
  }

  async versions(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('view')
    if (!(await Draft.find(ctx.params.id))) throw ApiException.notFound('Draft')
    return runList(ctx, DraftVersion.query().where('draft_id', ctx.params.id), VERSION_LIST)
  }

  async addVersion(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('write')
    const data = await ctx.request.validateUsing(addVersionValidator)
    const version = await addVersion(actorFromContext(ctx), ctx.auth.user!, ctx.params.id, data)
    return ctx.response.created(version)
  }

  /** The reviewers' decisions, notes and inline edits: for people, and for the agent that wrote the draft. */
  async feedback({ auth, bouncer, params }: HttpContext) {
    await bouncer.with(DraftPolicy).authorize('view')
    return draftFeedback(auth.user!, params.id)
  }

  async submit(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('write')
    await submitDraft(actorFromContext(ctx), ctx.params.id)
    return this.show(ctx)
  }

  async decide(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('decide')
    const decision = await ctx.request.validateUsing(decisionValidator)
    const { approval } = await decideDraft(
      actorFromContext(ctx),
      ctx.auth.user as User,
      ctx.params.id,
      decision
    )
    const draft = await withContent(Draft.query()).where('drafts.id', ctx.params.id).firstOrFail()
    return { ...serializeDraft(draft), approval: approval.serialize() }
  }

  /** One decision over many drafts, each decided as if alone; refusals reported per draft. */
  async bulkDecide(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('decide')
    const data = await ctx.request.validateUsing(bulkDecisionValidator)
    return decideDraftsBulk(actorFromContext(ctx), ctx.auth.user as User, data)
  }
}
