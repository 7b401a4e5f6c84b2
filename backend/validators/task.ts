import vine from '@vinejs/vine'
import { OWNER_TYPES, TASK_COLUMNS, TASK_PRIORITIES } from '#enums/task'

const fields = {
  title: vine.string().trim().minLength(1).maxLength(200),
  description: vine.string().trim().maxLength(10_000),
  column: vine.enum(TASK_COLUMNS),
  priority: vine.enum(TASK_PRIORITIES),
  owner_type: vine.enum(OWNER_TYPES),
  owner_id: vine.string().uuid().nullable(),
  linked_lead_id: vine.string().uuid().nullable(),
  linked_draft_id: vine.string().uuid().nullable(),
}

export const createTaskValidator = vine.create(
  vine.object({
    title: fields.title,
    description: fields.description.optional(),
    column: fields.column.optional(),
    priority: fields.priority.optional(),
    owner_type: fields.owner_type.optional(),
    owner_id: fields.owner_id.optional(),
    linked_lead_id: fields.linked_lead_id.optional(),
    linked_draft_id: fields.linked_draft_id.optional(),
  })
)

export const updateTaskValidator = vine.create(
  vine.object({
    title: fields.title.optional(),
    description: fields.description.optional(),
    column: fields.column.optional(),
    priority: fields.priority.optional(),
    owner_type: fields.owner_type.optional(),
    owner_id: fields.owner_id.optional(),
    linked_lead_id: fields.linked_lead_id.optional(),
    linked_draft_id: fields.linked_draft_id.optional(),
  })
)
