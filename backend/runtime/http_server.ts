import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'

/**
 * Node's HTTP server for AdonisJS, giving each request a random UUID as its
 * `x-request-id` before AdonisJS sees it. The id is the server's own, always:
 * it is written into the audit log (`metadata.request_id`), so a client must
 * not choose it (one it sends is replaced). AdonisJS would make a cuid2,
 * which hashes with SHA-3 on every request (about 2% of the API's CPU under
 * load). Used by the server and the tests.
 */
export function createHttpServer(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown
) {
  return createServer((request, response) => {
    request.headers['x-request-id'] = randomUUID()
    void handle(request, response)
  })
}
