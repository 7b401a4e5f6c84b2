import { claimTask } from '#actions/tasks/claim_task'
import type { HttpContext } from '@adonisjs/core/http'
import Task from '#models/task'
import TaskPolicy from '#policies/task_policy'
import { ApiException } from '#exceptions/api_exception'
import { bulkTaskActionValidator, createTaskValidator, updateTaskValidator } from '#validators/task'
import { runList, type ListSpec } from '#services/list_query'
import { actorFromContext } from '#services/change_recorder'
import { createTask } from '#actions/tasks/create_task'
import { updateTask } from '#actions/tasks/update_task'
import { deleteTask } from '#actions/tasks/delete_task'
import { runBulkTaskAction } from '#actions/tasks/bulk_task_action'
import { OWNER_TYPES, TASK_COLUMNS, TASK_PRIORITIES, TaskColumn } from '#enums/task'
import { taskLinks } from '#plugin_host/task_links'

let list: ListSpec | undefined

/** The list dialect of tasks; a filter per declared task link kind (`linked_<kind>_id`). */
export function taskList(): ListSpec {
  list ??= {
    filters: {
      id: 'uuid',
      title: 'text',
      column: { enum: TASK_COLUMNS },
      priority: { enum: TASK_PRIORITIES },
      owner_type: { enum: OWNER_TYPES },
      owner_id: 'uuid',
      ...Object.fromEntries(taskLinks.all().map((link) => [link.field, 'uuid' as const])),
      created_by: 'uuid',
      created_at: 'datetime',
      updated_at: 'datetime',
      done_at: 'datetime',
    },
    sortable: ['title', 'column', 'priority', 'created_at', 'updated_at', 'done_at'],
    search: ['title', 'description'],
    defaultSort: [['created_at', 'asc']],
  }
  return list
}

export default class TasksController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(TaskPolicy).authorize('view')
    return runList(ctx, Task.query(), taskList())
  }

  async show({ bouncer, params }: HttpContext) {
    await bouncer.with(TaskPolicy).authorize('view')
    const task = await Task.find(params.id)
    if (!task) throw ApiException.notFound('Task')
    return task
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(TaskPolicy).authorize('write')
    const data = await ctx.request.validateUsing(createTaskValidator())
    await ctx.bouncer.with(TaskPolicy).authorize('move', null, data.column ?? TaskColumn.Backlog)
    const task = await createTask(actorFromContext(ctx), ctx.auth.user!, data)
    return ctx.response.created(task)
  }

  /** Edits and moves: `PATCH {"column":"doing"}` moves the card. */
  async update(ctx: HttpContext) {
    await ctx.bouncer.with(TaskPolicy).authorize('write')
    const changes = await ctx.request.validateUsing(updateTaskValidator())
    return updateTask(actorFromContext(ctx), ctx.params.id, changes, async (from, to) => {
      if (await ctx.bouncer.with(TaskPolicy).denies('move', from, to)) {
        throw ApiException.forbidden(`Only an admin moves a task into or out of done`)
      }
    })
  }

  /** The caller takes the task (409 when someone else owns it). */
  async claim(ctx: HttpContext) {
    await ctx.bouncer.with(TaskPolicy).authorize('write')
    return claimTask(actorFromContext(ctx), ctx.auth.user!, ctx.params.id)
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(TaskPolicy).authorize('delete')
    await deleteTask(actorFromContext(ctx), ctx.params.id)
    return ctx.response.noContent()
  }

  /**
   * POST /api/tasks/bulk-actions: move the ticked cards to a column, set
   * their priority (whoever may write tasks) or delete them (tasks.finish).
   * Each card is checked as if moved alone: the ones the rules keep where
   * they are come back in `refused`; the rest change in one transaction.
   */
  async act(ctx: HttpContext) {
    const policy = ctx.bouncer.with(TaskPolicy)
    await policy.authorize('write')
    const data = await ctx.request.validateUsing(bulkTaskActionValidator)
    if (data.action === 'delete') await policy.authorize('delete')
    return runBulkTaskAction(actorFromContext(ctx), data, (from, to) =>
      policy.allows('move', from, to)
    )
  }
}
