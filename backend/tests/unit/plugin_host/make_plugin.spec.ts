import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import MakePlugin, { normalizePluginName } from '../../../commands/make_plugin.js'
import { ace, childTestEnv, runCommand } from '#tests/helpers/scaffold'

/** Runs the command in this process, output captured. */
function makePlugin(name: string) {
  return runCommand(MakePlugin, [name])
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
        'openapi.ts',
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

      const tested = await ace(
        ['test', 'plugins', '--files', `plugins/${name}/tests/${name}.spec.ts`],
        await childTestEnv(name)
      )
      assert.equal(tested.code, 0, tested.output)
      assert.match(tested.output, /Tests\s+2 passed \(2\)/)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }).timeout(180_000)
})
