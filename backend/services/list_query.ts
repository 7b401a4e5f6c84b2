/**
 * The list translator: turns the @refinedev/simple-rest query dialect
 * (_start/_end/_sort/_order, field, field_ne|_gte|_lte|_like, q, repeated
 * keys) into a Lucid query against a per-resource allow-list, and sets
 * x-total-count. Every list endpoint and export goes through here.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { ModelQueryBuilderContract, LucidModel } from '@adonisjs/lucid/types/model'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { ApiException } from '#exceptions/api_exception'

export type FieldType =
  'text' | 'uuid' | 'integer' | 'number' | 'boolean' | 'datetime' | { enum: readonly string[] }

export interface ListSpec {
  /** Filterable columns and their types. */
  filters: Record<string, FieldType>
  /** Sortable columns. */
  sortable: readonly string[]
  /** Text columns searched by `q` (case-insensitive contains). */
  search?: readonly string[]
  /** Used when no _sort is given. */
  defaultSort?: readonly [string, 'asc' | 'desc'][]
  /** Appended to every sort so pages are stable. */
  tieBreaker?: string
  /** Column to qualify filters with when the query joins tables. */
  table?: string
}

export const MAX_PAGE_SIZE = 1000
const DEFAULT_PAGE_SIZE = 10
const RESERVED = new Set(['_start', '_end', '_sort', '_order', 'q'])
const OPERATORS = ['_ne', '_gte', '_lte', '_like'] as const
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Operator = '' | (typeof OPERATORS)[number]

export interface ParsedList {
  start: number
  end: number
  sort: [string, 'asc' | 'desc'][]
  filters: { field: string; op: Operator; values: (string | number | boolean)[] }[]
  q: string | null
}

function invalid(message: string, field?: string) {
  return new ApiException(422, message, { field, code: 'E_INVALID_QUERY' })
}

function asList(value: unknown, key: string): string[] {
  // qs turns a key repeated more than its arrayLimit (MAX_PAGE_SIZE, config/app.ts) into an object
  if (isOverlongRepeat(value)) {
    throw new ApiException(
      422,
      `Query parameter "${key}" is repeated more than ${MAX_PAGE_SIZE} times`,
      {
        field: key,
        code: 'E_INVALID_QUERY',
      }
    )
  }
  const values = Array.isArray(value) ? value : [value]
  for (const item of values) {
    if (typeof item === 'string' && item.includes('\u0000')) {
      throw new ApiException(422, `Query parameter "${key}" contains a NUL character`, {
        field: key,
        code: 'E_INVALID_QUERY',
      })
    }
    if (typeof item !== 'string') {
      throw new ApiException(400, `Query parameter "${key}" is malformed`, {
        field: key,
        code: 'E_BAD_QUERY',
      })
    }
  }
  return values as string[]
}

function isOverlongRepeat(value: unknown) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length > MAX_PAGE_SIZE && keys.every((k) => /^\d+$/.test(k))
}

function integerParam(raw: unknown, key: string): number | undefined {
  if (raw === undefined) return undefined
  const [value] = asList(raw, key).slice(-1)
  if (value === '') return undefined
  if (!/^\d+$/.test(value)) throw invalid(`${key} must be a whole number of 0 or more`, key)
  return Number(value)
}

function coerce(
  type: FieldType,
  value: string,
  key: string,
  op: Operator
): string | number | boolean {
  if (op === '_like') return value
  if (typeof type === 'object') {
    if (!type.enum.includes(value)) {
      throw invalid(`${key} must be one of: ${type.enum.join(', ')}`, key)
    }
    return value
  }
  switch (type) {
    case 'uuid':
      if (!UUID.test(value)) throw invalid(`${key} must be a UUID`, key)
      return value
    case 'integer':
      if (!/^-?\d+$/.test(value)) throw invalid(`${key} must be a whole number`, key)
      return Number(value)
    case 'number':
      if (value.trim() === '' || Number.isNaN(Number(value)))
        throw invalid(`${key} must be a number`, key)
      return Number(value)
    case 'boolean':
      if (!['true', 'false', '1', '0'].includes(value))
        throw invalid(`${key} must be true or false`, key)
      return value === 'true' || value === '1'
    case 'datetime': {
      const time = Date.parse(value)
      if (Number.isNaN(time)) throw invalid(`${key} must be an ISO 8601 date`, key)
      // years 1 to 9999: what PostgreSQL and ISO 8601 both read (and room for the `_lte` millisecond)
      if (time < FIRST_TIME || time > LAST_TIME) {
        throw invalid(`${key} must be a date between the years 1 and 9999`, key)
      }
      return new Date(time).toISOString()
    }
    default:
      return value
  }
}

/* 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z */
const FIRST_TIME = -62135596800000
const LAST_TIME = 253402300799999

