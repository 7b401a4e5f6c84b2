import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Mints an agent token from the command line (shown once), the same way
 * POST /api/agents/:id/tokens does, recorded as a system change.
 */
export default class AgentToken extends BaseCommand {
  static commandName = 'agent:token'
  static description = 'Mint an API token for an agent (shown once)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The agent name, e.g. researcher-1' })
  declare name: string

  @flags.string({ description: 'A label for the token' })
  declare label?: string

  async run() {
    const { default: Agent } = await import('#models/agent')
    const { agentTokens } = await import('#actions/agents/agent_tokens')
    const { SYSTEM } = await import('#services/change_recorder')

    const agent = await Agent.findBy('name', this.name)
    if (!agent) {
      this.logger.error(`No agent named "${this.name}"`)
      this.exitCode = 1
      return
    }
    const token = await agentTokens.issue(SYSTEM, agent, this.label)
    this.logger.success(`Token #${token.id} for agent "${agent.name}" (shown once):`)
    console.log(token.token)
  }
}
