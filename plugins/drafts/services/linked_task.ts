import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** The card a draft belongs to (the oldest, if several link to it), for the events' taskId. */
export async function linkedTaskId(trx: TransactionClientContract, draftId: string) {
  const row = await trx
    .from('tasks')
    .where('linked_draft_id', draftId)
    .orderBy('created_at', 'asc')
    .select('id')
    .first()
  return (row?.id as string | undefined) ?? null
}
