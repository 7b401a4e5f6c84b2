/**
 * The live demo crew: every agent type that declares a demo behaviour
 * (`demo` in its plugin's `agentTypes`) runs as an agent of this process,
 * with its own token, through the typed agent client and the REST API,
 * like any external agent would.
 *
 * `prepareCrew` needs the booted app (it creates the agents and mints their
 * tokens with the server's own actions, as `node ace agent:token` does);
 * `runCrew` needs nothing but a URL and tokens.
 */
import { AgentClient } from '#client/index'
import { CrewMember, type CrewRole, type CrewSettings } from './crew_member.js'

/** The crew's agents: one per agent type with a demo behaviour, named after its type. */
export async function crewTypes(): Promise<string[]> {
  const { default: pluginHost } = await import('#plugin_host/running')
  return pluginHost
    .agentTypes()
    .filter((type) => type.demo)
    .map((type) => type.name)
}

/** The label of the tokens minted for the crew; older ones are revoked on the next start. */
export const CREW_TOKEN_NAME = 'demo crew'

export interface CrewCredentials {
  name: string
  type: string
  token: string
  /** Makes the agent's behaviour (its type's `demo`). */
  role: () => CrewRole
}

/**
 * Makes sure each crew agent exists (for the types some enabled plugin
 * declares) and gives it a fresh token, revoking the ones earlier runs left.
 */
export async function prepareCrew(
  options: { only?: string[]; log?: (line: string) => void } = {}
): Promise<CrewCredentials[]> {
  const log = options.log ?? (() => {})
  const { default: Agent } = await import('#models/agent')
  const { default: pluginHost } = await import('#plugin_host/running')
  const { createAgent } = await import('#actions/agents/create_agent')
  const { agentTokens } = await import('#actions/agents/agent_tokens')
  const { SYSTEM } = await import('#services/change_recorder')

  const enabled = new Set(pluginHost.plugins.map((plugin) => plugin.definition.name))
  const credentials: CrewCredentials[] = []
  for (const name of options.only ?? (await crewTypes())) {
    const type = pluginHost.agentType(name)
    if (!type) {
      log(`[${name}] skipped: no enabled plugin declares the "${name}" agent type`)
      continue
    }
    if (!type.demo) {
      log(`[${name}] skipped: the "${name}" agent type has no demo behaviour`)
      continue
    }
    const plugin = pluginHost.plugins.find((p) => p.definition.name === type.plugin)
    const missing = (plugin?.definition.uses ?? []).filter((used) => !enabled.has(used))
    if (missing.length) {
      log(`[${name}] skipped: it works with ${missing.join(', ')}, which is not enabled`)
      continue
    }
    const agent =
      (await Agent.findBy('name', name)) ??
      (await createAgent(SYSTEM, { name, type: name, metadata: { demo: true } }))
    if (agent.type !== name) {
      log(`[${name}] skipped: the agent named "${name}" is of type "${agent.type}"`)
      continue
    }
    for (const old of await agentTokens.list(agent)) {
      if (old.name === CREW_TOKEN_NAME) await agentTokens.revoke(SYSTEM, agent, old.id)
    }
    const { token } = await agentTokens.issue(SYSTEM, agent, CREW_TOKEN_NAME)
    const { default: role } = await type.demo()
    credentials.push({ name, type: agent.type, token, role })
  }
  return credentials
}

export interface CrewOptions {
  baseUrl: string
  credentials: CrewCredentials[]
  speed?: number
  inboxLimit?: number
  log?: (line: string) => void
  random?: () => number
  /** Stops the crew, like `stop()`. */
  signal?: AbortSignal
}

export interface RunningCrew {
  members: CrewMember[]
  /** Stops every agent at once (pending requests are aborted) and waits for them. */
  stop(): Promise<void>
  /** Settles when every agent has stopped. */
  done: Promise<void>
}

export function runCrew(options: CrewOptions): RunningCrew {
  const settings: CrewSettings = {
    speed: Math.max(0.1, options.speed ?? 1),
    inboxLimit: options.inboxLimit ?? 25,
    startedAt: new Date().toISOString(),
    random: options.random ?? Math.random,
    log: options.log ?? (() => {}),
  }
  const members = options.credentials.map(({ name, token, role }) => {
    const client = new AgentClient({ baseUrl: options.baseUrl, token })
    return new CrewMember(role(), name, client, settings)
  })
  const done = Promise.all(members.map((member) => member.start())).then(() => {})
  const stop = async () => {
    await Promise.all(members.map((member) => member.stop()))
  }
  options.signal?.addEventListener('abort', () => void stop(), { once: true })
  return { members, stop, done }
}

/** Where this process's server can be reached from the inside. */
export function localBaseUrl(host = process.env.HOST, port = process.env.PORT ?? '4000') {
  const reachable = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
}

/**
 * `npm start -- --demo` (or DEMO_AGENTS=1): the crew runs in the server's
 * own process once it listens, and stops when the server terminates.
 */
export async function startCrewInServer(options: { speed?: number } = {}) {
  const { default: app } = await import('@adonisjs/core/services/app')
  const log = (line: string) => console.log(`demo crew ${line}`)
  const credentials = await prepareCrew({ log })
  const crew = runCrew({ baseUrl: localBaseUrl(), credentials, speed: options.speed, log })
  app.terminating(() => crew.stop())
  console.log(
    `  Demo crew running: ${credentials.map((c) => c.name).join(', ')} (pause them from the admin)`
  )
  return crew
}
