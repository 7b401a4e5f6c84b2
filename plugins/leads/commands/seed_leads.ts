import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Fills the leads table with generated leads (no network), on the CSV
 * import's COPY path: see actions/seed_leads.ts. Declared in the plugin's
 * `commands`, so `node ace` finds it while the leads plugin is enabled.
 */
export default class SeedLeads extends BaseCommand {
  static commandName = 'seed:leads'
  static description = 'Insert N generated, realistic leads (for demos and load tests)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many leads to add', default: 1000 })
  declare count: number

  @flags.number({
    description: 'Seed of the generator: the same seed gives the same leads',
    default: 1,
  })
  declare seed: number

  @flags.string({ description: 'Source of every lead (default: a realistic mix)' })
  declare source?: string

  @flags.number({ description: 'Rows per COPY batch', default: 10_000 })
  declare batch: number

  @flags.boolean({
    description: 'Run VACUUM ANALYZE on leads and their counters afterwards',
    default: true,
  })
  declare vacuum: boolean

  @flags.boolean({
    description:
      'Build the indexes (but the primary key) again after the insert instead of updating them row by row (default: when the seed at least doubles the table and adds 50,000 leads or more; readers of leads wait meanwhile)',
  })
  declare rebuildIndexes?: boolean

  async run() {
    if (!Number.isInteger(this.count) || this.count < 1) {
      this.logger.error('--count must be a whole number of 1 or more')
      this.exitCode = 1
      return
    }
    if (!Number.isInteger(this.batch) || this.batch < 1) {
      this.logger.error('--batch must be a whole number of 1 or more')
      this.exitCode = 1
      return
    }
    const { seedLeads } = await import('../actions/seed_leads.js')
    const { SYSTEM } = await import('#services/change_recorder')
    const { default: db } = await import('@adonisjs/lucid/services/db')

    const started = Date.now()
    // A redrawn bar on a terminal; in a log (CI, a pipe) one line per 10%.
    const live = process.stdout.isTTY
    const spinner = live ? this.logger.await(progressLine(0, this.count, started)) : null
    let logged = 0
    const onProgress = (done: number, total: number) => {
      if (spinner) return spinner.update(progressLine(done, total, started))
      const tenth = Math.floor((done / total) * 10)
      if (tenth > logged || done === total) {
        logged = tenth
        this.logger.log(progressLine(done, total, started))
      }
    }
    let phaseStarted = Date.now()
    const onPhase = (phase: 'inserting' | 'indexing') => {
      const line =
        phase === 'inserting'
          ? `generated in ${((Date.now() - started) / 1000).toFixed(1)} s; inserting into leads (one INSERT ... SELECT)`
          : `inserted in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s; building the indexes`
      phaseStarted = Date.now()
      if (spinner) spinner.update(line)
      else this.logger.log(line)
    }
    const result = await seedLeads(SYSTEM, {
      count: this.count,
      seed: this.seed,
      source: this.source,
      batchSize: this.batch,
      rebuildIndexes: this.rebuildIndexes,
      onProgress,
      onPhase,
    }).finally(() => spinner?.stop())

    const seconds = (Date.now() - started) / 1000
    this.logger.success(
      `Inserted ${result.inserted.toLocaleString('en')} leads in ${seconds.toFixed(1)} s` +
        ` (${Math.round(result.inserted / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)` +
        (result.skipped ? ` (${result.skipped} skipped: website or email already there)` : '') +
        (result.rebuiltIndexes ? ', indexes built again' : '') +
        ', recorded as one leads.seeded event'
    )
    if (this.vacuum) {
      // Fresh statistics and visibility map: counts and plans are fast at once. Every
      // inserted lead also updated its counter row, leaving a dead version behind: a
      // million of them in leads_counts until a vacuum (autovacuum may be slow or off).
      const action = this.logger.action('VACUUM ANALYZE leads, leads_counts')
      await db.connection('bulk').rawQuery('VACUUM ANALYZE leads, leads_counts')
      action.succeeded()
    }
  }
}

/** `[██████░░░░░░░░░░░░░░] 30% 300,000/1,000,000 · 95,000 rows/s · ETA 7 s` */
export function progressLine(done: number, total: number, started: number) {
  const width = 24
  const share = total === 0 ? 1 : done / total
  const filled = Math.round(share * width)
  const elapsed = (Date.now() - started) / 1000
  const rate = elapsed > 0 ? done / elapsed : 0
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : null
  return (
    `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(share * 100)}% ` +
    `${done.toLocaleString('en')}/${total.toLocaleString('en')}` +
    (rate ? ` · ${Math.round(rate).toLocaleString('en')} rows/s` : '') +
    (eta !== null && done < total ? ` · ETA ${eta} s` : '')
  )
}
