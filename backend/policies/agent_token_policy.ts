import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

export default class AgentTokenPolicy extends AppPolicy {
  manage(actor: Actor) {
    return this.can(actor, Permission.ManageAgentTokens)
  }
}
