/** Who made a change, as written in audit_log.actor_type. */
export enum ActorType {
  User = 'user',
  Agent = 'agent',
  System = 'system',
}

export const ACTOR_TYPES = Object.values(ActorType)
