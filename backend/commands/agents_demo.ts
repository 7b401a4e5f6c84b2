import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs the built-in crew against a running server, each agent with its own
 * token, through the typed agent client and the REST API. Pause, resume and
 * kill them from the admin (or the API): they obey within a second.
 */
export default class AgentsDemo extends BaseCommand {
  static commandName = 'agents:demo'
  static description =
    'Run the demo crew (an agent of each type that declares a demo behaviour) against a running server'
  static help = [
    'Start the server first (npm start, or npm run dev), then:',
    '  node ace agents:demo [--speed 2] [--url http://127.0.0.1:4000]',
    'Or start both at once: npm start -- --demo',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The server URL (default: http://127.0.0.1:$PORT)' })
  declare url?: string

  @flags.number({
    description: 'Pace: 1 is a step every few seconds per agent, 10 is ten times faster',
    default: 1,
  })
  declare speed: number

  @flags.number({ description: 'Stop after this many seconds (default: run until Ctrl-C)' })
  declare duration?: number

  @flags.number({
    description: 'Drafts waiting for approval before the crew waits for you',
    default: 25,
  })
  declare inbox: number

  @flags.array({
    description: 'Only these agents, by agent type (each runs as the agent named after its type)',
  })
  declare only?: string[]

  async run() {
    const { prepareCrew, runCrew, localBaseUrl } = await import('#demo_crew/crew')
    const baseUrl = (this.url ?? localBaseUrl()).replace(/\/+$/, '')
    const log = (line: string) => this.logger.log(line)

    if (!(await this.#waitForServer(baseUrl))) {
      this.logger.error(`No server answers at ${baseUrl}/api/health: start it first (npm start)`)
      this.exitCode = 1
      return
    }
    const credentials = await prepareCrew({ only: this.only, log })
    if (credentials.length === 0) {
      this.logger.error('No crew agent can run: their agent-type plugins are disabled')
      this.exitCode = 1
      return
    }
    const crew = runCrew({ baseUrl, credentials, speed: this.speed, inboxLimit: this.inbox, log })
    this.logger.success(
      `Demo crew running against ${baseUrl}: ${credentials.map((c) => c.name).join(', ')} (Ctrl-C stops it)`
    )

    const stop = () => void crew.stop()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    const timer = this.duration ? setTimeout(stop, this.duration * 1000) : null
    await crew.done
    if (timer) clearTimeout(timer)
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    this.logger.info('Demo crew stopped')
  }

  /** The server may still be starting: wait up to 30 s for its health check. */
  async #waitForServer(baseUrl: string) {
    const deadline = Date.now() + 30_000
    let told = false
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${baseUrl}/api/health`)
        if (response.status < 500) return true
      } catch {}
      if (!told) this.logger.info(`Waiting for the server at ${baseUrl}...`)
      told = true
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    return false
  }
}
