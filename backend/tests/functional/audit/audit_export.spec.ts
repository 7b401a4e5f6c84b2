import { test } from '@japa/runner'
import { parse } from 'csv-parse/sync'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { runningCopies, until } from '#tests/helpers/exports'

/** Values a CSV or a JSON line must carry through untouched. */
const TRICKY = {
  title: 'He said "ship it", then\nleft; next line\r\nand a tab\there',
  unicode: 'Zoë 日本語 ✓ 🚀 — \u2028 end',
  formula: '=HYPERLINK("http://evil")',
  backslash: 'C:\\temp\\new "x"',
  nested: { list: [1, 'two', null, { deep: "it's" }], empty: '' },
}

const FIELDS = [
  'id',
  'actor_type',
  'actor_id',
  'action',
  'resource_type',
  'resource_id',
  'before_state',
  'after_state',
  'metadata',
  'created_at',
]

/** The entry as the export must write it, from the table itself. */
function expected(row: any) {
  return {
    id: Number(row.id),
    actor_type: row.actor_type,
    actor_id: row.actor_id,
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    before_state: row.before_state,
    after_state: row.after_state,
    metadata: row.metadata,
    created_at: row.created_at.toISOString(),
  }
}

/* What a spreadsheet shows is guarded; strip the guard to read the value back. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

/** A CSV row read back into the entry's shape (NULL is an empty cell). */
function fromCsv(row: Record<string, string>) {
  const json = (cell: string) => (cell === '' ? null : JSON.parse(unguard(cell)))
  return {
    id: Number(row.id),
    actor_type: row.actor_type,
    actor_id: row.actor_id === '' ? null : row.actor_id,
    action: unguard(row.action),
    resource_type: unguard(row.resource_type),
    resource_id: unguard(row.resource_id),
    before_state: json(row.before_state),
    after_state: json(row.after_state),
    metadata: json(row.metadata),
    created_at: row.created_at,
  }
}

