import { test } from '@japa/runner'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import app from '@adonisjs/core/services/app'

/**
 * docs/UAT.md, the acceptance checklist, names for each promise the test that
 * proves it. This file holds it to that: a line that names no test (and is not
 * a manual check), a file that is not there or a title that file does not
 * declare fails the suite, naming the line. The syntax is described at the top
 * of docs/UAT.md:
 *
 *   | A1 | <the promise> | `<spec file>` › "<test title>"<br>`<spec file>` › group "<group title>" |
 *   | A2 | <the promise> | manual: <how to check> `docs/screenshots/<name>.png` |
 */

const CHECKLIST = 'docs/UAT.md'

/** The user groups of the checklist (its `## ` headings) and the fewest lines each must have. */
const GROUPS = [
  { heading: 'Admin', min: 30 },
  { heading: 'Operator', min: 8 },
  { heading: 'Closer', min: 6 },
  { heading: 'Viewer', min: 6 },
  { heading: 'Agent author', min: 15 },
  { heading: 'Plugin developer', min: 6 },
  { heading: 'Operator of the servers', min: 12 },
]

/** Where tests live: the suites of adonisrc.ts (backend/tests/<suite>/, plugins/<name>/tests/). */
const SPEC_FILE = /^(backend\/tests\/[^/]+\/|plugins\/[^/]+\/tests\/)(.+\/)?[^/]+\.spec\.ts$/

const PROOF = /^`([^`]+)`\s*›\s*(group\s+)?"(.*)"$/

type Proof = { file: string; title: string; kind: 'test' | 'group' }

type ChecklistLine = {
  /** where the line is, e.g. `docs/UAT.md:42 (A3)` */
  at: string
  id: string
  group: string
  promise: string
  manual: boolean
  proofs: Proof[]
}

type Titles = { tests: Set<string>; groups: Set<string>; builtAtRunTime: string[] }

/** A title written as a literal: a string, a template without substitutions, or literals joined with +. */
function literal(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isParenthesizedExpression(node)) return literal(node.expression)
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literal(node.left)
    const right = literal(node.right)
    return left === null || right === null ? null : left + right
  }
  return null
}

/** The titles a spec file declares with test(...) and test.group(...). */
function declaredTitles(path: string): Titles {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  const titles: Titles = { tests: new Set(), groups: new Set(), builtAtRunTime: [] }
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression.getText(source)
      if (callee === 'test' || callee === 'test.group') {
        const title = literal(node.arguments[0])
        if (title === null) titles.builtAtRunTime.push(node.arguments[0].getText(source))
        else (callee === 'test' ? titles.tests : titles.groups).add(title)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return titles
}

/** Splits a table row into its cells (a `\|` inside a cell is not a separator). */
function cells(row: string) {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

/** The backticked paths a manual line names (anything with a slash and an extension). */
function namedFiles(cell: string) {
  return [...cell.matchAll(/`([^`\s]+\/[^`\s]+\.[a-z]+)`/g)].map((match) => match[1])
}

/**
 * Reads a checklist and checks every line against the files under `root`.
 * Returns its lines and, for each problem, a message that starts with the line.
 */
function checkChecklist(markdown: string, root: string, name = CHECKLIST) {
  const lines: ChecklistLine[] = []
  const problems: string[] = []
  const titles = new Map<string, Titles>()
  const titlesOf = (file: string) => {
    if (!titles.has(file)) titles.set(file, declaredTitles(join(root, file)))
    return titles.get(file)!
  }
  const seen = new Set<string>()
  let group = ''

  markdown.split('\n').forEach((text, index) => {
    const heading = text.match(/^## (.+?)\s*$/)
    if (heading) {
      group = heading[1]
      return
    }
    if (!group || !text.trim().startsWith('|')) return
    const row = cells(text)
    // the header and the separator of a group's table
    if (row[0] === '#' || /^:?-+:?$/.test(row[0])) return
    const at = `${name}:${index + 1}${row[0] ? ` (${row[0]})` : ''}`
    if (!/^[A-Z]\d+$/.test(row[0])) {
      problems.push(`${at}: a checklist line starts with its id, a letter and a number (A1)`)
      return
    }
    if (row.length !== 3) {
      problems.push(`${at}: has ${row.length} cells; a line is | id | promise | proof |`)
      return
    }
    const [id, promise, proof] = row
    if (seen.has(id)) problems.push(`${at}: the id ${id} is used twice`)
    seen.add(id)
    if (!promise) problems.push(`${at}: says no promise`)
    const line: ChecklistLine = { at, id, group, promise, manual: false, proofs: [] }
    lines.push(line)

    if (/^(\*\*)?manual(\*\*)?:/i.test(proof)) {
      line.manual = true
      const files = namedFiles(proof)
      if (!files.some((file) => file.startsWith('docs/'))) {
        problems.push(
          `${at}: a manual line names the screenshot in docs/screenshots/ that shows the expected result (or the document whose steps it follows)`
        )
      }
      for (const file of files) {
        if (!existsSync(join(root, file)))
          problems.push(`${at}: names ${file}, which does not exist`)
      }
      return
    }

    const parts = proof
      .split(/<br\s*\/?>/)
      .map((part) => part.trim())
      .filter(Boolean)
    if (parts.length === 0) {
      problems.push(`${at}: names no test and is not marked manual`)
      return
    }
    for (const part of parts) {
      const match = part.match(PROOF)
      if (!match) {
        problems.push(
          `${at}: cannot read the proof ${part}; write \`<spec file>\` › "<test title>" or \`<spec file>\` › group "<group title>"`
        )
        continue
      }
      const [, file, asGroup, title] = match
      const kind = asGroup ? 'group' : 'test'
      line.proofs.push({ file, title, kind })
      if (!SPEC_FILE.test(file)) {
        problems.push(`${at}: ${file} is not a spec file of a test suite`)
        continue
      }
      if (!existsSync(join(root, file))) {
        problems.push(`${at}: names ${file}, which does not exist`)
        continue
      }
      const declared = titlesOf(file)
      if ((kind === 'group' ? declared.groups : declared.tests).has(title)) continue
      let hint = ''
      if (kind === 'test' && declared.groups.has(title)) hint = ' (it is a group: write group "…")'
      else if (kind === 'group' && declared.tests.has(title)) hint = ' (it is a test, not a group)'
      else if (declared.builtAtRunTime.length > 0) {
        hint = ` (titles built at run time, ${declared.builtAtRunTime.join(', ')}, are named by their group)`
      }
      problems.push(`${at}: ${file} declares no ${kind} titled "${title}"${hint}`)
    }
  })
  return { lines, problems }
}

