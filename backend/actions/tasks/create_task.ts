import Task from '#models/task'
import Agent from '#models/agent'
import { OwnerType, TaskColumn, TaskPriority } from '#enums/task'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import { assertOwnerExists } from '#actions/tasks/task_references'
import type { Actor } from '#policies/app_policy'
import { DateTime } from 'luxon'
import { taskLinks } from '#plugin_host/task_links'

export interface NewTask {
  title: string
  description?: string
  column?: TaskColumn
  priority?: TaskPriority
  owner_type?: OwnerType
  owner_id?: string | null
  /** a link to a plugin's record, one field per declared kind (plugin_host/task_links.ts) */
  [link: LinkField]: string | null | undefined
}

export type LinkField = `linked_${string}_id`

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
      const task = new Task().fill({
        title: data.title,
        description: data.description ?? '',
        column,
        priority: data.priority ?? TaskPriority.Med,
        ownerType,
        ownerId,
        createdBy: actor.id,
        doneAt: column === TaskColumn.Done ? DateTime.now() : null,
      })
      for (const link of taskLinks.all()) {
        task.setLink(link.kind, data[link.field as LinkField] ?? null)
      }
      return task.useTransaction(trx).save()
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
