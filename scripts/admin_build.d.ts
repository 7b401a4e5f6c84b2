/** Why admin/dist must be (re)built, or null when it is current. */
export function adminBuildReason(root: string): string | null
/** Builds admin/dist with Vite; returns whether it succeeded. */
export function buildAdmin(root: string, options?: { quiet?: boolean }): boolean
/** Records which plugins' screens admin/dist holds (called by the Vite build). */
export function recordAdminBuild(root?: string): void

/** Writes brotli and gzip copies of admin/dist's text files (used by the Vite build). */
export function precompressAdmin(root?: string): void