/** This file, as the checklist names it (the sample below proves with it). */
const SELF = relative(app.makePath(), fileURLToPath(import.meta.url)).replace(/\.js$/, '.ts')

let checked: ReturnType<typeof checkChecklist> | undefined

/** docs/UAT.md, read and checked once for the tests below. */
function readChecklist() {
  checked ??= checkChecklist(readFileSync(app.makePath(CHECKLIST), 'utf8'), app.makePath())
  return checked
}

test.group('UAT checklist: docs/UAT.md names tests that exist', () => {
  test('every line names a test or group that its file declares, or is a manual check whose files exist', ({
    assert,
  }) => {
    const { lines, problems } = readChecklist()
    assert.isAbove(lines.length, 0, `${CHECKLIST} has no checklist lines`)
    // each problem on its own line of the message
    assert.isTrue(problems.length === 0, `\n${problems.join('\n')}\n`)
  })

  test('the user groups are the expected ones', ({ assert }) => {
    const { lines } = readChecklist()
    const groups = [...new Set(lines.map((line) => line.group))]
    assert.deepEqual(
      groups,
      GROUPS.map((group) => group.heading)
    )
  })

  for (const { heading, min } of GROUPS) {
    test(`${heading}: at least ${min} lines, most of them proven by a test`, ({ assert }) => {
      const lines = readChecklist().lines.filter((line) => line.group === heading)
      assert.isAtLeast(lines.length, min, `${CHECKLIST}, "## ${heading}"`)
      const manual = lines.filter((line) => line.manual).map((line) => line.at)
      assert.isAtMost(manual.length, lines.length / 3, `manual lines: ${manual.join(', ')}`)
    })
  }
})

