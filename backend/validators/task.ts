import vine from '@vinejs/vine'
import { OWNER_TYPES, TASK_COLUMNS, TASK_PRIORITIES } from '#enums/task'
import { taskLinks } from '#plugin_host/task_links'
import { BULK_TASK_ACTIONS, MAX_BULK_TASKS } from '#actions/tasks/bulk_task_action'

const fields = {
  title: () => vine.string().trim().minLength(1).maxLength(200),
  description: () => vine.string().trim().maxLength(10_000),
  column: () => vine.enum(TASK_COLUMNS),
  priority: () => vine.enum(TASK_PRIORITIES),
  owner_type: () => vine.enum(OWNER_TYPES),
  owner_id: () => vine.string().uuid().nullable(),
}

/** `linked_<kind>_id` for every task link kind the enabled plugins declare. */
function linkFields() {
  return Object.fromEntries(
    taskLinks.all().map((link) => [link.field, vine.string().uuid().nullable().optional()])
  )
}

let validators: ReturnType<typeof build> | undefined

/* every field but the title is optional when creating; every one when updating */
function optionalFields() {
  return {
    description: fields.description().optional(),
    column: fields.column().optional(),
    priority: fields.priority().optional(),
    owner_type: fields.owner_type().optional(),
    owner_id: fields.owner_id().optional(),
    ...linkFields(),
  }
}

function build() {
  return {
    create: vine.create(vine.object({ title: fields.title(), ...optionalFields() })),
    update: vine.create(vine.object({ title: fields.title().optional(), ...optionalFields() })),
  }
}

/* built on first use: the link fields are known once the plugins are registered */
export function createTaskValidator() {
  validators ??= build()
  return validators.create
}

export function updateTaskValidator() {
  validators ??= build()
  return validators.update
}

/** POST /api/tasks/bulk-actions: an action over the cards a person ticked. */
export const bulkTaskActionValidator = vine.create(
  vine.object({
    action: vine.enum(BULK_TASK_ACTIONS),
    ids: vine.array(vine.string().uuid()).minLength(1).maxLength(MAX_BULK_TASKS).distinct(),
    column: fields.column().optional().requiredWhen('action', '=', 'move'),
    priority: fields.priority().optional().requiredWhen('action', '=', 'set_priority'),
  })
)
