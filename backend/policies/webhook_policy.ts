import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

/** Webhooks carry every event to a URL an admin chose: only admins see or change them. */
export default class WebhookPolicy extends AppPolicy {
  manage(actor: Actor) {
    return this.can(actor, Permission.ManageWebhooks)
  }
}
