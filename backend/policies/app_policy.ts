import { BasePolicy } from '@adonisjs/bouncer'
import User from '#models/user'
import Agent from '#models/agent'
import { ROLE_TABLE, type ActorKind, type Permission } from '#policies/permissions'

export type Actor = User | Agent

/** What kind of actor this is, for the role table. */
export function actorKind(actor: Actor): ActorKind {
  return actor instanceof Agent ? 'agent' : actor.role
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false
  if (actor instanceof User && !actor.isActive) return false
  return ROLE_TABLE[permission].includes(actorKind(actor))
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
