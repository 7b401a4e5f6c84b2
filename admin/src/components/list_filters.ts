import type { CrudFilter, CrudFilters, CrudOperators } from '@refinedev/core'

/*
| Filter forms beside useTable: a URL like /leads?filters[0][field]=status...
| fills the form (`filterValues`), and the form's values become the list's
| filters (`toFilters`). One spec per list keeps both directions in sync.
*/

export interface FilterField {
  /** The form field name. */
  name: string
  /** The API field (defaults to name); `q` is the free-text search. */
  field?: string
  /** eq (field=), in (repeated field=), contains (field_like), gte, lte, ne. */
  operator: Extract<CrudOperators, 'eq' | 'in' | 'contains' | 'gte' | 'lte' | 'ne'>
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0)

/** The form's values → CrudFilters; an empty value removes that filter. */
export function toFilters(spec: FilterField[], values: Record<string, unknown>): CrudFilters {
  return spec.map(({ name, field, operator }) => {
    const raw = values[name]
    const value = typeof raw === 'string' ? raw.trim() : raw
    return { field: field ?? name, operator, value: isEmpty(value) ? undefined : value }
  }) as CrudFilters
}

/** The current filters → the form's initial values. */
export function filterValues(spec: FilterField[], filters: CrudFilters): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const { name, field, operator } of spec) {
    const match = filters.find(
      (filter): filter is CrudFilter & { field: string } =>
        'field' in filter && filter.field === (field ?? name) && filter.operator === operator
    )
    if (match && !isEmpty(match.value)) {
      values[name] = operator === 'in' && !Array.isArray(match.value) ? [match.value] : match.value
    }
  }
  return values
}

/** Whether any filter has a value (for "no match" vs "nothing yet"). */
export function hasActiveFilters(filters: CrudFilters) {
  return filters.some((filter) => 'field' in filter && !isEmpty(filter.value))
}
