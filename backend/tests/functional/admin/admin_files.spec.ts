/**
 * The admin's files as a browser gets them from the API server: compressed,
 * cached for a year when their name carries their hash, index.html never
 * cached, nothing outside admin/dist.
 */
import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import app from '@adonisjs/core/services/app'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return fetch(`${BASE()}${path}`, { method, headers, redirect: 'manual' })
}

/** Raw bytes as sent (fetch would decompress them). */
async function raw(path: string, encoding: string) {
  const { request } = await import('node:http')
  return new Promise<{ headers: Record<string, any>; body: Buffer; status: number }>(
    (resolve, reject) => {
      const req = request(
        `${BASE()}${path}`,
        { headers: { 'accept-encoding': encoding } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk) => chunks.push(chunk))
          res.on('end', () =>
            resolve({ headers: res.headers, body: Buffer.concat(chunks), status: res.statusCode! })
          )
        }
      )
      req.on('error', reject)
      req.end()
    }
  )
}

/** The hashed files index.html loads, as the build wrote them. */
function entryAssets(): string[] {
  const html = readFileSync(app.makePath('admin/dist/index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1])
}

test.group('Admin files', () => {
  test('index.html is never cached, on / and on any admin path', async ({ assert }) => {
    for (const path of ['/', '/board', '/leads/show/123', '/index.html']) {
      const answer = await get(path)
      assert.equal(answer.status, 200, path)
      assert.match(answer.headers.get('content-type') ?? '', /^text\/html/, path)
      assert.equal(answer.headers.get('cache-control'), 'no-store', path)
    }
  })

  test('hashed files: brotli or gzip as accepted, byte-equal to the build, cached a year', async ({
    assert,
  }) => {
    const assets = entryAssets()
    assert.isNotEmpty(assets)
    const script = assets.find((path) => path.endsWith('.js'))!
    const original = readFileSync(app.makePath('admin/dist', script))

    const br = await raw(script, 'gzip, deflate, br')
    assert.equal(br.status, 200)
    assert.equal(br.headers['content-encoding'], 'br')
    assert.equal(br.headers['vary'], 'Accept-Encoding')
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8')
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.isTrue(brotliDecompressSync(br.body).equals(original))
    assert.isBelow(br.body.length, original.length / 2)

    const gz = await raw(script, 'gzip')
    assert.equal(gz.headers['content-encoding'], 'gzip')
    assert.isTrue(gunzipSync(gz.body).equals(original))

    const plain = await raw(script, 'identity')
    assert.isUndefined(plain.headers['content-encoding'])
    assert.isTrue(plain.body.equals(original))
    assert.equal(Number(plain.headers['content-length']), original.length)
  })

  test('a browser that has the file gets 304; HEAD answers without a body', async ({ assert }) => {
    const script = entryAssets().find((path) => path.endsWith('.js'))!
    const first = await get(script, { 'accept-encoding': 'br' })
    const etag = first.headers.get('etag')!
    assert.isString(etag)
    const again = await get(script, { 'accept-encoding': 'br', 'if-none-match': etag })
    assert.equal(again.status, 304)
    // each encoding is its own representation
    const other = await get(script, { 'accept-encoding': 'gzip', 'if-none-match': etag })
    assert.equal(other.status, 200)
    const head = await get(script, { 'accept-encoding': 'br' }, 'HEAD')
    assert.equal(head.status, 200)
    assert.equal(head.headers.get('content-encoding'), 'br')
    assert.equal(await head.text(), '')
  })

  test('nothing outside admin/dist, and no dotfile, is ever sent', async ({ assert }) => {
    const secrets = [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/.env',
      '/..%2fpackage.json',
      '/.plugins.json',
      '/assets/..%5c..%5cpackage.json',
      '/%00index.html',
    ]
    for (const path of secrets) {
      const answer = await get(path)
      const body = await answer.text()
      assert.notInclude(body, '"dependencies"', path)
      assert.notInclude(body, '"leads"', path)
      assert.notInclude(body, 'APP_KEY', path)
      assert.isBelow(answer.status, 500, path)
    }
  })
})