function fromJsonl(text: string) {
  assertEndsWithNewline(text)
  return text
    .slice(0, -1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
}

function assertEndsWithNewline(text: string) {
  if (text !== '' && !text.endsWith('\n')) throw new Error('the JSON Lines do not end with \\n')
}

async function download(token: string | null, path: string) {
  const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** The COPY statements of this database still running on the server (client backends only). */
test.group('Audit export (CSV and JSON Lines)', (group) => {
  let actors: Actors
  const kind = `export-test-${randomUUID().slice(0, 8)}`
  const bulk = `export-bulk-${randomUUID().slice(0, 8)}`
  let taskId: string

  group.setup(async () => {
    actors = await makeActors()
    // Entries written by the change recorder: a task created, renamed, moved, deleted.
    const created = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: TRICKY.title })
    taskId = created.body.id
    await call(actors.tokens.admin, 'PATCH', `/api/tasks/${taskId}`, { title: TRICKY.unicode })
    await call(actors.tokens.admin, 'PATCH', `/api/tasks/${taskId}`, { title: TRICKY.formula })
    await call(actors.tokens.admin, 'DELETE', `/api/tasks/${taskId}`)

    // Entries written directly (the table takes inserts): states of every shape.
    const states = [
      [null, TRICKY],
      [TRICKY, { ...TRICKY, title: 'changed' }],
      [{ n: -5 }, null],
      [[1, 2, 3], { quote: 'a "quoted" string', empty: {} }],
    ]
    for (const [index, [before, after]] of states.entries()) {
      await db.table('audit_log').insert({
        actor_type: index % 2 ? 'system' : 'user',
        actor_id: index % 2 ? null : actors.users.admin.id,
        action: index === 2 ? '-danger.action' : 'export.checked',
        resource_type: kind,
        resource_id: index === 1 ? TRICKY.formula : `@resource-${index}`,
        before_state: before === null ? null : JSON.stringify(before),
        after_state: after === null ? null : JSON.stringify(after),
        metadata: JSON.stringify({ note: TRICKY.backslash, index }),
      })
    }
    // Enough rows that an export is still running when its client stops reading.
    await db.rawQuery(
      `INSERT INTO audit_log (actor_type, action, resource_type, resource_id, before_state, after_state, metadata)
       SELECT 'system', 'export.bulk', ?, 'row-' || n,
         jsonb_build_object('n', n, 'pad', repeat('x', 200)), jsonb_build_object('n', n + 1), '{}'
       FROM generate_series(1, 30000) n`,
      [bulk]
    )
  })

  test('the rows of a filter read back exactly, as CSV and as JSON Lines', async ({ assert }) => {
    const filters = [
      `resource_type=${kind}`,
      `resource_id=${taskId}`,
      `resource_id=${taskId}&action=task.updated`,
      `resource_type=${kind}&_sort=id&_order=asc`,
      `resource_type=${kind}&actor_type=system`,
      `resource_type=${kind}&action_like=DANGER`,
      `q=${encodeURIComponent(kind)}&_sort=created_at&_order=asc`,
      `resource_type=${kind}&id_ne=0&_start=0&_end=1`,
    ]
    for (const filter of filters) {
      // The list is the reference (paging aside: an export sends every row).
      const listQuery = filter.replace('&_start=0&_end=1', '')
      const list = await call(
        actors.tokens.admin,
        'GET',
        `/api/audit?${listQuery}&_start=0&_end=1000`
      )
      assert.equal(list.status, 200, `${filter}: ${JSON.stringify(list.body)}`)
      const ids = list.body.map((entry: any) => Number(entry.id))
      assert.isAbove(ids.length, 0, filter)
      const rows = await db.from('audit_log').whereIn('id', ids)
      const byId = new Map(rows.map((row: any) => [Number(row.id), expected(row)]))
      const want = ids.map((id: number) => byId.get(id))

      const csv = await download(actors.tokens.admin, `/api/audit/export.csv?${filter}`)
      assert.equal(csv.status, 200, filter)
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8')
      assert.match(
        csv.headers.get('content-disposition')!,
        /^attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"$/
      )
      assert.equal(csv.text.split('\r\n')[0].split('\n')[0], FIELDS.join(','))
      const parsed = parse(csv.text, { columns: true }) as Record<string, string>[]
      assert.deepEqual(parsed.map(fromCsv), want, filter)

      const jsonl = await download(actors.tokens.admin, `/api/audit/export.jsonl?${filter}`)
      assert.equal(jsonl.status, 200, filter)
      assert.equal(jsonl.headers.get('content-type'), 'application/jsonl; charset=utf-8')
      assert.match(
        jsonl.headers.get('content-disposition')!,
        /filename="audit-\d{4}-\d\d-\d\d\.jsonl"$/
      )
      const lines = fromJsonl(jsonl.text)
      assert.deepEqual(lines, want, filter)
      for (const line of lines) assert.deepEqual(Object.keys(line), FIELDS)
    }
  }).timeout(60_000)

  test('the recorded states of a task come back with quotes, line breaks and unicode', async ({
    assert,
  }) => {
    const jsonl = await download(
      actors.tokens.admin,
      `/api/audit/export.jsonl?resource_id=${taskId}&_sort=id&_order=asc`
    )
    const lines = fromJsonl(jsonl.text)
    assert.deepEqual(
      lines.map((line) => line.action),
      ['task.created', 'task.updated', 'task.updated', 'task.deleted']
    )
    assert.equal(lines[0].after_state.title, TRICKY.title)
    assert.equal(lines[1].before_state.title, TRICKY.title)
    assert.equal(lines[1].after_state.title, TRICKY.unicode)
    assert.equal(lines[2].after_state.title, TRICKY.formula)

    const csv = await download(
      actors.tokens.admin,
      `/api/audit/export.csv?resource_id=${taskId}&_sort=id&_order=asc`
    )
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[]
    assert.equal(JSON.parse(rows[0].after_state).title, TRICKY.title)
    assert.equal(JSON.parse(rows[1].after_state).title, TRICKY.unicode)
  })

  test('cells a spreadsheet would run as formulas are guarded', async ({ assert }) => {
    const csv = await download(
      actors.tokens.admin,
      `/api/audit/export.csv?resource_type=${kind}&_sort=id&_order=asc`
    )
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[]
    assert.equal(rows[0].resource_id, "'@resource-0")
    assert.equal(rows[1].resource_id, `'${TRICKY.formula}`)
    assert.equal(rows[2].action, "'-danger.action")
    // JSON cells start with {, [ or ": only a bare negative number would be guarded
    assert.isTrue(rows.every((row) => !/^[=+\-@\t\r]/.test(row.before_state)))
    // JSON Lines are not for spreadsheets: values as they are
    const jsonl = fromJsonl(
      (
        await download(
          actors.tokens.admin,
          `/api/audit/export.jsonl?resource_type=${kind}&_sort=id&_order=asc`
        )
      ).text
    )
    assert.equal(jsonl[1].resource_id, TRICKY.formula)
  })

  test('only who may read the audit log may export it', async ({ assert }) => {
    for (const path of ['/api/audit/export.csv', '/api/audit/export.jsonl']) {
      for (const name of ['operator', 'closer', 'viewer', 'agent'] as const) {
        const answer = await call(actors.tokens[name], 'GET', `${path}?resource_type=${kind}`)
        assert.equal(answer.status, 403, `${name} ${path}`)
        assert.equal(answer.body.errors[0].code, 'E_FORBIDDEN')
      }
      assert.equal((await call(null, 'GET', path)).status, 401, `anonymous ${path}`)
      assert.equal(
        (await download(actors.tokens.admin, `${path}?resource_type=${kind}`)).status,
        200
      )
    }
  })

  test('bad filters are refused with 422 before anything is streamed', async ({ assert }) => {
    const bad = [
      'colour=red',
      'id=abc',
      'actor_type=robot',
      'actor_id=not-a-uuid',
      'created_at_gte=yesterday',
      '_sort=before_state',
      '_sort=id&_order=sideways',
      `resource_id=${encodeURIComponent('a\u0000b')}`,
    ]
    for (const path of ['/api/audit/export.csv', '/api/audit/export.jsonl']) {
      for (const query of bad) {
        const answer = await call(actors.tokens.admin, 'GET', `${path}?${query}`)
        assert.equal(answer.status, 422, `${path}?${query}`)
        assert.isString(answer.body.errors[0].message)
      }
    }
    assert.lengthOf(await runningCopies(), 0)
  })

  test('a large export streams every row', async ({ assert }) => {
    const jsonl = await download(
      actors.tokens.admin,
      `/api/audit/export.jsonl?resource_type=${bulk}`
    )
    const lines = fromJsonl(jsonl.text)
    assert.lengthOf(lines, 30000)
    assert.equal(lines[0].before_state.n, 30000)
    const csv = await download(actors.tokens.admin, `/api/audit/export.csv?resource_type=${bulk}`)
    assert.lengthOf(parse(csv.text, { columns: true }), 30000)
  }).timeout(60_000)

  test('a client that goes away stops the COPY', async ({ assert }) => {
    for (const format of ['csv', 'jsonl']) {
      for (let attempt = 0; attempt < 6; attempt++) {
        const controller = new AbortController()
        const response = await fetch(
          `http://${process.env.HOST}:${process.env.PORT}/api/audit/export.${format}?resource_type=${bulk}`,
          { headers: { authorization: `Bearer ${actors.tokens.admin}` }, signal: controller.signal }
        )
        assert.equal(response.status, 200)
        const reader = response.body!.getReader()
        const first = await reader.read()
        assert.isFalse(first.done)
        controller.abort()
        await reader.read().catch(() => {})
      }
    }
    assert.isTrue(
      await until(async () => (await runningCopies()).length === 0),
      'no COPY is left running'
    )
    // the slots came back: more exports than the caps allow at once work one after the other
    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await download(
        actors.tokens.admin,
        `/api/audit/export.csv?resource_type=${kind}`
      )
      assert.equal(again.status, 200)
    }
  }).timeout(60_000)

  test('a failure in the middle aborts the answer instead of ending it cleanly', async ({
    assert,
  }) => {
    const response = await fetch(
      `http://${process.env.HOST}:${process.env.PORT}/api/audit/export.jsonl?resource_type=${bulk}`,
      { headers: { authorization: `Bearer ${actors.tokens.admin}` } }
    )
    assert.equal(response.status, 200)
    const reader = response.body!.getReader()
    const first = await reader.read()
    assert.isFalse(first.done)
    const pids = await runningCopies()
    assert.lengthOf(pids, 1, 'the COPY is still running while the client does not read')
    await db.rawQuery('SELECT pg_terminate_backend(?)', [pids[0]])
    let aborted = false
    try {
      for (;;) {
        const next = await reader.read()
        if (next.done) break
      }
    } catch {
      aborted = true
    }
    assert.isTrue(aborted, 'the body ended cleanly')
  }).timeout(60_000)
})
