import vine from '@vinejs/vine'

export const createAgentValidator = vine.create(
  vine.object({
    name: vine
      .string()
      .trim()
      .minLength(2)
      .maxLength(64)
      .regex(/^[a-z0-9][a-z0-9_-]*$/)
      .unique({ table: 'agents', column: 'name' }),
    type: vine.string().trim().maxLength(64),
    metadata: vine.record(vine.any()).optional(),
  })
)

export const heartbeatValidator = vine.create(
  vine.object({
    /* An agent reports whether it is working; only an admin pauses or kills it. */
    status: vine.enum(['idle', 'running'] as const),
    current_task_id: vine.string().uuid().nullable().optional(),
    message: vine.string().trim().maxLength(2000).optional(),
  })
)

export const controlReasonValidator = vine.create(
  vine.object({
    reason: vine.string().trim().maxLength(500).optional(),
  })
)
