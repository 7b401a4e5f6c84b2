/**
 * The running plugin host of this app (the container's `plugin.host`), for
 * code that runs once the app has booted: controllers, actions, policies.
 * `import pluginHost from '#plugin_host/running'`.
 */
import app from '@adonisjs/core/services/app'
import type { PluginHost } from './host.js'

let host: PluginHost

await app.booted(async () => {
  host = await app.container.make('plugin.host')
})

export { host as default }
