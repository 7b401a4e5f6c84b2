import User from '#models/user'
import Agent from '#models/agent'
import { permissionsOfActor } from '#policies/app_policy'

/** The shape of GET /api/auth/me: who is calling and what the role table lets them do. */
export function describeActor(actor: User | Agent) {
  const permissions = permissionsOfActor(actor)
  if (actor instanceof Agent) {
    return {
      type: 'agent' as const,
      id: actor.id,
      name: actor.name,
      agent_type: actor.type,
      status: actor.status,
      permissions,
    }
  }
  return {
    type: 'user' as const,
    id: actor.id,
    email: actor.email,
    role: actor.role,
    is_active: actor.isActive,
    permissions,
  }
}
