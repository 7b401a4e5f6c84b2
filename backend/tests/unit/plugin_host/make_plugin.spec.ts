import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import { connectionUrl } from '#config/database'
import MakePlugin, { normalizePluginName } from '../../../commands/make_plugin.js'

const run = promisify(execFile)

/** Runs `node ace ...` in a child process; resolves with the exit code and output, never rejects. */
async function ace(argv: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['ace', ...argv, '--no-ansi'], {
      cwd: app.makePath(),
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, output: `${stdout}\n${stderr}` }
  } catch (error: any) {
    return { code: Number(error.code ?? 1), output: `${error.stdout}\n${error.stderr}` }
  }
}

/** Runs the command in this process, output captured. */
async function makePlugin(name: string) {
  const kernel = await app.container.make('ace')
  kernel.ui.switchMode('raw')
  const command = await kernel.create(MakePlugin, [name])
  await command.exec()
  return command
}

/**
 * The generated test runs in a child whose test runner drops and migrates its
 * database: give it one of its own, next to this run's, so neither destroys
 * the other's.
 */
async function scaffoldDatabaseUrl() {
  const url = new URL(connectionUrl())
  const name = `${url.pathname.slice(1)}_scaffold`
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected test database name ${name}`)

  const server = new URL(url)
  server.pathname = '/postgres'
  const client = new pg.Client({ connectionString: server.href })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  url.pathname = `/${name}`
  return url.href
}

/** A port nobody listens on, so the child's HTTP server does not collide with another run's. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

test.group('make:plugin', () => {
  test('normalizes names to snake_case and refuses what cannot be one', ({ assert }) => {
    assert.equal(normalizePluginName('seo_audit'), 'seo_audit')
    assert.equal(normalizePluginName('SeoAudit'), 'seo_audit')
    assert.equal(normalizePluginName('seo-audit'), 'seo_audit')
    assert.equal(normalizePluginName(' Seo Audit '), 'seo_audit')
    /* valid snake_case is kept as typed (snakeCase would split "v2" into "v_2") */
    assert.equal(normalizePluginName('crm_v2'), 'crm_v2')

    assert.isNull(normalizePluginName(''))
    assert.isNull(normalizePluginName('---'))
    assert.isNull(normalizePluginName('9lives'))
    assert.isNull(normalizePluginName(undefined))
  })

  test('refuses an invalid name with exit code 1', async ({ assert }) => {
    const command = await makePlugin('9lives')

    command.assertExitCode(1)
    command.assertLogMatches(/Invalid plugin name "9lives"/, 'stderr')
    assert.isFalse(existsSync(app.makePath('plugins', '9lives')))
    assert.isFalse(existsSync(app.makePath('plugins', '9_lives')))
  })

  test('refuses a folder that already exists with exit code 1', async ({ assert }) => {
    const before = readFileSync(app.makePath('plugins', 'leads', 'plugin.ts'), 'utf8')
    const command = await makePlugin('leads')

    command.assertExitCode(1)
    command.assertLogMatches(/plugins\/leads already exists/, 'stderr')
    assert.equal(readFileSync(app.makePath('plugins', 'leads', 'plugin.ts'), 'utf8'), before)
  })

  test('scaffolds a plugin whose own test passes at once', async ({ assert }) => {
    const name = `scaffold_probe_${randomBytes(4).toString('hex')}`
    const folder = app.makePath('plugins', name)

    try {
      /* through `node ace`, which also proves ace finds the command */
      const made = await ace(['make:plugin', name])
      assert.equal(made.code, 0, made.output)

      for (const file of [
        'plugin.ts',
        `controllers/${name}_controller.ts`,
        'database/migrations/.gitkeep',
        `tests/${name}.spec.ts`,
        'README.md',
      ]) {
        assert.isTrue(existsSync(join(folder, file)), `plugins/${name}/${file} is missing`)
      }
      const plugin = readFileSync(join(folder, 'plugin.ts'), 'utf8')
      assert.include(plugin, `name: '${name}'`)
      assert.include(plugin, `router.get('${name}/status'`)
      assert.include(plugin, 'middleware.auth()')
      assert.include(plugin, `() => import('./controllers/${name}_controller.js')`)
      assert.include(
        readFileSync(join(folder, 'controllers', `${name}_controller.ts`), 'utf8'),
        `return { plugin: '${name}', status: 'ok' }`
      )

      /* when PLUGINS limits the plugins, the new one must be on the list */
      const enabled = process.env.PLUGINS?.trim()
      const tested = await ace(
        ['test', 'plugins', '--files', `plugins/${name}/tests/${name}.spec.ts`],
        {
          TEST_DATABASE_URL: await scaffoldDatabaseUrl(),
          HOST: '127.0.0.1',
          PORT: String(await freePort()),
          ...(enabled && enabled !== '*' ? { PLUGINS: `${enabled},${name}` } : {}),
        }
      )
      assert.equal(tested.code, 0, tested.output)
      assert.match(tested.output, /Tests\s+2 passed \(2\)/)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }).timeout(180_000)
})
