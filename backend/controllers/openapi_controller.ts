import type { HttpContext } from '@adonisjs/core/http'
import { openApiDocument } from '#openapi/main'
import { renderReference } from '#openapi/html'

let page: string | undefined

/** Public: agent authors and tools read the API's description without credentials. */
export default class OpenApiController {
  /** GET /api/openapi.json */
  async document({ response }: HttpContext) {
    response.header('content-type', 'application/json; charset=utf-8')
    response.header('cache-control', 'no-cache')
    return response.send(await openApiDocument())
  }

  /** GET /api/docs: the same document as a readable page. */
  async reference({ response }: HttpContext) {
    page ??= renderReference(await openApiDocument())
    response.header('content-type', 'text/html; charset=utf-8')
    response.header('cache-control', 'no-cache')
    /* stricter than the app's policy: this page runs no script at all */
    response.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'"
    )
    return response.send(page)
  }
}
