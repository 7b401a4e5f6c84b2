import vine from '@vinejs/vine'

/* `draft.approved`, `draft.*`, or `*` */
const EVENT_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/
const RESOURCE = /^[a-z][a-z0-9_-]*$/

const fields = {
  url: () =>
    vine
      .string()
      .trim()
      .maxLength(2000)
      .url({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }),
  description: () => vine.string().trim().maxLength(500).nullable(),
  event_types: () =>
    vine
      .array(vine.string().trim().maxLength(100).regex(EVENT_PATTERN))
      .minLength(1)
      .maxLength(50)
      .distinct(),
  resource_types: () =>
    vine.array(vine.string().trim().maxLength(100).regex(RESOURCE)).maxLength(50).distinct(),
  agent_id: () => vine.string().uuid().nullable(),
  enabled: () => vine.boolean(),
}

export const createWebhookValidator = vine.create(
  vine.object({
    url: fields.url(),
    description: fields.description().optional(),
    event_types: fields.event_types(),
    resource_types: fields.resource_types().optional(),
    agent_id: fields.agent_id().optional(),
    enabled: fields.enabled().optional(),
  })
)

export const updateWebhookValidator = vine.create(
  vine.object({
    url: fields.url().optional(),
    description: fields.description().optional(),
    event_types: fields.event_types().optional(),
    resource_types: fields.resource_types().optional(),
    agent_id: fields.agent_id().optional(),
    enabled: fields.enabled().optional(),
    /** A new secret; the old one stops working at once. */
    rotate_secret: vine.boolean().optional(),
  })
)
