import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { createLeadValidator } from './lead.js'

/** How many leads one `POST /api/leads/bulk` takes (more: 413). */
export const MAX_BULK_LEADS = 1000

/*
| Each row is checked on its own with createLeadValidator (a bad row is
| refused, the others are created), so the envelope takes any item; its
| JSON Schema still says what an item must be: the create route's body.
*/
const leadRows = vine.createRule(
  (_value: unknown, _options: undefined, _field: FieldContext) => {},
  {
    toJSONSchema(schema) {
      schema.items = structuredClone(createLeadValidator.toJSONSchema())
      schema.description = `Up to ${MAX_BULK_LEADS} leads, each the body of \`POST /api/leads\`; each is checked on its own.`
    },
  }
)

export const createLeadsBulkValidator = vine.create(
  vine.object({
    leads: vine.array(vine.any()).minLength(1).maxLength(MAX_BULK_LEADS).use(leadRows()),
  })
)
