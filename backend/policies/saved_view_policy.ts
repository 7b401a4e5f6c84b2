import User from '#models/user'
import type { Actor } from '#policies/actor'
import { can } from '#policies/app_policy'
import { Permission } from '#policies/permissions'

/*
| Who may do what with saved views. A view is its owner's: only they change
| it. A shared view is read by everyone who may read its list; a private one
| by its owner alone. Admins (saved_views.manage) may read and delete any
| view, to tidy up after someone. Agents have no views.
|
| Each rule answers `true` or the reason for the 403, in words.
*/

/** The host's lists that need more than `records.read`; any other list (a plugin's too) needs that. */
const LIST_PERMISSIONS: Record<string, string> = {
  'audit': Permission.ReadAudit,
  'users': Permission.ReadUsers,
  'webhooks': Permission.ManageWebhooks,
  'rate-limits': Permission.ManageRateLimits,
}

export interface ViewOwnership {
  user_id: string
  resource: string
  shared: boolean
}

/** The permission reading a list takes. */
export function listPermission(resource: string): string {
  return LIST_PERMISSIONS[resource] ?? Permission.ReadRecords
}

/** The lists (of those with a permission of their own) this actor may not read: their shared views stay hidden. */
export function unreadableLists(actor: Actor): string[] {
  return Object.entries(LIST_PERMISSIONS)
    .filter(([, permission]) => !can(actor, permission))
    .map(([resource]) => resource)
}

export function canReadList(actor: Actor, resource: string) {
  return can(actor, listPermission(resource))
}

export const savedViewRules = {
  /** Views are for people: an agent asks the list itself. */
  use(actor: Actor | undefined): actor is User {
    return actor instanceof User
  },

  create(actor: User, resource: string): true | string {
    return canReadList(actor, resource) || `Your role may not read the ${resource} list`
  },

  /** Whether the actor sees the view at all (else it answers 404, as if it did not exist). */
  read(actor: User, view: ViewOwnership): boolean {
    if (view.user_id === actor.id) return true
    if (can(actor, Permission.ManageSavedViews)) return true
    return view.shared && canReadList(actor, view.resource)
  },

  edit(actor: User, view: ViewOwnership): true | string {
    return view.user_id === actor.id || 'Only the person who saved this view may change it'
  },

  delete(actor: User, view: ViewOwnership): true | string {
    if (view.user_id === actor.id || can(actor, Permission.ManageSavedViews)) return true
    return 'Only the person who saved this view (or an admin) may delete it'
  },
}
