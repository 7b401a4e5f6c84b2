import AppPolicy, { type Actor } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

/** Spend is read like any record; only admins set budgets. */
export default class BudgetPolicy extends AppPolicy {
  view(actor: Actor) {
    return this.can(actor, Permission.ReadRecords)
  }

  manage(actor: Actor) {
    return this.can(actor, Permission.ManageBudgets)
  }
}
