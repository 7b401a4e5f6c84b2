import { request } from 'node:http'

/**
 * A GET to the test server with exactly these headers, and the answer's
 * bytes as they came (not decompressed, unlike fetch): what a test of
 * Content-Encoding needs to see.
 */
export function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, any>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        `http://${process.env.HOST}:${process.env.PORT}${path}`,
        { headers },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk) => chunks.push(chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
          )
        }
      )
      req.on('error', reject)
      req.end()
    }
  )
}
