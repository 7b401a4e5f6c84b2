import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'
import { reservedEventTypeReason } from '#enums/event_type'
import { matchesRecordedType, type DefinedPlugin } from '#plugin_host/define_plugin'

/* `action: 'lead.imported'`, `action: x ? 'lead.status_changed' : 'lead.updated'`, `event: 'draft.approved'` */
const RECORDED_LITERAL = /\b(?:action|event):[^\n,]*/g
const DOTTED = /'([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)'/g

async function sources(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/[/\\](tests|database|admin)[/\\]/.test(file))
}

/** Every event type a folder's code hands to the change recorder as a literal. */
async function recordedLiterals(folder: string) {
  const found: { type: string; file: string }[] = []
  for (const file of await sources(folder)) {
    const text = await readFile(file, 'utf8')
    if (!/record(Changes|Change)?\(|\.record\(\{|OUTCOME/.test(text)) continue
    for (const [clause] of text.matchAll(RECORDED_LITERAL)) {
      for (const [, type] of clause.matchAll(DOTTED)) {
        found.push({ type, file: relative(app.makePath(), file) })
      }
    }
  }
  return found
}

test.group('recorded event types are declared, so nobody may post them', () => {
  test("each plugin's recorded types are the host's, a record change, or in its `records`", async ({
    assert,
  }) => {
    const root = app.makePath('plugins')
    const folders = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory())
    let checked = 0
    for (const folder of folders) {
      const path = join(root, folder.name)
      const { default: plugin } = (await import(join(path, 'plugin.ts'))) as {
        default: DefinedPlugin
      }
      for (const { type, file } of await recordedLiterals(path)) {
        checked++
        const declared =
          reservedEventTypeReason(type) !== null ||
          (plugin.records ?? []).some((pattern) => matchesRecordedType(pattern, type))
        assert.isTrue(
          declared,
          `${file} records "${type}": add it to "records" in plugins/${folder.name}/plugin.ts`
        )
      }
    }
    assert.isAbove(checked, 10, 'the scan finds the plugins’ recorded types')
  })

  test("the host's recorded types are in its reserved namespaces or record changes", async ({
    assert,
  }) => {
    const found = await recordedLiterals(app.makePath('backend'))
    assert.isAbove(found.length, 10)
    for (const { type, file } of found) {
      assert.isNotNull(
        reservedEventTypeReason(type),
        `${file} records "${type}": its namespace belongs in RESERVED_EVENT_NAMESPACES`
      )
    }
  })
})
