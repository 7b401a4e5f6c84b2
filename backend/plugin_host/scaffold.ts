/**
 * What `make:plugin` and `make:agent` share: the name rule, the folder
 * written all at once, and what they print. Each command only says which
 * files it writes.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { BaseCommand } from '@adonisjs/core/ace'
import type { ApplicationService } from '@adonisjs/core/types'
import string from '@adonisjs/core/helpers/string'

const SNAKE_CASE = /^[a-z][a-z0-9_]*$/

/** snake_case name, or null when the input cannot make one. Valid snake_case is kept as typed. */
export function normalizePluginName(input: string | undefined): string | null {
  const raw = (input ?? '').trim()
  const name = SNAKE_CASE.test(raw) ? raw : string.snakeCase(raw)
  return SNAKE_CASE.test(name) ? name : null
}

/** `seo_audit` → `Seo Audit` */
export function labelOf(name: string) {
  return name
    .split('_')
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ')
}

/**
 * Renders every stub of `stubs/<folder>/` (Tempura templates, the AdonisJS
 * way: each says where it goes with `exports({ to: pluginRoot + '/...' })`)
 * for the plugin `state.name`: { path inside the plugin: contents }. The
 * stubs see `state`, `pluginRoot`, and `lb`/`rb` for a literal `{{`/`}}`.
 */
export async function renderStubs(
  app: ApplicationService,
  folder: string,
  state: Record<string, string> & { name: string }
): Promise<Record<string, string>> {
  const source = app.makePath('stubs')
  const pluginRoot = app.makePath('plugins', state.name)
  const entries = await readdir(join(source, folder), { recursive: true, withFileTypes: true })
  const stubs = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.stub'))
    .map((entry) => relative(source, join(entry.parentPath, entry.name)))
    .sort()
  const manager = await app.stubs.create()
  const files: Record<string, string> = {}
  for (const stubPath of stubs) {
    const stub = await manager.build(stubPath, { source })
    const { contents, destination } = await stub.prepare({
      ...state,
      pluginRoot,
      lb: '{{',
      rb: '}}',
    })
    const path = relative(pluginRoot, destination)
    if (path.startsWith('..'))
      throw new Error(`${stubPath} writes outside the plugin: ${destination}`)
    /* the renderer trims: a file ends with one newline, as an editor leaves it */
    files[path] = contents === '' ? '' : `${contents}\n`
  }
  return files
}

export interface Scaffold {
  /** What the name was given for, in messages: `plugin`, `agent type`. */
  kind: string
  /** The files, by path inside plugins/<name>/ (`renderStubs`). */
  files: (name: string) => Promise<Record<string, string>>
  /** Refuses a valid name for the command's own reasons: the message, or null to go on. */
  refuse?: (name: string) => string | null | Promise<string | null>
  /** Lines printed after the files, once the plugin is written. */
  next: (name: string) => string[]
}

/**
 * Writes plugins/<name>/ for a command, or refuses (exit code 1, nothing
 * written): an invalid name, a folder that exists, or the scaffold's own
 * reason. Returns the name written, or null.
 */
export async function scaffoldPlugin(
  command: BaseCommand,
  input: string,
  scaffold: Scaffold
): Promise<string | null> {
  const fail = (message: string) => {
    command.logger.error(message)
    command.exitCode = 1
    return null
  }

  const name = normalizePluginName(input)
  if (!name) {
    return fail(
      `Invalid ${scaffold.kind} name ${JSON.stringify(input)}: after conversion to snake_case it must start with a letter and contain only a-z, 0-9 and _`
    )
  }

  const root = command.app.makePath('plugins')
  const folder = join(root, name)
  if (existsSync(folder)) {
    return fail(`plugins/${name} already exists: choose another name or remove that folder`)
  }
  const refused = await scaffold.refuse?.(name)
  if (refused) return fail(refused)

  /*
   * Written into a hidden folder (discovery skips dot-folders) and renamed at
   * the end, so a failure never leaves a half plugin that would break the boot.
   */
  const staging = join(root, `.${name}.tmp-${process.pid}-${Date.now()}`)
  const files = await scaffold.files(name)
  try {
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, path)), { recursive: true })
      writeFileSync(join(staging, path), contents)
    }
    renameSync(staging, folder)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }

  for (const path of Object.keys(files)) {
    command.logger.action(`create plugins/${name}/${path}`).succeeded()
  }
  command.logger.log('')
  for (const line of scaffold.next(name)) command.logger.log(line)
  const enabled = process.env.PLUGINS?.trim()
  if (enabled && enabled !== '*') {
    command.logger.warning(`PLUGINS is set ("${enabled}"): add ${name} to it to enable the plugin`)
  }
  return name
}
