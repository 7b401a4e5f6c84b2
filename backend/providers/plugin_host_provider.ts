import type { ApplicationService } from '@adonisjs/core/types'
import { PluginHost } from '#plugin_host/host'
import { loadEnabledPlugins } from '#plugin_host/discovery'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'plugin.host': PluginHost
  }
}

/**
 * Discovers the enabled plugins and runs their register and boot hooks
 * before routes are loaded. Any plugin failure stops the boot with a
 * message naming the plugin.
 */
export default class PluginHostProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('plugin.host', () => new PluginHost(this.app))
  }

  async boot() {
    const host = await this.app.container.make('plugin.host')
    await host.start(await loadEnabledPlugins())
    // the cards' links to the plugins' records are columns of their own
    const { addTaskLinkColumns } = await import('#models/task')
    addTaskLinkColumns()
  }
}
