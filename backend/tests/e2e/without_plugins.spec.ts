import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import { freePort, scaffoldDatabaseUrl } from '#tests/helpers/scaffold'

/**
 * Removing a plugin leaves a working product: the host boots, migrates its
 * own tables and serves, and its whole suite (unit, functional, security)
 * passes, with only the agent-type plugins (no leads, no drafts) and with
 * no plugin at all. Each run is a child `node ace test` with PLUGINS set,
 * on a database of its own; tests of a disabled plugin's routes, tables or
 * agent types are skipped (backend/tests/helpers/plugins.ts), every other
 * one must pass.
 */
const RUNS = [
  { name: 'no plugin at all', plugins: 'none', database: 'no_plugins' },
  {
    name: 'only the agent types (no leads, no drafts)',
    plugins: 'orchestrator,lead_finder,enricher,copywriter',
    database: 'agent_types_only',
  },
]

interface Run {
  code: number | null
  output: string
}

function runSuite(
  env: Record<string, string>,
  suites = ['unit', 'functional', 'security']
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['ace', 'test', ...suites, '--no-ansi'], {
      cwd: app.makePath(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code, output }))
  })
}

async function tablesAndLinks(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tables = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`
    )
    const links = await client.query(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = 'tasks' AND column_name LIKE 'linked\\_%'`
    )
    return {
      tables: tables.rows.map((row) => row.table_name as string),
      links: links.rows.map((row) => row.column_name as string),
    }
  } finally {
    await client.end()
  }
}

test.group('The host without plugins', (group) => {
  // a run with PLUGINS set is itself one of these runs: never start them again from inside
  group.tap((t) => t.skip(Boolean(process.env.PLUGINS?.trim()), 'already a run with PLUGINS set'))

  for (const run of RUNS) {
    test(`${run.name}: boots, migrates, serves and passes the host suite`, async ({ assert }) => {
      const url = await scaffoldDatabaseUrl(run.database)
      const result = await runSuite({
        PLUGINS: run.plugins,
        TEST_DATABASE_URL: url,
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        // the parent run's admin build serves every page; never rebuild it for a smaller set
        SKIP_ADMIN_BUILD: '1',
      })
      const summary = result.output.match(
        /Tests\s+(\d+) passed(?:, (\d+) failed)?(?:, (\d+) skipped)?/
      )
      assert.equal(result.code, 0, `PLUGINS=${run.plugins} failed:\n${result.output.slice(-6000)}`)
      assert.isNotNull(summary, result.output.slice(-2000))
      // most of the host's suite runs, not a handful
      assert.isAbove(Number(summary![1]), 200)

      // only the host's tables (and an agent-type plugin has none): no leads, no drafts, no links to them
      const { tables, links } = await tablesAndLinks(url)
      assert.includeMembers(tables, ['tasks', 'task_events', 'audit_log', 'agents', 'users'])
      assert.notInclude(tables, 'leads')
      assert.notInclude(tables, 'drafts')
      assert.deepEqual(links, [])
    }).timeout(15 * 60 * 1000)
  }

  test('no plugin at all: the admin shows the host screens only, each working', async ({
    assert,
  }) => {
    const result = await runSuite(
      {
        PLUGINS: 'none',
        TEST_DATABASE_URL: await scaffoldDatabaseUrl('no_plugins_admin'),
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        SKIP_ADMIN_BUILD: '1',
      },
      ['browser', '--files=browser/without_plugins.spec.ts']
    )
    assert.equal(result.code, 0, result.output.slice(-6000))
    assert.match(result.output, /Tests\s+1 passed/)
  }).timeout(10 * 60 * 1000)
})
