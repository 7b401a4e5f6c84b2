import { DateTime } from 'luxon'
import Draft from '../models/draft.js'
import { DraftStatus } from '../enums.js'
import { SYSTEM, recordChanges } from '#services/change_recorder'
import { draftsConfig } from '../config.js'
import { linkedTaskId } from '../services/linked_task.js'

/**
 * Emits `draft.approval_overdue` once per stay in the approval queue for
 * drafts waiting longer than the SLA. Rows are claimed with SKIP LOCKED and
 * stamped in the same transaction, so several API instances running the
 * sweep never send the same event twice.
 */
export async function flagOverdueDrafts(now = DateTime.now()) {
  const cutoff = now.minus({ minutes: draftsConfig.approvalSlaMinutes })
  return recordChanges(
    SYSTEM,
    async (trx, recorder) => {
      const due = await Draft.query({ client: trx })
        .where('status', DraftStatus.NeedsApproval)
        .where('submitted_at', '<', cutoff.toJSDate())
        .whereNull('overdue_notified_at')
        .orderBy('submitted_at', 'asc')
        .limit(200)
        .forUpdate()
        .skipLocked()
      for (const draft of due) {
        draft.overdueNotifiedAt = now
        await draft.useTransaction(trx).save()
        const waiting = Math.floor(now.diff(draft.submittedAt!, 'seconds').seconds)
        await recorder.record({
          action: 'draft.approval_overdue',
          resourceType: 'drafts',
          resourceId: draft.id,
          taskId: await linkedTaskId(trx, draft.id),
          payload: {
            waiting_seconds: waiting,
            sla_minutes: draftsConfig.approvalSlaMinutes,
            submitted_at: draft.submittedAt!.toISO(),
          },
        })
      }
      return due.map((draft) => draft.id)
    },
    { allowNoChange: true }
  )
}
