import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import MakeAgent, { takenBy } from '../../../commands/make_agent.js'
import { definePlugin } from '#plugin_host/define_plugin'
import { ace, childTestEnv, runCommand } from '#tests/helpers/scaffold'

function makeAgent(name: string) {
  return runCommand(MakeAgent, [name])
}

test.group('make:agent', () => {
  test('refuses what make:plugin refuses: an invalid name, an existing folder', async ({
    assert,
  }) => {
    const invalid = await makeAgent('9lives')
    invalid.assertExitCode(1)
    invalid.assertLogMatches(/Invalid agent type name "9lives"/, 'stderr')
    assert.isFalse(existsSync(app.makePath('plugins', '9lives')))

    const taken = await makeAgent('enricher')
    taken.assertExitCode(1)
    taken.assertLogMatches(/plugins\/enricher already exists/, 'stderr')
  })

  test('refuses a host event namespace and an agent type another plugin declares', async ({
    assert,
  }) => {
    const reserved = await makeAgent('task')
    reserved.assertExitCode(1)
    reserved.assertLogMatches(/"task" is one of the host's event namespaces/, 'stderr')
    assert.isFalse(existsSync(app.makePath('plugins', 'task')))

    const plugins = [
      {
        definition: definePlugin({
          name: 'leads',
          agentTypes: [
            {
              name: 'scout',
              label: 'Scout',
              events: [{ type: 'crawler.progress_reported' }],
            },
          ],
        }),
      },
    ]
    assert.match(
      takenBy('scout', plugins)!,
      /agent type "scout" is already declared by plugins\/leads/
    )
    assert.match(
      takenBy('crawler', plugins)!,
      /event type "crawler.progress_reported" is already declared by plugins\/leads/
    )
    assert.isNull(takenBy('seo_auditor', plugins))
  })

  test('scaffolds an agent-type plugin whose own test passes at once', async ({ assert }) => {
    const name = `agent_probe_${randomBytes(4).toString('hex')}`
    const folder = app.makePath('plugins', name)

    try {
      /* through `node ace`, which also proves ace finds the command */
      const made = await ace(['make:agent', name])
      assert.equal(made.code, 0, made.output)

      for (const file of [
        'plugin.ts',
        'seed/demo_agent.ts',
        'database/migrations/.gitkeep',
        `tests/${name}.spec.ts`,
        'admin/index.tsx',
        'admin/agent_card.tsx',
        'README.md',
      ]) {
        assert.isTrue(existsSync(join(folder, file)), `plugins/${name}/${file} is missing`)
      }
      const plugin = readFileSync(join(folder, 'plugin.ts'), 'utf8')
      assert.include(plugin, `name: '${name}'`)
      assert.include(plugin, `type: '${name}.progress_reported'`)
      assert.include(plugin, 'payload: vine.object({')
      assert.include(plugin, 'settings: vine.object({')
      assert.include(readFileSync(join(folder, 'seed', 'demo_agent.ts'), 'utf8'), `type: '${name}'`)
      const admin = readFileSync(join(folder, 'admin', 'index.tsx'), 'utf8')
      assert.include(admin, 'defineAdminPlugin({')
      assert.include(admin, `import('./agent_card')`)

      const tested = await ace(
        ['test', 'plugins', '--files', `plugins/${name}/tests/${name}.spec.ts`],
        await childTestEnv(name, 'scaffold_agent')
      )
      assert.equal(tested.code, 0, tested.output)
      assert.match(tested.output, /Tests\s+6 passed \(6\)/)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }).timeout(180_000)
})
