import { DateTime } from 'luxon'
import Draft from '../models/draft.js'
import { DraftStatus } from '../enums.js'
import { ApiException } from '#exceptions/api_exception'
import { linkedTaskId } from '../services/linked_task.js'
import { TaskColumn } from '#enums/task'
import { recordChanges, type ChangeContext } from '#services/change_recorder'
import { moveLinkedTasks } from '#actions/tasks/move_linked_tasks'

/** Into the approval queue; the linked card moves to needs_approval with it. */
export async function submitDraft(context: ChangeContext, draftId: string) {
  return recordChanges(context, async (trx, recorder) => {
    const draft = await Draft.query({ client: trx }).where('id', draftId).forUpdate().first()
    if (!draft) throw ApiException.notFound('Draft')
    if (draft.status !== DraftStatus.Draft) {
      throw ApiException.conflict(
        `Only a draft in status "draft" can be submitted; this one is ${draft.status}`,
        'E_INVALID_TRANSITION'
      )
    }
    const before = draft.serialize()
    draft.status = DraftStatus.NeedsApproval
    draft.submittedAt = DateTime.now()
    draft.overdueNotifiedAt = null
    await draft.useTransaction(trx).save()
    await recorder.record({
      action: 'draft.submitted_for_approval',
      resourceType: 'drafts',
      resourceId: draftId,
      taskId: await linkedTaskId(trx, draftId),
      before,
      after: draft.serialize(),
      payload: { status: draft.status, version: draft.currentVersion },
    })
    await moveLinkedTasks(
      recorder,
      { kind: 'draft', id: draftId },
      TaskColumn.NeedsApproval,
      'draft.submitted_for_approval'
    )
    return draft
  })
}
