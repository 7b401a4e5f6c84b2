import User from '#models/user'
import Agent from '#models/agent'
import { Role } from '#enums/roles'
import { makeUser } from '#tests/helpers/users'
import { makeAgent } from '#tests/helpers/agents'

export type ActorName = 'admin' | 'operator' | 'closer' | 'viewer' | 'agent' | 'anonymous'
export const ACTORS: ActorName[] = ['admin', 'operator', 'closer', 'viewer', 'agent', 'anonymous']

export interface Actors {
  users: Record<Exclude<ActorName, 'agent' | 'anonymous'>, User>
  agent: Agent
  tokens: Record<ActorName, string | null>
}

/**
 * One user per role and one agent, each with a bearer token, as scripts and
 * agents call the API. An agent may do only what its type declares: pick
 * the type whose abilities the test exercises (`lead_finder` writes leads,
 * `copywriter` drafts; the default `orchestrator` tasks and events).
 */
export async function makeActors(options: { agentType?: string } = {}): Promise<Actors> {
  const users = {
    admin: await makeUser(Role.Admin),
    operator: await makeUser(Role.Operator),
    closer: await makeUser(Role.Closer),
    viewer: await makeUser(Role.Viewer),
  }
  const agent = await makeAgent(options.agentType)
  const token = async (user: User) => (await User.accessTokens.create(user)).value!.release()
  return {
    users,
    agent,
    tokens: {
      admin: await token(users.admin),
      operator: await token(users.operator),
      closer: await token(users.closer),
      viewer: await token(users.viewer),
      agent: (await Agent.accessTokens.create(agent)).value!.release(),
      anonymous: null,
    },
  }
}

export interface Answer {
  status: number
  body: any
  headers: Headers
}

/** A real HTTP request to the test server, with a bearer token or none. */
export async function call(
  token: string | null,
  method: string,
  path: string,
  body?: unknown
): Promise<Answer> {
  const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: response.status, body: json, headers: response.headers }
}
