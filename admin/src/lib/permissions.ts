/**
 * The host's permission names, from the server's own module: screens name
 * them through here, never as loose strings. A plugin's screens name its
 * permissions through the plugin's `permissions.ts`. What the signed-in
 * person holds comes from GET /api/auth/me.
 */
export { Permission } from '../../../backend/enums/permission'

export type PermissionName = string
