import Task from '#models/task'
import Agent from '#models/agent'
import { OwnerType } from '#enums/task'
import { ApiException } from '#exceptions/api_exception'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import type { Actor } from '#policies/actor'

/**
 * The caller takes a task: it becomes the owner, unless someone else owns
 * it already (409 naming the owner; an admin reassigns with PATCH). The row
 * is locked, so of two agents claiming the same card at once exactly one
 * gets it. Claiming a task one already owns changes nothing and answers it.
 */
export async function claimTask(context: ChangeContext, actor: Actor, id: string) {
  const ownerType = actor instanceof Agent ? OwnerType.Agent : OwnerType.Admin
  const mine = (task: Task) => task.ownerType === ownerType && task.ownerId === actor.id

  const current = await Task.find(id)
  if (!current) throw ApiException.notFound('Task')
  if (mine(current)) return current.serialize()

  return recordChange(
    context,
    async (trx) => {
      const task = await Task.query({ client: trx }).where('id', id).forUpdate().first()
      if (!task) throw ApiException.notFound('Task')
      if (task.ownerId && !mine(task)) {
        const owner =
          task.ownerType === OwnerType.Agent
            ? ((await trx.from('agents').where('id', task.ownerId).first())?.name ?? 'an agent')
            : ((await trx.from('users').where('id', task.ownerId).first())?.email ?? 'a person')
        throw new ApiException(409, `This task is already claimed by ${owner}`, {
          code: 'E_ALREADY_CLAIMED',
          meta: { owner_type: task.ownerType, owner_id: task.ownerId },
        })
      }
      const before = task.serialize()
      task.ownerType = ownerType
      task.ownerId = actor.id
      await task.useTransaction(trx).save()
      return { task, before }
    },
    {
      action: 'task.updated',
      resourceType: 'tasks',
      resourceId: id,
      taskId: id,
      before: ({ before }) => before,
      after: ({ task }) => task.serialize(),
      payload: { claimed: true },
      snapshot: true,
    }
  ).then(({ task }) => task.serialize())
}
