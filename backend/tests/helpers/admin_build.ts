import app from '@adonisjs/core/services/app'
import { adminBuildReason, buildAdmin } from '../../../scripts/admin_build.js'

/**
 * Builds admin/dist when it is missing, older than admin/src or a plugin's
 * screens, or built with other plugins: the test server serves it (the SPA
 * routes and the browser tests). Test runs started by tests (a scaffolded
 * plugin's own test) set SKIP_ADMIN_BUILD: they serve no admin.
 */
export function ensureAdminBuild() {
  if (process.env.SKIP_ADMIN_BUILD === '1') return
  const reason = adminBuildReason(app.makePath())
  if (!reason) return
  console.log(`building the admin (${reason})`)
  if (!buildAdmin(app.makePath())) throw new Error('the admin build failed')
}
