import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { applyFilters, applySort, parseListQuery, type ListSpec } from '#services/list_query'
import { isShapeKept, listStatement } from '#services/list_statements'

const SPEC: ListSpec = {
  filters: {
    id: 'uuid',
    title: 'text',
    owner: 'text',
    column: { enum: ['backlog', 'doing', 'done', 'archived'] },
    score: 'integer',
    ratio: 'number',
    active: 'boolean',
    created_at: 'datetime',
  },
  sortable: ['title', 'score', 'created_at'],
  search: ['title', 'owner'],
  defaultSort: [['created_at', 'desc']],
  tieBreaker: 'id',
}

/** A spec whose columns are qualified with the table (a list over a join). */
const QUALIFIED: ListSpec = { ...SPEC, table: 'things' }

function parse(query: string, spec = SPEC) {
  return parseListQuery(Object.fromEntries(new URLSearchParams(query)), spec)
}

/* A query string in which repeated keys stay repeated (?column=a&column=b). */
function parseRepeated(query: string, spec = SPEC) {
  const qs: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(query)) {
    const previous = qs[key]
    qs[key] = previous === undefined ? value : [...[previous].flat(), value]
  }
  return parseListQuery(qs, spec)
}

/** The page statement of a list over `things`, as knex compiles it for this request. */
function pageStatement(name: string, query: string, spec = SPEC) {
  const parsed = parseRepeated(query, spec)
  const limit = parsed.end - parsed.start
  const tail = parsed.start > 0 ? [limit, parsed.start] : [limit]
  const build = () =>
    applySort(applyFilters(db.from('things'), parsed, spec), parsed, spec)
      .offset(parsed.start)
      .limit(limit)
  const knex = build().toSQL().toNative()
  return {
    parsed,
    tail,
    knex: { text: knex.sql, values: [...knex.bindings] },
    statement: listStatement(name, parsed, spec, tail, build),
  }
}

/*
| Pairs of requests of the same shape with different values, in which no
| filter's value equals another's: the first request's SQL is kept, the
| second must come out exactly as knex writes it.
*/
const SAME_SHAPE: [first: string, second: string][] = [
  ['', '_start=0&_end=50'],
  ['column=doing', 'column=done'],
  ['column=doing&column=done', 'column=backlog&column=archived'],
  ['column_ne=doing', 'column_ne=done'],
  ['column_ne=doing&column_ne=done', 'column_ne=backlog&column_ne=archived'],
  ['score_gte=3&score_lte=9', 'score_gte=4&score_lte=8'],
  ['ratio_gte=0.5', 'ratio_gte=1.5'],
  ['active=true', 'active=false'],
  ['created_at_gte=2026-01-01T00:00:00Z', 'created_at_gte=2026-02-01T00:00:00Z'],
  ['created_at_lte=2026-01-01T10:00:00.123Z', 'created_at_lte=2026-03-01T00:00:00Z'],
  ['title_like=50%', 'title_like=a_b'],
  ['title_like=x&title_like=y', 'title_like=p&title_like=q'],
  ['q=acme', 'q=dental'],
  [
    'q=acme&column=doing&owner_ne=ann&score_gte=2&_sort=title,score&_order=asc,desc',
    'q=zeta&column=done&owner_ne=bob&score_gte=3&_sort=title,score&_order=asc,desc',
  ],
  ['id=0b7c2c6e-4b1f-4a55-9e8e-5b3c6b3b9f01', 'id=7d2f8a1c-2b9e-4c3d-8a7f-1e2d3c4b5a60'],
  ['_start=20&_end=45&column=doing', '_start=45&_end=70&column=done'],
  ['_sort=created_at&_order=asc&_start=0&_end=25', '_sort=created_at&_order=asc&_start=0&_end=10'],
]

test.group('List statements kept per shape', () => {
  test('the second request of a shape gets exactly the SQL and values knex writes', ({
    assert,
  }) => {
    for (const spec of [SPEC, QUALIFIED]) {
      const name = `test.page.${spec.table ?? 'plain'}`
      for (const [first, second] of SAME_SHAPE) {
        const a = pageStatement(name, first, spec)
        assert.deepEqual(a.statement, a.knex, first)
        assert.isTrue(isShapeKept(name, a.parsed, a.tail.length), `kept: ${first}`)

        const b = pageStatement(name, second, spec)
        assert.deepEqual(b.statement, b.knex, second)
        assert.equal(b.statement.text, a.statement.text, `same shape: ${second}`)
      }
    }
  })

  test('a count statement (no sort, no paging) is kept and filled the same way', ({ assert }) => {
    const count = (query: string) => {
      const parsed = parse(query)
      const build = () => applyFilters(db.from('things'), parsed, SPEC).count('* as total')
      const knex = build().toSQL().toNative()
      return {
        parsed,
        knex: { text: knex.sql, values: [...knex.bindings] },
        statement: listStatement('test.count', parsed, SPEC, [], build),
      }
    }
    const first = count('column=doing&q=acme')
    assert.isTrue(isShapeKept('test.count', first.parsed, 0))
    const second = count('column=done&q=dental')
    assert.deepEqual(second.statement, second.knex)
  })

  test('two filters with the same value prove no order: that SQL is used, not kept', ({
    assert,
  }) => {
    const same = pageStatement('test.repeats', 'title=ann&owner=ann')
    assert.deepEqual(same.statement, same.knex)
    assert.isFalse(isShapeKept('test.repeats', same.parsed, same.tail.length))

    // the first request of that shape with different values is kept, and the order holds
    const different = pageStatement('test.repeats', 'title=ann&owner=bob')
    assert.isTrue(isShapeKept('test.repeats', different.parsed, different.tail.length))
    const next = pageStatement('test.repeats', 'title=cy&owner=dee')
    assert.deepEqual(next.statement, next.knex)
    assert.deepEqual(next.statement.values.slice(0, 2), ['cy', 'dee'])
  })

  test('values listed in another order than knex binds them: never kept, knex wins', ({
    assert,
  }) => {
    // an offset of 0 is not written by knex: a tail naming it does not match its values
    const parsed = parse('column=doing&_start=0&_end=25')
    const build = () =>
      applySort(applyFilters(db.from('things'), parsed, SPEC), parsed, SPEC)
        .offset(0)
        .limit(25)
    const knex = build().toSQL().toNative()
    for (let i = 0; i < 2; i++) {
      const statement = listStatement('test.wrong-tail', parsed, SPEC, [25, 0], build)
      assert.deepEqual(statement, { text: knex.sql, values: [...knex.bindings] })
      assert.isFalse(isShapeKept('test.wrong-tail', parsed, 2))
    }
  })
})
