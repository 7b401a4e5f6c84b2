import app from '@adonisjs/core/services/app'
import pluginHost from '#services/plugin_host'
import { PluginError } from '#plugin_host/plugin_error'

/**
 * Demo data: host seeders, then each plugin's, in dependency order. Every
 * seeder is idempotent, so this runs on every start and on `node ace db:seed`.
 */
export async function seedDemoData() {
  for (const seeder of pluginHost.seeders()) {
    try {
      const { default: run } = await seeder.load()
      await run({ app })
    } catch (error) {
      throw new PluginError(seeder.plugin, 'seed', error)
    }
  }
}
