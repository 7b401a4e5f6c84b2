import type { HttpContext } from '@adonisjs/core/http'
import Agent from '#models/agent'
import { ApiException } from '#exceptions/api_exception'
import { handleMcpRequest } from '#mcp/server'

/**
 * /mcp: the Model Context Protocol over Streamable HTTP, for agents with
 * their own token (docs/MCP.md). Stateless: POST carries every message; no
 * server-initiated stream (GET) and no session to end (DELETE): 405.
 */
export default class McpController {
  async handle(ctx: HttpContext) {
    const actor = ctx.auth.user
    if (!(actor instanceof Agent)) {
      throw ApiException.forbidden(
        'The MCP server is for agents: connect with an agent token (Authorization: Bearer mca_...)'
      )
    }
    return handleMcpRequest(ctx, actor)
  }

  notAllowed({ response }: HttpContext) {
    return response
      .status(405)
      .header('allow', 'POST')
      .send({
        jsonrpc: '2.0',
        error: {
          code: -32000,
          message: 'Method not allowed: this MCP server is stateless; send every message by POST',
        },
        id: null,
      })
  }
}
