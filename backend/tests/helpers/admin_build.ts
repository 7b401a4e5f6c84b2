import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Builds admin/dist when it is missing or older than admin/src or a plugin's
 * screens: the test server serves it (the SPA routes and the browser tests).
 */
export function ensureAdminBuild() {
  const index = app.makePath('admin/dist/index.html')
  const sources = [app.makePath('admin/src'), app.makePath('admin/index.html')]
  for (const plugin of readdirSync(app.makePath('plugins'))) {
    const dir = app.makePath('plugins', plugin, 'admin')
    if (existsSync(dir)) sources.push(dir)
  }
  const newest = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs))
  )
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return
  execFileSync('npm', ['run', 'build:admin'], { cwd: app.makePath(), stdio: 'inherit' })
}
