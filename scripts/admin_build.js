/**
 * Whether admin/dist is current, and building it. Used by `npm start` and by
 * the test runner. The build is stale when it is missing, older than the
 * admin's sources or a plugin's screens, or built with another set of
 * plugin screens (a plugin added or removed since).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

const STAMP = 'admin/dist/.plugins.json'

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** The plugins with admin screens, by folder name. */
function pluginScreens(root) {
  const plugins = join(root, 'plugins')
  if (!existsSync(plugins)) return []
  return readdirSync(plugins)
    .filter((name) => existsSync(join(plugins, name, 'admin')))
    .sort()
}

/** Why admin/dist must be (re)built, or null when it is current. */
export function adminBuildReason(root) {
  const index = join(root, 'admin/dist/index.html')
  if (!existsSync(index)) return 'not built yet'
  const screens = pluginScreens(root)
  let built = null
  try {
    built = JSON.parse(readFileSync(join(root, STAMP), 'utf8'))
  } catch {
    return 'built without a record of its plugins'
  }
  if (JSON.stringify(built) !== JSON.stringify(screens)) return 'the plugins changed'
  const sources = [
    join(root, 'admin/src'),
    join(root, 'admin/index.html'),
    join(root, 'admin/theme.js'),
    join(root, 'admin/favicon.svg'),
    join(root, 'admin/vite.config.ts'),
    join(root, 'scripts/antd_styles.js'),
  ]
  for (const name of screens) sources.push(join(root, 'plugins', name, 'admin'))
  const newest = Math.max(...sources.filter((s) => existsSync(s)).map(newestMtime))
  return statSync(index).mtimeMs >= newest ? null : 'its sources changed'
}

/**
 * Builds admin/dist with Vite; returns whether it succeeded. Always a
 * production build (minified React, no development warnings), whatever
 * NODE_ENV the caller runs under: the test runner's `test` made Vite ship
 * React's development build.
 */
export function buildAdmin(root, { quiet = false } = {}) {
  const build = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'admin/vite.config.ts',
      ...(quiet ? ['--logLevel', 'warn'] : []),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }
  )
  return build.status === 0
}

/** Called by the Vite build (admin/vite.config.ts) once admin/dist is written. */
export function recordAdminBuild(root = ROOT) {
  mkdirSync(join(root, 'admin/dist'), { recursive: true })
  writeFileSync(join(root, STAMP), JSON.stringify(pluginScreens(root)))
}

/** What is worth compressing: text the browser downloads (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of
 * admin/dist larger than 1 kB, once, at build time, at the best ratio: the
 * server sends them to browsers that accept them, spending no CPU per request.
 */
export function precompressAdmin(root = ROOT) {
  const dist = join(root, 'admin/dist')
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? // not .ssr/, the server's copy of the app (admin/vite.config.ts): never sent
          entry.name.startsWith('.')
          ? []
          : walk(join(dir, entry.name))
        : [join(dir, entry.name)]
    )
  for (const file of walk(dist)) {
    if (!COMPRESSIBLE.test(file)) continue
    const body = readFileSync(file)
    if (body.length <= 1024) continue
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    })
    const gz = gzipSync(body, { level: 9 })
    if (br.length < body.length) writeFileSync(`${file}.br`, br)
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz)
  }
}
