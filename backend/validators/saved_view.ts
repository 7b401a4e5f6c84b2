import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/** A view's filters as JSON, at most: a view opens as a URL, and every list's Views menu loads them. */
export const MAX_VIEW_FILTER_BYTES = 8 * 1024
/** Views one person keeps per list. */
export const MAX_VIEWS_PER_LIST = 100

const maxJsonBytes = vine.createRule((value: unknown, limit: number, field: FieldContext) => {
  if (!field.isValid) return
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8')
  if (bytes > limit) {
    field.report(
      `The filters are ${bytes} bytes of JSON; a view keeps at most ${limit} (it must fit in a link)`,
      'maxSize',
      field
    )
  }
})

/** The list a view belongs to: the API path its screen reads (`tasks`, `audit`, a plugin's). */
export const RESOURCE_PATTERN = /^[a-z][a-z0-9_-]*$/
/** A record field, as the list dialect names it (`status`, `created_at`). */
const FIELD_PATTERN = /^[a-z_][a-z0-9_]*$/

/**
 * The filter operators a list's URL may carry and the API understands
 * (`field`, `field_ne`, repeated keys, `field_gte`, `field_lte`,
 * `field_like`); others would be sent as equality by the admin's client.
 */
export const VIEW_OPERATORS = ['eq', 'ne', 'in', 'gte', 'lte', 'contains'] as const

const filter = () =>
  vine.object({
    field: vine.string().maxLength(100).regex(FIELD_PATTERN),
    operator: vine.enum(VIEW_OPERATORS),
    /* as a URL carries it: text, or a list of texts for `in` */
    value: vine
      .unionOfTypes([
        vine.string().maxLength(500),
        vine.array(vine.string().maxLength(500)).maxLength(100),
      ])
      .otherwise((_, field) =>
        field.report('A filter value is a text or a list of texts', 'filterValue', field)
      ),
  })

const sorter = () =>
  vine.object({
    field: vine.string().maxLength(100).regex(FIELD_PATTERN),
    order: vine.enum(['asc', 'desc'] as const),
  })

const fields = {
  name: () => vine.string().trim().minLength(1).maxLength(100),
  filters: () => vine.array(filter()).maxLength(50).use(maxJsonBytes(MAX_VIEW_FILTER_BYTES)),
  sorters: () => vine.array(sorter()).maxLength(5),
  hidden_columns: () =>
    vine.array(vine.string().trim().minLength(1).maxLength(100)).maxLength(100).distinct(),
  page_size: () => vine.number().withoutDecimals().min(1).max(1000).nullable(),
  shared: () => vine.boolean(),
}

/** POST /api/saved-views: the list's current state, named. */
export const createSavedViewValidator = vine.create(
  vine.object({
    resource: vine.string().trim().maxLength(64).regex(RESOURCE_PATTERN),
    name: fields.name(),
    filters: fields.filters().optional(),
    sorters: fields.sorters().optional(),
    hidden_columns: fields.hidden_columns().optional(),
    page_size: fields.page_size().optional(),
    shared: fields.shared().optional(),
  })
)

/** PATCH /api/saved-views/:id: any of the fields (a view never moves to another list). */
export const updateSavedViewValidator = vine.create(
  vine.object({
    name: fields.name().optional(),
    filters: fields.filters().optional(),
    sorters: fields.sorters().optional(),
    hidden_columns: fields.hidden_columns().optional(),
    page_size: fields.page_size().optional(),
    shared: fields.shared().optional(),
  })
)
