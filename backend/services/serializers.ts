import User from '#models/user'
import Agent from '#models/agent'
import { permissionsOfActor } from '#policies/app_policy'
import pluginHost from '#plugin_host/running'

/** The shape of GET /api/auth/me: who is calling, what the role table lets them do, which plugins run. */
export function describeActor(actor: User | Agent) {
  const permissions = permissionsOfActor(actor)
  const plugins = pluginHost.plugins.map((plugin) => plugin.definition.name)
  if (actor instanceof Agent) {
    return {
      type: 'agent' as const,
      id: actor.id,
      name: actor.name,
      agent_type: actor.type,
      status: actor.status,
      permissions,
      plugins,
    }
  }
  return {
    type: 'user' as const,
    id: actor.id,
    email: actor.email,
    role: actor.role,
    is_active: actor.isActive,
    permissions,
    plugins,
  }
}
