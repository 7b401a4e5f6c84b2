import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, posix, sep } from 'node:path'
import type { Stats } from 'node:fs'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'

/*
| The built admin's files (admin/dist), as a browser should get them:
| - Vite's hashed files under /assets/ never change under their name: cached
|   for a year, `immutable`, so a warm load asks the server for nothing but
|   index.html and data;
| - index.html names the current hashes, so it is never cached (`no-store`):
|   a deploy reaches every browser on its next load;
| - text files are sent as the build's precompressed brotli or gzip copies
|   (scripts/admin_build.js writes `<file>.br` and `<file>.gz`) to browsers
|   that accept them: compressed once at the best ratio, no CPU per request;
| - an ETag per file and encoding, and 304 when the browser has it.
| Only files inside admin/dist, never a dotfile; anything else falls through
| (the SPA route answers index.html for the admin's own paths).
*/

export const DIST = app.makePath('admin/dist')

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'
export const CACHE_NEVER = 'no-store'
const CACHE_REVALIDATE = 'no-cache'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** Text, worth compressing (as scripts/admin_build.js decides). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt|webmanifest)$/

/** The precompressed copies a file may have, best first, as Accept-Encoding names them. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

async function fileStats(path: string): Promise<Stats | null> {
  try {
    const stats = await stat(path)
    return stats.isFile() ? stats : null
  } catch {
    return null
  }
}

/** The file under admin/dist a request path names, or null (outside it, a dotfile, malformed). */
export function distPath(urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const normalized = posix.normalize(decoded)
  if (!normalized.startsWith('/') || normalized.endsWith('/')) return null
  if (normalized.split('/').some((segment) => segment.startsWith('.'))) return null
  const path = join(DIST, normalized)
  return path.startsWith(DIST + sep) ? path : null
}

/** The cache policy of a file by its path in the admin. */
export function cachePolicy(urlPath: string) {
  if (urlPath === '/index.html') return CACHE_NEVER
  return urlPath.startsWith('/assets/') ? CACHE_IMMUTABLE : CACHE_REVALIDATE
}

/** If-None-Match names this version (weak or strong, or any with `*`). */
function browserHas(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}

/**
 * Sends the admin file the request names; false when there is none (the
 * caller goes on to the routes).
 */
export async function sendAdminFile(ctx: HttpContext, urlPath: string): Promise<boolean> {
  const method = ctx.request.method()
  if (method !== 'GET' && method !== 'HEAD') return false
  const path = distPath(urlPath)
  if (!path) return false
  const original = await fileStats(path)
  if (!original) return false

  const { response } = ctx
  let chosen = { path, stats: original, encoding: '' }
  if (COMPRESSIBLE.test(path)) {
    response.header('vary', 'Accept-Encoding')
    // ours, best first, among those the browser accepts (whatever order it lists them in)
    const accepted = ctx.request.encodings()
    const encoding = ENCODINGS.find((e) => accepted.includes(e.name))
    const copy = encoding && (await fileStats(path + encoding.suffix))
    if (encoding && copy)
      chosen = { path: path + encoding.suffix, stats: copy, encoding: encoding.name }
  }

  response.header('content-type', TYPES[extname(path)] ?? 'application/octet-stream')
  response.header('cache-control', cachePolicy(urlPath))
  response.header('last-modified', original.mtime.toUTCString())
  const tag = `${original.mtimeMs.toString(36)}-${original.size.toString(36)}`
  const etag = `"${tag}${chosen.encoding ? `-${chosen.encoding}` : ''}"`
  response.header('etag', etag)
  if (chosen.encoding) response.header('content-encoding', chosen.encoding)

  if (browserHas(ctx.request.header('if-none-match'), etag)) {
    response.status(304)
    return true
  }
  response.header('content-length', chosen.stats.size)
  if (method === 'HEAD') {
    response.status(200)
    return true
  }
  response.status(200).stream(createReadStream(chosen.path))
  return true
}
