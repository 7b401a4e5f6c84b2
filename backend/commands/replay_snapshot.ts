import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Takes a board snapshot now (what the web server's timer does when one is
 * due), or at a past moment with --at; --backfill first takes one every
 * --every events through the whole history, wherever two snapshots are
 * further apart (after BOARD_SNAPSHOT_EVERY_EVENTS was lowered, say).
 */
export default class ReplaySnapshot extends BaseCommand {
  static commandName = 'replay:snapshot'
  static description =
    'Take a board snapshot (replay reads the nearest one plus the events after it)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'An ISO 8601 time in the past (default: now)' })
  declare at?: string

  @flags.boolean({
    description:
      'First snapshot the history wherever snapshots are further apart than --every events',
  })
  declare backfill?: boolean

  @flags.number({
    description:
      'With --backfill: events between two snapshots (default BOARD_SNAPSHOT_EVERY_EVENTS)',
  })
  declare every?: number

  async run() {
    const { takeSnapshot, backfillSnapshots, snapshotSettings } =
      await import('#services/board_snapshots')
    let at: Date | undefined
    if (this.at !== undefined) {
      at = new Date(this.at)
      if (Number.isNaN(at.getTime())) {
        this.logger.error(`--at must be an ISO 8601 time, not "${this.at}"`)
        this.exitCode = 1
        return
      }
    }
    if (this.backfill) {
      const every =
        this.every && this.every > 0 ? Math.floor(this.every) : snapshotSettings.everyEvents
      const taken = await backfillSnapshots(
        every,
        (snapshot) =>
          this.logger.info(
            `snapshot #${snapshot.id} at ${snapshot.at.toISOString()} (event ${snapshot.last_event_id})`
          ),
        { fillGaps: true }
      )
      this.logger.info(`${taken} snapshots through the history`)
    }
    const snapshot = await takeSnapshot(at)
    this.logger.success(
      `${snapshot.created ? 'Took' : 'Found'} snapshot #${snapshot.id} at ${snapshot.at.toISOString()}: ` +
        `up to event ${snapshot.last_event_id}, ${snapshot.tasks} tasks and ${snapshot.agents} agents (and the deletions a later event may still need)`
    )
  }
}
