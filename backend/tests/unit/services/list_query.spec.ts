import { test } from '@japa/runner'
import { parseListQuery, MAX_PAGE_SIZE, type ListSpec } from '#services/list_query'

const SPEC: ListSpec = {
  filters: {
    id: 'uuid',
    title: 'text',
    column: { enum: ['backlog', 'doing'] },
    score: 'integer',
    active: 'boolean',
    created_at: 'datetime',
    created_by: 'uuid',
  },
  sortable: ['title', 'created_at'],
  search: ['title'],
  defaultSort: [['created_at', 'desc']],
}

function rejects(assert: any, qs: Record<string, unknown>, status: number, field?: string) {
  try {
    parseListQuery(qs, SPEC)
  } catch (error: any) {
    assert.equal(error.status, status, JSON.stringify(qs))
    if (field) assert.equal(error.details.field, field)
    return
  }
  assert.fail(`accepted ${JSON.stringify(qs)}`)
}

test.group('List translator', () => {
  test('no parameters: the first 10 rows in the default order', ({ assert }) => {
    const parsed = parseListQuery({}, SPEC)
    assert.deepEqual([parsed.start, parsed.end], [0, 10])
    assert.deepEqual(parsed.sort, [['created_at', 'desc']])
    assert.deepEqual(parsed.filters, [])
    assert.isNull(parsed.q)
  })

  test('pages: _start inclusive, _end exclusive, at most 1000 rows', ({ assert }) => {
    assert.deepInclude(parseListQuery({ _start: '20', _end: '30' }, SPEC), { start: 20, end: 30 })
    assert.deepInclude(parseListQuery({ _start: '0', _end: String(MAX_PAGE_SIZE) }, SPEC), {
      end: 1000,
    })
    rejects(assert, { _start: '0', _end: '1001' }, 422, '_end')
    rejects(assert, { _start: '-1' }, 422, '_start')
    rejects(assert, { _end: 'ten' }, 422, '_end')
    rejects(assert, { _start: '5', _end: '2' }, 422, '_end')
  })

  test('sort lists matched by position; unknown fields are refused', ({ assert }) => {
    const parsed = parseListQuery({ _sort: 'title,created_at', _order: 'desc,asc' }, SPEC)
    assert.deepEqual(parsed.sort, [
      ['title', 'desc'],
      ['created_at', 'asc'],
    ])
    assert.deepEqual(parseListQuery({ _sort: 'title' }, SPEC).sort, [['title', 'asc']])
    rejects(assert, { _sort: 'password' }, 422, '_sort')
    rejects(assert, { _sort: 'title', _order: 'sideways' }, 422, '_order')
  })

  test('filters: equality, repeated keys, _ne, _gte, _lte, _like, empty values ignored', ({
    assert,
  }) => {
    const parsed = parseListQuery(
      {
        column: ['backlog', 'doing'],
        title_like: 'dent',
        score_gte: '3',
        created_at_lte: '2026-01-01T00:00:00Z',
        created_by_ne: '00000000-0000-4000-8000-000000000000',
        active: 'true',
        id: '',
      },
      SPEC
    )
    assert.deepEqual(parsed.filters, [
      { field: 'column', op: '', values: ['backlog', 'doing'] },
      { field: 'title', op: '_like', values: ['dent'] },
      { field: 'score', op: '_gte', values: [3] },
      { field: 'created_at', op: '_lte', values: ['2026-01-01T00:00:00.000Z'] },
      { field: 'created_by', op: '_ne', values: ['00000000-0000-4000-8000-000000000000'] },
      { field: 'active', op: '', values: [true] },
    ])
  })

  test('unknown fields and values of the wrong type answer 422 naming the parameter', ({
    assert,
  }) => {
    rejects(assert, { colour: 'red' }, 422, 'colour')
    rejects(assert, { password_like: 'a' }, 422, 'password_like')
    rejects(assert, { column: 'archived' }, 422, 'column')
    rejects(assert, { id: 'not-a-uuid' }, 422, 'id')
    rejects(assert, { score: '1.5' }, 422, 'score')
    rejects(assert, { active: 'maybe' }, 422, 'active')
    rejects(assert, { created_at_gte: 'yesterday' }, 422, 'created_at_gte')
    // the last moment JavaScript can hold, and one before the year 1: never a RangeError (500)
    rejects(assert, { created_at_lte: '+275760-09-13T00:00:00.000Z' }, 422, 'created_at_lte')
    rejects(assert, { created_at_gte: '-000001-01-01T00:00:00.000Z' }, 422, 'created_at_gte')
    rejects(assert, { constructor: 'x' }, 422, 'constructor')
  })

  test('malformed shapes (objects from a[b]=c) answer 400', ({ assert }) => {
    rejects(assert, { title: { $gt: '' } }, 400, 'title')
    rejects(assert, { _sort: { a: 1 } }, 400, '_sort')
  })

  test('q is trimmed; blank q means no search', ({ assert }) => {
    assert.equal(parseListQuery({ q: '  smile ' }, SPEC).q, 'smile')
    assert.isNull(parseListQuery({ q: '   ' }, SPEC).q)
    try {
      parseListQuery({ q: 'x' }, { ...SPEC, search: [] })
      assert.fail('accepted q without search columns')
    } catch (error: any) {
      assert.equal(error.status, 422)
    }
  })
})
