/**
 * A list's SQL, kept per query shape. The SQL that the list translator and
 * knex write for a list depends only on the query's shape: which filters,
 * with which operators and how many values, whether `q` is given, the sort,
 * whether the page starts past row 0. Only the values change from one
 * request to the next. Building and compiling that SQL with knex costs about
 * a tenth of the server's work on a busy list endpoint, so a hot list keeps
 * the SQL of each shape it has seen, and later requests of that shape only
 * collect their values.
 *
 * The values are collected by running the translator's `applyFilters`
 * against a recorder instead of a query builder. A shape's SQL is kept only
 * when knex's own values for that request came out in exactly the recorded
 * order, and no value of one filter (or of `q`, or of the paging) equalled a
 * value of another: that proves where each filter's values go for that
 * shape. Otherwise that request's SQL is used once and not kept.
 */
import { applyFilters, type ListSpec, type ParsedList } from '#services/list_query'

export interface SqlStatement {
  /** SQL with `$1`-style placeholders */
  text: string
  values: unknown[]
}

/** What `build` returns: a Lucid (or knex) query builder. */
interface Compilable {
  toSQL(): { toNative(): { sql: string; bindings: readonly unknown[] } }
}

/** Shapes kept per process at most (each is one short SQL string). */
const MAX_SHAPES = 1000

const kept = new Map<string, string>()

/**
 * Stands in for the query builder in `applyFilters`: records the values it
 * binds, in the order it binds them. Covers exactly the builder methods
 * `applyFilters` calls.
 */
class RecordedValues {
  readonly values: unknown[] = []

  where(...args: unknown[]) {
    // where(column, value), where(column, operator, value), or a group
    if (typeof args[0] === 'function') args[0](this)
    else this.values.push(args[args.length - 1])
    return this
  }

  whereNot(_column: string, value: unknown) {
    this.values.push(value)
    return this
  }

  whereIn(_column: string, values: unknown[]) {
    this.values.push(...values)
    return this
  }

  whereNotIn(_column: string, values: unknown[]) {
    this.values.push(...values)
    return this
  }

  orWhereNull(_column: string) {
    return this
  }

  orWhereRaw(sql: string, bindings: unknown[]) {
    // in knex's raw SQL `??` takes an identifier (written into the SQL), `?` a value
    const marks = sql.match(/\?\??/g) ?? []
    marks.forEach((mark, index) => {
      if (mark === '?') this.values.push(bindings[index])
    })
    return this
  }
}

/** The values `applyFilters` binds for this query, in order. */
export function filterValues(parsed: ParsedList, spec: ListSpec): unknown[] {
  const recorder = new RecordedValues()
  applyFilters(recorder as any, parsed, spec)
  return recorder.values
}

function shapeOf(name: string, parsed: ParsedList, tail: number) {
  let shape = `${name}|${tail}`
  for (const { field, op, values } of parsed.filters) shape += `|${field}${op}:${values.length}`
  if (parsed.q) shape += '|q'
  for (const [field, order] of parsed.sort) shape += `|${field}:${order}`
  return shape
}

/**
 * The values of each source in turn (each filter, then `q`, then each tail
 * value): values that repeat within a source (the same `q` pattern for every
 * searched column) take the same place whatever the order.
 */
function valuesBySource(parsed: ParsedList, spec: ListSpec, tail: unknown[]): unknown[][] {
  const sources = parsed.filters.map((filter) =>
    filterValues({ ...parsed, filters: [filter], q: null }, spec)
  )
  if (parsed.q) sources.push(filterValues({ ...parsed, filters: [], q: parsed.q }, spec))
  for (const value of tail) sources.push([value])
  return sources
}

/** Whether no value of one source equals a value of another. */
function sourcesApart(sources: unknown[][]) {
  const owner = new Map<string, number>()
  for (const [index, values] of sources.entries()) {
    for (const value of values) {
      const key = `${typeof value}:${String(value)}`
      if ((owner.get(key) ?? index) !== index) return false
      owner.set(key, index)
    }
  }
  return true
}

function sameValues(recorded: unknown[], bindings: readonly unknown[]) {
  return (
    recorded.length === bindings.length &&
    recorded.every((value, index) => value === bindings[index])
  )
}

/**
 * The SQL and values of one of a list's statements.
 *
 * - `name` names the statement (`leads.page`, `leads.count`): one `build`,
 *   one spec, and SQL that follows from the query's shape alone.
 * - `build` returns the query, built with `applyFilters` on `parsed` and
 *   `spec` plus the statement's own clauses. It runs only for a shape not
 *   seen yet.
 * - `tail`: the values of the clauses `build` adds after the filters, in
 *   knex's order (`limit`, then `offset` when it is not 0).
 */
export function listStatement(
  name: string,
  parsed: ParsedList,
  spec: ListSpec,
  tail: unknown[],
  build: () => Compilable
): SqlStatement {
  const values = filterValues(parsed, spec)
  values.push(...tail)
  const shape = shapeOf(name, parsed, tail.length)
  const text = kept.get(shape)
  if (text !== undefined) return { text, values }

  const { sql, bindings } = build().toSQL().toNative()
  if (
    kept.size < MAX_SHAPES &&
    sameValues(values, bindings) &&
    sourcesApart(valuesBySource(parsed, spec, tail))
  ) {
    kept.set(shape, sql)
  }
  return { text: sql, values: [...bindings] }
}

/** Whether the SQL of this statement's shape is kept (for tests). */
export function isShapeKept(name: string, parsed: ParsedList, tail: number) {
  return kept.has(shapeOf(name, parsed, tail))
}
