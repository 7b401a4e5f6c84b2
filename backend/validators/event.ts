import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import {
  EVENT_TYPE_PATTERN,
  MAX_EVENT_PAYLOAD_BYTES,
  RESERVED_EVENT_NAMESPACES,
  RESERVED_EVENT_TYPE_PATTERN,
  RESERVED_EVENT_VERBS,
  reservedEventTypeReason,
} from '#enums/event_type'

const notReserved = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (!field.isValid || typeof value !== 'string') return
    const reason = reservedEventTypeReason(value)
    if (reason) field.report(reason, 'reserved', field)
  },
  {
    toJSONSchema(schema) {
      schema.not = { pattern: RESERVED_EVENT_TYPE_PATTERN.source }
      schema.description =
        `Not reserved (rule \`reserved\`): no ${RESERVED_EVENT_NAMESPACES.map((name) => `\`${name}.\``).join(', ')} ` +
        `namespace, no ${RESERVED_EVENT_VERBS.map((verb) => `\`.${verb}\``).join(', ')} ending.`
    },
  }
)

/* Measured as stored: the UTF-8 bytes of the serialized JSON. */
const maxJsonBytes = vine.createRule(
  (value: unknown, limit: number, field: FieldContext) => {
    if (!field.isValid) return
    const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8')
    if (bytes > limit) {
      field.report(
        `The payload is ${bytes} bytes of JSON; at most ${limit} bytes (64 KB) are accepted`,
        'maxSize',
        field
      )
    }
  },
  {
    /* JSON Schema has no keyword for a size in bytes: say it */
    toJSONSchema(schema, limit) {
      schema.description = `At most ${limit} bytes of JSON (rule \`maxSize\`).`
    },
  }
)

export const createEventValidator = vine.create(
  vine.object({
    event_type: vine.string().trim().maxLength(100).regex(EVENT_TYPE_PATTERN).use(notReserved()),
    task_id: vine.string().uuid().nullable().optional(),
    payload: vine.record(vine.any()).use(maxJsonBytes(MAX_EVENT_PAYLOAD_BYTES)).optional(),
  })
)

createEventValidator.messagesProvider = new SimpleMessagesProvider({
  'event_type.regex':
    'The event_type must be lowercase words joined by dots, at least two of them (lead.enriched)',
  'payload.record': 'The payload must be a JSON object',
})
