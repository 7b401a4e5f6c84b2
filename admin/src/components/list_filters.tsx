import type { CrudFilter, CrudFilters, CrudOperators } from '@refinedev/core'
import { DatePicker, Form, Input, Select, type FormProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'

/*
| The filter form beside a generated list. A list declares its filters as
| data; this renders the form, turns its values into the list's filters
| (`toFilters`, useTable's onSearch) and a URL such as
| /leads?filters[0][field]=status... back into the form (`filterValues`), so
| a filtered list can be shared and reloaded.
*/

interface Base {
  /** The form field; also the API field unless `field` says otherwise. */
  name: string
  field?: string
  placeholder: string
  width?: number
  testId?: string
}

/** Free text over the list's search fields: `q`. */
export interface SearchFilter extends Base {
  kind: 'search'
}

/** A text field: `eq` (an id), or `contains` (`field_like`). Sent on Enter (and on leaving it, with `onBlur`). */
export interface TextFilter extends Base {
  kind: 'text'
  operator: 'eq' | 'contains'
  onBlur?: boolean
}

/** A choice among options: one (`eq`), or several (`multiple`: `in`). Sent as soon as it changes. */
export interface SelectFilter extends Base {
  kind: 'select'
  options: { value: string; label: string }[]
  multiple?: boolean
  showSearch?: boolean
}

/** A range of days on a date field: two filters, `gte` its first day's start and `lte` its last day's end. */
export interface DateRangeFilter extends Omit<Base, 'placeholder'> {
  kind: 'date_range'
  placeholder?: string
}

export type ListFilter = SearchFilter | TextFilter | SelectFilter | DateRangeFilter

/* One line per filter in a list's declaration. */

/** The free-text search (`q`). */
export const search = (placeholder: string, width?: number): SearchFilter => ({
  kind: 'search',
  name: 'q',
  placeholder,
  width,
})

/** One of the options (`eq`). */
export const choice = (
  name: string,
  placeholder: string,
  options: SelectFilter['options'],
  more: Partial<SelectFilter> = {}
): SelectFilter => ({ kind: 'select', name, placeholder, options, ...more })

/** Any of the options (`in`). */
export const choices = (
  name: string,
  placeholder: string,
  options: SelectFilter['options'],
  more: Partial<SelectFilter> = {}
): SelectFilter => choice(name, placeholder, options, { multiple: true, ...more })

/** Typed text: an exact value (`eq`), or a part of it (`contains`). */
export const text = (
  name: string,
  placeholder: string,
  operator: TextFilter['operator'] = 'eq',
  more: Partial<TextFilter> = {}
): TextFilter => ({ kind: 'text', name, placeholder, operator, ...more })

/** A range of days on `field`. */
export const dateRange = (name: string, field: string): DateRangeFilter => ({
  kind: 'date_range',
  name,
  field,
})

/** Options whose label is the value itself. */
export const asOptions = (values: readonly string[]) =>
  values.map((value) => ({ value, label: value }))

type Operator = Extract<CrudOperators, 'eq' | 'in' | 'contains'>

const fieldOf = (filter: ListFilter) => filter.field ?? filter.name

function operatorOf(filter: Exclude<ListFilter, DateRangeFilter>): Operator {
  if (filter.kind === 'text') return filter.operator
  if (filter.kind === 'select' && filter.multiple) return 'in'
  return 'eq'
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0)

/** The form's values → CrudFilters; an empty value removes that filter. */
export function toFilters(
  spec: readonly ListFilter[],
  values: Record<string, unknown>
): CrudFilters {
  return spec.flatMap((filter): CrudFilter[] => {
    const raw = values[filter.name]
    if (filter.kind === 'date_range') {
      const [from, to] = (raw as [Dayjs | null, Dayjs | null] | null | undefined) ?? [null, null]
      return [
        { field: fieldOf(filter), operator: 'gte', value: from?.startOf('day').toISOString() },
        { field: fieldOf(filter), operator: 'lte', value: to?.endOf('day').toISOString() },
      ]
    }
    const value = typeof raw === 'string' ? raw.trim() : raw
    return [
      {
        field: fieldOf(filter),
        operator: operatorOf(filter),
        value: isEmpty(value) ? undefined : value,
      },
    ]
  })
}

/** The current filters → the form's initial values. */
export function filterValues(
  spec: readonly ListFilter[],
  filters: CrudFilters
): Record<string, unknown> {
  const find = (field: string, operator: CrudOperators) =>
    filters.find(
      (filter): filter is CrudFilter & { field: string } =>
        'field' in filter && filter.field === field && filter.operator === operator
    )
  const values: Record<string, unknown> = {}
  for (const filter of spec) {
    if (filter.kind === 'date_range') {
      const bound = (operator: 'gte' | 'lte') => {
        const value = find(fieldOf(filter), operator)?.value
        return value ? dayjs(String(value)) : null
      }
      const from = bound('gte')
      const to = bound('lte')
      if (from || to) values[filter.name] = [from, to]
      continue
    }
    const operator = operatorOf(filter)
    const match = find(fieldOf(filter), operator)
    if (match && !isEmpty(match.value)) {
      values[filter.name] =
        operator === 'in' && !Array.isArray(match.value) ? [match.value] : match.value
    }
  }
  return values
}

/** Whether any filter has a value (for "no match" vs "nothing yet"). */
export function hasActiveFilters(filters: CrudFilters) {
  return filters.some((filter) => 'field' in filter && !isEmpty(filter.value))
}

/**
 * The form: one control per declared filter, inline, sent the way each kind
 * expects (a select at once, text on Enter). `formProps` is useTable's
 * `searchFormProps`, `current` its `filters`.
 */
export function ListFilters({
  spec,
  formProps,
  current,
}: {
  spec: readonly ListFilter[]
  formProps: FormProps
  current: CrudFilters
}) {
  const submit = () => formProps.form?.submit()
  return (
    <Form
      {...formProps}
      layout="inline"
      initialValues={filterValues(spec, current)}
      style={{ rowGap: 8 }}
    >
      {spec.map((filter) => (
        <Form.Item key={filter.name} name={filter.name}>
          {control(filter, submit)}
        </Form.Item>
      ))}
    </Form>
  )
}

function control(filter: ListFilter, submit: () => void) {
  const testId = filter.testId ? { 'data-testid': filter.testId } : {}
  switch (filter.kind) {
    case 'search':
      return (
        <Input.Search
          placeholder={filter.placeholder}
          allowClear
          onSearch={submit}
          style={filter.width ? { width: filter.width } : undefined}
          {...testId}
        />
      )
    case 'text':
      return (
        <Input
          placeholder={filter.placeholder}
          allowClear
          onPressEnter={submit}
          onBlur={filter.onBlur ? submit : undefined}
          style={{ width: filter.width ?? 180 }}
          {...testId}
        />
      )
    case 'select':
      return (
        <Select
          mode={filter.multiple ? 'multiple' : undefined}
          allowClear
          showSearch={filter.showSearch}
          placeholder={filter.placeholder}
          options={filter.options}
          onChange={submit}
          style={
            filter.multiple ? { minWidth: filter.width ?? 160 } : { width: filter.width ?? 140 }
          }
          {...testId}
        />
      )
    case 'date_range':
      return <DatePicker.RangePicker allowEmpty={[true, true]} onChange={submit} {...testId} />
  }
}
