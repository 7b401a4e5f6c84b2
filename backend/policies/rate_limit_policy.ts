import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

/** Agents' rate limits: admins read and set them; an agent learns its own from the X-RateLimit-* headers. */
export default class RateLimitPolicy extends AppPolicy {
  manage(actor: Actor) {
    return this.can(actor, Permission.ManageRateLimits)
  }
}
