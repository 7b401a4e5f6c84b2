import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { HttpContext } from '@adonisjs/core/http'

/*
| JSON answers (a board's 1,000 tasks: ~190 kB; a page of leads: ~25 kB)
| compressed for the browsers that accept it, whether a handler returned
| records or wrote the JSON text itself: brotli at a fast quality, else
| gzip. Small answers and every stream (CSV exports, realtime) go as they
| are: compressing them costs more than it saves, or would buffer a stream. Clients that send no
| Accept-Encoding (scripts, agents, the benches) get plain JSON.
*/

/** Below this, an answer goes uncompressed (about one network packet: nothing to win). */
export const COMPRESS_MIN_BYTES = 2 * 1024

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null
  const offered = acceptEncoding
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
    .map(([name]) => name.trim())
  if (offered.includes('br')) return 'br'
  if (offered.includes('gzip')) return 'gzip'
  return null
}

/** Compresses the JSON the request's handler answered with, when it is worth it. */
export async function compressJsonAnswer(ctx: HttpContext) {
  const { request, response } = ctx
  const encoding = encodingFor(request.header('accept-encoding'))
  if (!encoding || request.method() !== 'GET') return
  if (!response.hasContent || response.getStatus() !== 200) return
  const [content] = response.content!
  let json: Buffer
  if (typeof content === 'string') {
    // JSON a handler wrote itself (the leads list, serialized as its rows are read)
    if (!String(response.getHeader('content-type') ?? '').startsWith('application/json')) return
    json = Buffer.from(content)
  } else {
    if (content === null || typeof content !== 'object' || Buffer.isBuffer(content)) return
    try {
      json = Buffer.from(JSON.stringify(content))
    } catch {
      // something only the framework's own serializer handles (a BigInt, a cycle): send it as it is
      return
    }
  }
  response.header('vary', 'Accept-Encoding')
  if (json.length < COMPRESS_MIN_BYTES) return
  const body =
    encoding === 'br'
      ? await brotli(json, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
          },
        })
      : await gzipAsync(json, { level: 6 })
  response.header('content-type', 'application/json; charset=utf-8')
  response.header('content-encoding', encoding)
  response.send(body)
}
