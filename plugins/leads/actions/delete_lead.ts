import Lead from '../models/lead.js'
import Task from '#models/task'
import { ApiException } from '#exceptions/api_exception'
import { recordChanges, type ChangeContext } from '#services/change_recorder'

/**
 * Deletes a lead (admin). Tasks linked to it are unlinked in the same
 * transaction, each with its own event and snapshot, so the board's history
 * (replay) sees the link end instead of the foreign key clearing it silently.
 */
export async function deleteLead(context: ChangeContext, id: string) {
  await recordChanges(context, async (trx, recorder) => {
    const lead = await Lead.query({ client: trx }).where('id', id).forUpdate().first()
    if (!lead) throw ApiException.notFound('Lead')

    const tasks = await Task.query({ client: trx }).where('linked_lead_id', id).forUpdate()
    for (const task of tasks) {
      const before = task.serialize()
      task.setLink('lead', null)
      await task.useTransaction(trx).save()
      await recorder.record({
        action: 'task.updated',
        resourceType: 'tasks',
        resourceId: task.id,
        taskId: task.id,
        before,
        after: task.serialize(),
        payload: { reason: 'lead deleted', lead_id: id },
        snapshot: true,
      })
    }

    const before = lead.serialize()
    await lead.useTransaction(trx).delete()
    await recorder.record({
      action: 'lead.deleted',
      resourceType: 'leads',
      resourceId: id,
      before,
      after: null,
      payload: { deleted: true },
    })
  })
}
