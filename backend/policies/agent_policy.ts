import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

export default class AgentPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  /** Create agents, pause/resume/kill them, global pause. */
  control(actor: Actor) {
    return this.can(actor, Permission.ControlAgents)
  }

  self(actor: Actor) {
    return this.isAgent(actor)
  }
}
