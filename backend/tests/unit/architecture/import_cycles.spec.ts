import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import madge from 'madge'

/**
 * No module imports itself back, however indirectly: not through a type
 * (`import type`), nor through a lazy `import()` (a screen the menu loads on
 * demand). The host, the plugins, the admin and the client are one graph;
 * `#...` subpath imports and the admin's `@admin/...` are resolved as the
 * compiler does.
 */
test.group('Imports', () => {
  test('have no cycles in backend/, plugins/, admin/src and client/', async ({ assert }) => {
    const pkg = JSON.parse(await readFile(app.makePath('package.json'), 'utf8'))
    const paths: Record<string, string[]> = { '@admin/*': ['admin/src/*'] }
    for (const [alias, target] of Object.entries<string>(pkg.imports)) {
      paths[alias] = [target.replace(/\.js$/, '')]
    }
    const detective = { skipTypeImports: false, skipAsyncImports: false }
    const graph = await madge(['backend', 'plugins', 'admin/src', 'client'], {
      baseDir: app.makePath(),
      fileExtensions: ['ts', 'tsx'],
      excludeRegExp: [/\/tests\//, /node_modules/, /\.d\.ts$/],
      tsConfig: {
        compilerOptions: { baseUrl: '.', paths, module: 'NodeNext', moduleResolution: 'NodeNext' },
      },
      detectiveOptions: { ts: detective, tsx: detective },
    })
    // the graph is the project's, not a handful of files (a resolution gone wrong finds no cycle)
    assert.isAbove(Object.keys(graph.obj()).length, 250)
    assert.deepEqual(
      graph.warnings().skipped.filter((name) => /^(\.|#|@admin\/)/.test(name)),
      [],
      'imports madge could not resolve'
    )
    const cycles = graph.circular().map((cycle) => cycle.join(' -> '))
    assert.isTrue(cycles.length === 0, `\n${cycles.join('\n')}\n`)
    // plugins.ts reaches every plugin's screens through import.meta.glob, which the graph
    // cannot see: only the app's root imports it, so no screen can close a cycle through it
    assert.deepEqual(graph.depends('admin/src/plugins.ts'), ['admin/src/App.tsx'])
  }).timeout(120_000)
})
