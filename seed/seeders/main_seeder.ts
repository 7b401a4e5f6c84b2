import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { seedDemoData } from '#services/seeding'

/**
 * `node ace db:seed`: the same idempotent demo data the start command puts
 * in an empty database (host data, then every enabled plugin's seeders).
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    await seedDemoData()
  }
}
