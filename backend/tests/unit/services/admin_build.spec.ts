import { test } from '@japa/runner'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { adminBuildReason, recordAdminBuild } from '../../../../scripts/admin_build.js'

/* A project folder with an admin, one plugin with screens, and a build of both. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'mc-admin-build-'))
  const write = (path: string, text = '') => {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  write('admin/index.html', '<div id="root"></div>')
  write('admin/src/App.tsx', 'export default 1')
  write('plugins/leads/admin/index.tsx', 'export default 1')
  write('plugins/enricher/plugin.ts', 'export default 1')
  const past = new Date(Date.now() - 60_000)
  for (const path of ['admin/index.html', 'admin/src/App.tsx', 'plugins/leads/admin/index.tsx']) {
    utimesSync(join(root, path), past, past)
  }
  write('admin/dist/index.html', '<div id="root"></div>')
  const built = new Date(Date.now() - 30_000)
  utimesSync(join(root, 'admin/dist/index.html'), built, built)
  recordAdminBuild(root)
  return { root, write, done: () => rmSync(root, { recursive: true, force: true }) }
}

test.group('Admin build: when npm start and the tests rebuild admin/dist', () => {
  test('a build newer than its sources, with the same plugins, is current', ({ assert }) => {
    const { root, done } = project()
    try {
      assert.isNull(adminBuildReason(root))
    } finally {
      done()
    }
  })

  test('a changed source, an added or a removed plugin screen makes it stale', ({ assert }) => {
    const { root, write, done } = project()
    try {
      write('admin/src/App.tsx', 'export default 2')
      assert.equal(adminBuildReason(root), 'its sources changed')
      recordAdminBuild(root)
      write('admin/dist/index.html', 'rebuilt')

      write('plugins/probe/admin/index.tsx', 'export default 1')
      assert.equal(adminBuildReason(root), 'the plugins changed')
      rmSync(join(root, 'plugins/probe'), { recursive: true })
      assert.isNull(adminBuildReason(root))

      rmSync(join(root, 'plugins/leads'), { recursive: true })
      assert.equal(adminBuildReason(root), 'the plugins changed', 'a removed plugin is noticed')
    } finally {
      done()
    }
  })

  test('no build, or a build without its record, is stale', ({ assert }) => {
    const { root, done } = project()
    try {
      rmSync(join(root, 'admin/dist/.plugins.json'))
      assert.equal(adminBuildReason(root), 'built without a record of its plugins')
      rmSync(join(root, 'admin/dist'), { recursive: true })
      assert.equal(adminBuildReason(root), 'not built yet')
    } finally {
      done()
    }
  })
})
