import vine from '@vinejs/vine'
import { LEAD_STATUSES } from '../enums.js'
import { BULK_LEAD_ACTIONS } from '../actions/lead_bulk_actions.js'

/** How many leads a selection by id may name (a person ticks them, page after page). */
export const MAX_BULK_ACTION_IDS = 1000

/* The list's query parameters as `GET /api/leads` takes them: a text, or a list of texts for a repeated key. */
const filterValue = () =>
  vine
    .unionOfTypes([
      vine.string().maxLength(500),
      vine.array(vine.string().maxLength(500)).maxLength(MAX_BULK_ACTION_IDS),
    ])
    .otherwise((_, field) =>
      field.report('A filter value is a text or a list of texts', 'filterValue', field)
    )

/**
 * POST /api/leads/bulk-actions: an action, and either `ids` (the rows
 * ticked) or `filter` (every lead the list's filters match when it runs).
 */
export const bulkLeadActionValidator = vine.create(
  vine.object({
    action: vine.enum(BULK_LEAD_ACTIONS),
    ids: vine
      .array(vine.string().uuid())
      .minLength(1)
      .maxLength(MAX_BULK_ACTION_IDS)
      .distinct()
      .optional(),
    filter: vine.record(filterValue()).optional(),
    expected_count: vine.number().withoutDecimals().min(0).optional(),
    status: vine.enum(LEAD_STATUSES).optional().requiredWhen('action', '=', 'set_status'),
    next_step: vine
      .string()
      .trim()
      .maxLength(500)
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
  })
)

/** POST /api/leads/export.csv: the ticked rows as CSV. */
export const exportSelectedLeadsValidator = vine.create(
  vine.object({
    ids: vine.array(vine.string().uuid()).minLength(1).maxLength(MAX_BULK_ACTION_IDS).distinct(),
    include_suppressed: vine.boolean().optional(),
  })
)
