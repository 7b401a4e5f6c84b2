import Task from '#models/task'
import Agent from '#models/agent'
import { OwnerType, TaskColumn, TaskPriority } from '#enums/task'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import { assertOwnerExists } from '#actions/tasks/task_references'
import type { Actor } from '#policies/app_policy'
import { DateTime } from 'luxon'

export interface NewTask {
  title: string
  description?: string
  column?: TaskColumn
  priority?: TaskPriority
  owner_type?: OwnerType
  owner_id?: string | null
  linked_lead_id?: string | null
  linked_draft_id?: string | null
}

/** Creates a card. Without an owner, the creator owns it. */
export async function createTask(context: ChangeContext, actor: Actor, data: NewTask) {
  const byAgent = actor instanceof Agent
  const ownerType = data.owner_type ?? (byAgent ? OwnerType.Agent : OwnerType.Admin)
  const ownerId = data.owner_id !== undefined ? data.owner_id : data.owner_type ? null : actor.id
  const column = data.column ?? TaskColumn.Backlog

  return recordChange(
    context,
    async (trx) => {
      await assertOwnerExists(trx, ownerType, ownerId)
      return Task.create(
        {
          title: data.title,
          description: data.description ?? '',
          column,
          priority: data.priority ?? TaskPriority.Med,
          ownerType,
          ownerId,
          linkedLeadId: data.linked_lead_id ?? null,
          linkedDraftId: data.linked_draft_id ?? null,
          createdBy: actor.id,
          doneAt: column === TaskColumn.Done ? DateTime.now() : null,
        },
        { client: trx }
      )
    },
    {
      action: 'task.created',
      resourceType: 'tasks',
      resourceId: (task) => task.id,
      taskId: (task) => task.id,
      after: (task) => task.serialize(),
      snapshot: true,
    }
  )
}
