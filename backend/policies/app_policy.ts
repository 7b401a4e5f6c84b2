import { BasePolicy } from '@adonisjs/bouncer'
import User from '#models/user'
import Agent from '#models/agent'
import type { Actor } from '#policies/actor'
import pluginHost from '#plugin_host/running'
import {
  AGENT_IMPLIED_PERMISSIONS,
  roleTable,
  type ActorKind,
  type Permission,
} from '#policies/permissions'

export type { Actor }

/** What kind of actor this is, for the role table. */
export function actorKind(actor: Actor): ActorKind {
  return actor instanceof Agent ? 'agent' : actor.role
}

/**
 * What an agent's token may do: what the role table allows agents, within
 * the abilities its agent type declares (the ceiling) and the abilities
 * written on the token when it was minted. Reading is implied for every
 * agent. A type no enabled plugin declares may do nothing but read.
 */
function agentMay(agent: Agent, permission: Permission): boolean {
  if (AGENT_IMPLIED_PERMISSIONS.has(permission)) return true
  const declared = pluginHost.agentType(agent.type)?.abilities ?? []
  const token = agent.currentAccessToken
  const typeGrants = roleTable.grants(declared, permission) && !declared.includes('*')
  if (typeGrants && (!token || roleTable.grants(token.abilities, permission))) return true
  refusedAbilities.set(agent, permission)
  return false
}

/* The ability an agent was last refused, for the 403's message (one actor object per request). */
const refusedAbilities = new WeakMap<Agent, Permission>()

/** Why an agent's request was refused, in words: the ability it lacks and those it has. */
export function agentRefusal(agent: Agent): string | null {
  const permission = refusedAbilities.get(agent)
  if (!permission) return null
  const type = pluginHost.agentType(agent.type)
  if (!type) {
    return `This agent's type "${agent.type}" is not declared by any enabled plugin, so it may only read`
  }
  const declared = type.abilities ?? []
  const token = agent.currentAccessToken
  if (
    roleTable.grants(declared, permission) &&
    token &&
    !roleTable.grants(token.abilities, permission)
  ) {
    return `This agent token was not given the ability "${permission}"`
  }
  return (
    `Agents of type "${agent.type}" may not do this: it needs the ability "${permission}", ` +
    `and the type declares ${declared.length ? declared.join(', ') : 'none'}`
  )
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false
  if (actor instanceof User && !actor.isActive) return false
  if (!roleTable.rolesOf(permission).includes(actorKind(actor))) return false
  return actor instanceof Agent ? agentMay(actor, permission) : true
}

/** Every permission the actor holds now (GET /api/auth/me; the admin hides what it may not do). */
export function permissionsOfActor(actor: Actor): Permission[] {
  return roleTable.names().filter((permission) => can(actor, permission))
}

/** The base every policy extends: decisions come from the role table. */
export default class AppPolicy extends BasePolicy {
  protected can(actor: Actor, permission: Permission) {
    return can(actor, permission)
  }

  protected isAgent(actor: Actor): actor is Agent {
    return actor instanceof Agent
  }

  protected isUser(actor: Actor): actor is User {
    return actor instanceof User
  }
}
