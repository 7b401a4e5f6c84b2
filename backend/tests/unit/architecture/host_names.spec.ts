import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import app from '@adonisjs/core/services/app'

/**
 * docs/PLUGINS.md promises that the host never knows a plugin by name: its
 * code (backend/ outside the tests, and the admin's host, admin/src) names
 * no shipped plugin and no link of theirs. Comments may, as examples.
 */
const PLUGIN_NAMES =
  /\b(leads|drafts|lead_finder|enricher|copywriter|orchestrator)\b|lead_id|draft_id/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'tests' ? [] : files(path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** The names, strings and JSX text of a file that match (its comments are not part of the tree). */
function codeLines(path: string) {
  const text = readFileSync(path, 'utf8')
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const found: { line: number; text: string }[] = []
  const visit = (node: ts.Node) => {
    if (
      (ts.isIdentifier(node) ||
        ts.isStringLiteralLike(node) ||
        ts.isTemplateLiteralToken(node) ||
        ts.isJsxText(node)) &&
      PLUGIN_NAMES.test(node.getText(source))
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
      found.push({ line, text: node.getText(source) })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

test.group('The host knows no plugin by name', () => {
  for (const root of ['backend', 'admin/src']) {
    test(`${root} names no plugin and no plugin's link outside comments`, ({ assert }) => {
      const offenders = files(app.makePath(root)).flatMap((path) =>
        codeLines(path).map(
          ({ line, text }) => `${relative(app.makePath(), path)}:${line} ${text.slice(0, 80)}`
        )
      )
      // each offender on its own line of the message
      assert.isTrue(offenders.length === 0, `\n${offenders.join('\n')}\n`)
    })
  }
})
