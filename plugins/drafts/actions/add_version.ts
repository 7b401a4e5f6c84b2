import Draft from '../models/draft.js'
import DraftVersion from '../models/draft_version.js'
import { DraftStatus } from '../enums.js'
import { ApiException } from '#exceptions/api_exception'
import { linkedTaskId } from '../services/linked_task.js'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import type { Actor } from '#policies/app_policy'

/**
 * Adds a version on top of `base_version`. If someone else added one since
 * (base_version is no longer current), 409: the writer must look at the
 * newer text first. Approved drafts never change.
 */
export async function addVersion(
  context: ChangeContext,
  actor: Actor,
  draftId: string,
  data: { content: string; change_note?: string; base_version: number }
) {
  return recordChanges(context, async (trx, recorder) => {
    const draft = await Draft.query({ client: trx }).where('id', draftId).forUpdate().first()
    if (!draft) throw ApiException.notFound('Draft')
    if (draft.status === DraftStatus.Approved) {
      throw ApiException.conflict(
        'This draft is approved and can no longer change',
        'E_DRAFT_APPROVED'
      )
    }
    if (data.base_version !== draft.currentVersion) {
      throw new ApiException(
        409,
        `Version ${data.base_version} is not the current version (${draft.currentVersion}): someone changed the draft since. Reload it and apply your change to version ${draft.currentVersion}`,
        { code: 'E_STALE_VERSION', field: 'base_version' }
      )
    }
    const before = draft.serialize()
    const version = await DraftVersion.create(
      {
        draftId,
        versionNumber: draft.currentVersion + 1,
        content: data.content,
        changeNote: data.change_note ?? null,
        createdBy: actor.id,
      },
      { client: trx }
    )
    draft.currentVersion = version.versionNumber
    await draft.useTransaction(trx).save()
    await recorder.record({
      action: 'draft.version_added',
      resourceType: 'drafts',
      resourceId: draftId,
      taskId: await linkedTaskId(trx, draftId),
      before,
      after: draft.serialize(),
      payload: { version: version.versionNumber, change_note: version.changeNote },
    })
    return version
  })
}
