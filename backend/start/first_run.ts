/*
|--------------------------------------------------------------------------
| First run (web server only)
|--------------------------------------------------------------------------
|
| Migrations (idempotent, unless MIGRATE_ON_START=false), the first admin
| when no user exists, demo data on an empty database, and the banner with
| the URL and the login once the server listens.
|
*/

import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { runMigrations } from '#services/migrations'
import { ensureFirstAdmin } from '#actions/users/ensure_first_admin'
import { seedDemoData } from '#services/seeding'

if (env.get('MIGRATE_ON_START', true)) {
  await runMigrations()
}
const admin = await ensureFirstAdmin()
await seedDemoData()

app.ready(() => {
  const host = env.get('HOST', '0.0.0.0')
  const url =
    env.get('APP_URL') ||
    `http://${host === '0.0.0.0' ? 'localhost' : host}:${env.get('PORT', 4000)}`
  const lines = ['', `  Mission Control is running at ${url}`, `  API health: ${url}/api/health`]
  if (admin.generatedPassword) {
    lines.push(`  First admin: ${admin.email} / ${admin.generatedPassword}`)
    lines.push('  (this password is shown once: change it after logging in)')
  } else if (admin.created) {
    lines.push(`  First admin: ${admin.email} (password from ADMIN_PASSWORD)`)
  }
  lines.push('')
  console.log(lines.join('\n'))
})
