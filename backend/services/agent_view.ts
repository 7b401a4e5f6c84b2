import { DateTime } from 'luxon'
import env from '#start/env'
import type Agent from '#models/agent'

/** Seconds without a heartbeat after which an agent is shown as stale. */
export function staleAfterSeconds() {
  return env.get('AGENT_STALE_SECONDS', 120)
}

/** The agent as the API shows it: the record plus the derived `stale` flag. */
export function serializeAgent(agent: Agent, now = DateTime.now()) {
  const last = agent.lastUpdateAt
  const stale = !last || now.diff(last, 'seconds').seconds > staleAfterSeconds()
  return { ...agent.serialize(), stale }
}
