/** Any failure of a plugin names the plugin, so a broken one is found at once. */
export class PluginError extends Error {
  constructor(
    readonly plugin: string,
    readonly phase: string,
    cause: unknown
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`Plugin "${plugin}" failed to ${phase}: ${reason}`, { cause })
    this.name = 'PluginError'
  }
}
