import Draft from '../models/draft.js'
import DraftVersion from '../models/draft_version.js'
import { DraftChannel, DraftStatus } from '../enums.js'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import type { Actor } from '#policies/app_policy'
import app from '@adonisjs/core/services/app'
import { withContent } from '../services/draft_view.js'

export interface NewDraft {
  lead_id?: string | null
  channel: DraftChannel
  draft_type: string
  content: string
  change_note?: string
}

/** A draft and its version 1; its lead moves forward to `drafted`. */
export async function createDraft(context: ChangeContext, actor: Actor, data: NewDraft) {
  return recordChanges(context, async (trx, recorder) => {
    const draft = await Draft.create(
      {
        leadId: data.lead_id ?? null,
        channel: data.channel,
        draftType: data.draft_type,
        status: DraftStatus.Draft,
        currentVersion: 1,
        createdBy: actor.id,
      },
      { client: trx }
    )
    await DraftVersion.create(
      {
        draftId: draft.id,
        versionNumber: 1,
        content: data.content,
        changeNote: data.change_note ?? null,
        createdBy: actor.id,
      },
      { client: trx }
    )
    const created = await withContent(Draft.query({ client: trx }))
      .where('drafts.id', draft.id)
      .firstOrFail()
    await recorder.record({
      action: 'draft.created',
      resourceType: 'drafts',
      resourceId: draft.id,
      after: { ...created.serialize(), content: data.content },
      payload: { version: 1, lead_id: draft.leadId },
    })
    if (draft.leadId) {
      const funnel = await app.container.make('leads.funnel')
      await funnel.advance(recorder, draft.leadId, 'drafted', 'draft.created')
    }
    return created
  })
}
