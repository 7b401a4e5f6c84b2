/*
| The web server takes board snapshots for replay (services/board_snapshots.ts):
| every minute it checks whether one is due (BOARD_SNAPSHOT_EVERY_EVENTS
| events or BOARD_SNAPSHOT_EVERY_SECONDS since the last) and takes it. With
| several instances, an advisory lock lets one take it; the others find it.
| A database without snapshots yet is snapshotted through its history first.
*/
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import {
  backfillSnapshots,
  snapshotDue,
  snapshotSettings,
  takeSnapshot,
} from '#services/board_snapshots'
import { isDatabaseUnavailable } from '#services/database_errors'
import { databaseOutage } from '#services/database_outage'

const CHECK_MS = Math.min(60, snapshotSettings.everySeconds) * 1000
let busy = false

async function check() {
  if (busy || !snapshotSettings.enabled) return
  busy = true
  try {
    if (!(await snapshotDue())) return
    await backfillSnapshots()
    await takeSnapshot()
  } finally {
    busy = false
  }
}

const timer = setInterval(() => {
  check().catch((error) => {
    if (isDatabaseUnavailable(error)) return databaseOutage.failed(error)
    logger.error({ err: error }, 'board snapshot failed')
  })
}, CHECK_MS)
timer.unref()
app.terminating(() => clearInterval(timer))
