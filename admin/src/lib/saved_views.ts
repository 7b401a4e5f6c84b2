import type { CrudFilter, CrudSort } from '@refinedev/core'
import type { components } from '#client/api_types'

/*
| Saved views (GET/POST /api/saved-views, PATCH/DELETE /api/saved-views/:id):
| a list's filters, sort, page size and hidden columns, named. A list's URL
| already carries its filters and sort (useTable's syncWithLocation); a view
| is that, kept under a name, plus the columns. Opening one goes through
| /views/open/:id, which sets the columns and then the list's URL, so the
| list starts afresh from it.
*/

export type SavedView = components['schemas']['SavedView']
export type ViewFilter = SavedView['filters'][number]
export type ViewSorter = SavedView['sorters'][number]

/** The query parameter naming the view a list was opened from. */
export const VIEW_PARAM = 'view'

const OPERATORS = new Set<string>(['eq', 'ne', 'in', 'gte', 'lte', 'contains'])

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

/** The URL's filters as a view keeps them: with a value, as text, in the API's operators. */
export function viewFilters(filters: CrudFilter[] | undefined): ViewFilter[] {
  return (filters ?? []).flatMap((filter): ViewFilter[] => {
    if (!('field' in filter) || !OPERATORS.has(filter.operator) || isEmpty(filter.value)) return []
    const value = Array.isArray(filter.value)
      ? filter.value.map(String)
      : String(filter.value as string | number | boolean)
    return [{ field: filter.field, operator: filter.operator as ViewFilter['operator'], value }]
  })
}

export function viewSorters(sorters: CrudSort[] | undefined): ViewSorter[] {
  return (sorters ?? [])
    .filter((sorter) => sorter.field && (sorter.order === 'asc' || sorter.order === 'desc'))
    .map((sorter) => ({ field: sorter.field, order: sorter.order }))
}

/** A list's state, as a view would keep it. */
export interface ListState {
  filters: ViewFilter[]
  sorters: ViewSorter[]
  hidden_columns: string[]
  page_size: number | null
}

const canonical = (state: ListState) =>
  JSON.stringify({
    filters: [...state.filters].sort((a, b) => a.field.localeCompare(b.field)),
    sorters: state.sorters,
    hidden_columns: [...state.hidden_columns].sort(),
    page_size: state.page_size,
  })

/** Whether the list shows something other than the view it was opened from. */
export function differsFrom(view: SavedView, state: ListState) {
  return (
    canonical({
      filters: view.filters,
      sorters: view.sorters,
      hidden_columns: view.hidden_columns,
      page_size: state.page_size === null ? null : (view.page_size ?? state.page_size),
    }) !== canonical(state)
  )
}

/** The list URL's query for a view (useTable's syncWithLocation shape), from its first page. */
export function viewQuery(view: SavedView) {
  return {
    filters: view.filters,
    sorters: view.sorters,
    currentPage: 1,
    ...(view.page_size ? { pageSize: view.page_size } : {}),
    [VIEW_PARAM]: view.id,
  }
}

/* Hidden columns, per person and list, on this device (a view carries its own). */

const columnsKey = (userId: string, resource: string) => `mc.columns.${userId}.${resource}`

export function readHiddenColumns(userId: string | undefined, resource: string | undefined) {
  if (!userId || !resource) return []
  try {
    const value = JSON.parse(localStorage.getItem(columnsKey(userId, resource)) ?? '[]')
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : []
  } catch {
    return []
  }
}

export function writeHiddenColumns(userId: string, resource: string, hidden: string[]) {
  try {
    localStorage.setItem(columnsKey(userId, resource), JSON.stringify(hidden))
  } catch {
    /* private mode: the columns last until the page is left */
  }
}
