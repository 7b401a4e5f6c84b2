import app from '@adonisjs/core/services/app'
import type { PluginHost } from '#plugin_host/host'

let host: PluginHost

await app.booted(async () => {
  host = await app.container.make('plugin.host')
})

export { host as default }
