/**
 * `npm start`: the product on one URL from a fresh clone. Builds the admin on
 * first use (and again after its sources or the plugins changed), then runs
 * the server from source (no compile step). The server itself starts an embedded PostgreSQL when DATABASE_URL is not set, applies
 * migrations, creates the first admin and prints the login.
 */
import { fileURLToPath } from 'node:url'
import { adminBuildReason, buildAdmin } from './admin_build.js'

const root = fileURLToPath(new URL('../', import.meta.url))
process.chdir(root)
process.env.NODE_ENV ??= 'production'
process.env.PORT ??= '4000'

const stale = process.env.SKIP_ADMIN_BUILD === '1' ? null : adminBuildReason(root)
if (stale) {
  console.log(`Building the admin app (${stale})...`)
  if (!buildAdmin(root, { quiet: true })) {
    console.error('The admin build failed; the API will still start.')
  }
}

await import('ts-node-maintained/register/esm')
await import('../bin/server.js')

/*
| `npm start -- --demo` or DEMO_AGENTS=1: the demo crew (orchestrator,
| lead_finder, enricher, copywriter) works the board in this process once
| the server listens; DEMO_SPEED sets its pace (default 1).
*/
const demo =
  process.argv.includes('--demo') || /^(1|true|yes|on)$/i.test(process.env.DEMO_AGENTS ?? '')
if (demo && process.exitCode === undefined) {
  const { startCrewInServer } = await import('../backend/demo_crew/crew.js')
  await startCrewInServer({ speed: Number(process.env.DEMO_SPEED) || 1 }).catch((error) =>
    console.error(`The demo crew could not start: ${error?.message ?? error}`)
  )
}