/** Parses and checks the query string against the spec. Throws 422 for anything unknown. */
export function parseListQuery(qs: Record<string, unknown>, spec: ListSpec): ParsedList {
  const start = integerParam(qs._start, '_start') ?? 0
  // many-by-id (`?id=a&id=b`, Refine's getMany) without a page gets every row asked for
  const byId = qs.id === undefined ? 0 : asList(qs.id, 'id').length
  const end = integerParam(qs._end, '_end') ?? start + Math.max(DEFAULT_PAGE_SIZE, byId)
  if (end < start) throw invalid('_end must not be smaller than _start', '_end')
  if (end - start > MAX_PAGE_SIZE) {
    throw invalid(`A page holds at most ${MAX_PAGE_SIZE} rows`, '_end')
  }

  const sort: [string, 'asc' | 'desc'][] = []
  if (qs._sort !== undefined && qs._sort !== '') {
    const fields = asList(qs._sort, '_sort').join(',').split(',').filter(Boolean)
    const orders = qs._order === undefined ? [] : asList(qs._order, '_order').join(',').split(',')
    fields.forEach((field, index) => {
      if (!spec.sortable.includes(field)) {
        throw invalid(
          `Cannot sort by "${field}"; sortable fields: ${spec.sortable.join(', ')}`,
          '_sort'
        )
      }
      const order = (orders[index] || 'asc').toLowerCase()
      if (order !== 'asc' && order !== 'desc') throw invalid('_order must be asc or desc', '_order')
      sort.push([field, order])
    })
  } else {
    sort.push(...(spec.defaultSort ?? []))
  }

  const filters: ParsedList['filters'] = []
  for (const [key, raw] of Object.entries(qs)) {
    if (RESERVED.has(key)) continue
    const op = (OPERATORS.find((suffix) => key.endsWith(suffix)) ?? '') as Operator
    let field = op ? key.slice(0, -op.length) : key
    if (op && !(field in spec.filters) && key in spec.filters) field = key
    const type = spec.filters[field]
    if (!type || !Object.hasOwn(spec.filters, field)) {
      throw invalid(
        `Unknown filter "${key}"; filterable fields: ${Object.keys(spec.filters).join(', ')}`,
        key
      )
    }
    const effectiveOp: Operator = field === key ? '' : op
    const values = asList(raw, key).filter((value) => value !== '')
    if (values.length === 0) continue
    filters.push({
      field,
      op: effectiveOp,
      values: values.map((v) => coerce(type, v, key, effectiveOp)),
    })
  }

  let q: string | null = null
  if (qs.q !== undefined) {
    const [value] = asList(qs.q, 'q').slice(-1)
    q = value.trim() === '' ? null : value.trim()
    if (q && !spec.search?.length) throw invalid('This list has no free-text search', 'q')
  }

  return { start, end, sort, filters, q }
}

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`)
}

type AnyQuery = ModelQueryBuilderContract<LucidModel, any> | DatabaseQueryBuilderContract<any>

/** Applies filters and q (not paging or sort), so counts and exports share them. */
export function applyFilters<Q extends AnyQuery>(query: Q, parsed: ParsedList, spec: ListSpec): Q {
  const col = (field: string) => (spec.table ? `${spec.table}.${field}` : field)
  for (const { field, op, values } of parsed.filters) {
    const column = col(field)
    const type = spec.filters[field]
    switch (op) {
      case '':
        values.length === 1 ? query.where(column, values[0]) : query.whereIn(column, values)
        break
      case '_ne':
        // `!=` drops NULLs; "not equal to x" includes rows without a value
        query.where((sub: any) => {
          values.length === 1 ? sub.whereNot(column, values[0]) : sub.whereNotIn(column, values)
          sub.orWhereNull(column)
        })
        break
      case '_gte':
        query.where(column, '>=', values[values.length - 1])
        break
      case '_lte': {
        const value = values[values.length - 1]
        // times are handed out to the millisecond but stored to the microsecond:
        // "up to 10:00:00.123" includes everything within that millisecond
        // (the year 9999's last millisecond has no next one that PostgreSQL reads)
        const time = Date.parse(String(value))
        if (typeof type === 'string' && type === 'datetime' && time < LAST_TIME) {
          query.where(column, '<', new Date(time + 1).toISOString())
        } else {
          query.where(column, '<=', value)
        }
        break
      }
      case '_like':
        query.where((sub: any) => {
          for (const value of values) {
            sub.orWhereRaw('??::text ILIKE ?', [column, `%${escapeLike(String(value))}%`])
          }
        })
        break
    }
  }
  if (parsed.q && spec.search?.length) {
    const pattern = `%${escapeLike(parsed.q)}%`
    query.where((sub: any) => {
      for (const field of spec.search!) sub.orWhereRaw('?? ILIKE ?', [col(field), pattern])
    })
  }
  return query
}

export function applySort<Q extends AnyQuery>(query: Q, parsed: ParsedList, spec: ListSpec): Q {
  const col = (field: string) => (spec.table ? `${spec.table}.${field}` : field)
  for (const [field, order] of parsed.sort) query.orderBy(col(field), order)
  const tie = spec.tieBreaker ?? 'id'
  if (!parsed.sort.some(([field]) => field === tie)) query.orderBy(col(tie), 'asc')
  return query
}

/**
 * Runs a list: filters, total count into x-total-count, sort and page.
 * Returns the rows of the page.
 */
export async function runList<Q extends AnyQuery>(ctx: HttpContext, query: Q, spec: ListSpec) {
  const parsed = parseListQuery(ctx.request.qs(), spec)
  applyFilters(query, parsed, spec)

  const counter = (query as any).clone().clearOrder().clearSelect().count('* as total')
  const [{ total }] = 'pojo' in counter ? await counter.pojo() : await counter
  ctx.response.header('x-total-count', String(Number(total)))

  applySort(query, parsed, spec)
  query.offset(parsed.start).limit(parsed.end - parsed.start)
  return query
}