test.group('UAT checklist: the checker', () => {
  test('catches a line with no test, a missing file, a wrong title, a missing screenshot', ({
    assert,
  }) => {
    const screenshot = readdirSync(app.makePath('docs/screenshots')).find((file) =>
      file.endsWith('.png')
    )
    assert.exists(screenshot, 'docs/screenshots has a screenshot for the sample')
    const sample = [
      '# A sample',
      '## Someone',
      '| # | As someone, I can … | Proven by |',
      '|---|---|---|',
      `| X1 | a test that exists | \`${SELF}\` › "catches a line with no test, a missing file, a wrong title, a missing screenshot" |`,
      `| X2 | a group that exists, and two proofs | \`${SELF}\` › group "UAT checklist: the checker"<br>\`${SELF}\` › "the user groups are the expected ones" |`,
      `| X3 | a manual check | manual: open the page and look. \`docs/screenshots/${screenshot}\` |`,
      '| X4 | names no test |  |',
      '| X5 | a missing file | `backend/tests/unit/docs/no_such_checklist.spec.ts` › "anything" |',
      `| X6 | a wrong title | \`${SELF}\` › "a title nobody wrote" |`,
      `| X7 | a group named as a test | \`${SELF}\` › "UAT checklist: the checker" |`,
      `| X8 | a title built at run time | \`${SELF}\` › "Admin: at least 30 lines, most of them proven by a test" |`,
      '| X9 | a manual check whose screenshot is missing | manual: look. `docs/screenshots/no-such-page.png` |',
      '| X10 | a manual check that names nothing | manual: trust me |',
      `| X11 | not a spec file | \`${CHECKLIST}\` › "anything" |`,
      `| X12 | a proof it cannot read | ${SELF} proves it |`,
      '| X13 | a test, and a missing one | `' +
        SELF +
        '` › "the user groups are the expected ones"<br>`' +
        SELF +
        '` › "gone"',
    ].join('\n')
    const { lines, problems } = checkChecklist(sample, app.makePath(), 'sample.md')
    assert.deepEqual(
      lines.map((line) => line.id),
      ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X9', 'X10', 'X11', 'X12', 'X13']
    )
    assert.lengthOf(lines[1].proofs, 2)
    assert.isTrue(lines[2].manual)

    const about = (id: string) => problems.filter((problem) => problem.includes(`(${id}):`))
    for (const id of ['X1', 'X2', 'X3']) assert.deepEqual(about(id), [], id)
    assert.match(about('X4')[0], /^sample\.md:8 \(X4\): names no test and is not marked manual$/)
    assert.match(about('X5')[0], /no_such_checklist\.spec\.ts, which does not exist/)
    assert.match(about('X6')[0], /declares no test titled "a title nobody wrote"/)
    assert.match(about('X7')[0], /it is a group: write group/)
    assert.match(about('X8')[0], /built at run time, `\$\{heading\}: at least/)
    assert.match(about('X9')[0], /no-such-page\.png, which does not exist/)
    assert.match(about('X10')[0], /names the screenshot in docs\/screenshots\//)
    assert.match(about('X11')[0], /is not a spec file of a test suite/)
    assert.match(about('X12')[0], /cannot read the proof/)
    assert.match(about('X13')[0], /declares no test titled "gone"/)
    assert.lengthOf(problems, 10, problems.join('\n'))
  })

  test('a line without an id, or with a cell too many, is reported, not skipped', ({ assert }) => {
    const sample = [
      '## Someone',
      '| # | As someone, I can … | Proven by |',
      '|---|---|---|',
      '| | a line without its id | manual: `docs/UAT.md` |',
      '| Y1 | a line | with | a cell too many |',
      '| Y2 | ids are unique | manual: `docs/UAT.md` |',
      '| Y2 | ids are unique | manual: `docs/UAT.md` |',
    ].join('\n')
    const { problems } = checkChecklist(sample, app.makePath(), 'sample.md')
    assert.deepEqual(problems, [
      'sample.md:4: a checklist line starts with its id, a letter and a number (A1)',
      'sample.md:5 (Y1): has 4 cells; a line is | id | promise | proof |',
      'sample.md:7 (Y2): the id Y2 is used twice',
    ])
  })
})
