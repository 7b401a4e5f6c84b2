import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'

/**
 * Node's HTTP server for AdonisJS, giving each request that arrives without
 * an `x-request-id` a random UUID before AdonisJS sees it. AdonisJS would
 * make a cuid2 instead, which hashes with SHA-3 on every request (about 2%
 * of the API's CPU under load); a UUID serves the same purpose (quoting a
 * request in a log or a bug report). Used by the server and the tests.
 */
export function createHttpServer(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown
) {
  return createServer((request, response) => {
    request.headers['x-request-id'] ??= randomUUID()
    void handle(request, response)
  })
}
