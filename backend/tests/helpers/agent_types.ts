import { SYSTEM } from '#services/change_recorder'
import { agentTokens } from '#actions/agents/agent_tokens'
import { makeAgent } from '#tests/helpers/agents'
import { call } from '#tests/helpers/actors'

/** An agent of the type and a token minted as an admin mints one: with the type's abilities. */
export async function agentOfType(type: string) {
  const agent = await makeAgent(type)
  const { token, abilities } = await agentTokens.issue(SYSTEM, agent)
  return { agent, token, abilities }
}

/** POST /api/events with a bearer token. */
export function emit(token: string | null, eventType: string, payload?: unknown, taskId?: string) {
  return call(token, 'POST', '/api/events', {
    event_type: eventType,
    ...(payload === undefined ? {} : { payload }),
    ...(taskId ? { task_id: taskId } : {}),
  })
}
