/**
 * jsonb columns: pg would send a JS array as a PostgreSQL array literal, so
 * values are serialized explicitly.
 */
export function jsonColumn() {
  return {
    prepare: (value: unknown) => (value === undefined ? value : JSON.stringify(value)),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
  }
}
