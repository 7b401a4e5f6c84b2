/*
| The coming months' history partitions (docs/HISTORY.md): created at boot
| and checked every day, so an insert always has its month's partition
| (the DEFAULT partition takes a row if not). Every instance may run it:
| the database function takes a lock and creates what is missing.
*/
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { ensureHistoryPartitions } from '#services/history_archive'
import { isDatabaseUnavailable } from '#services/database_errors'

async function ensure() {
  try {
    const created = await ensureHistoryPartitions()
    if (created > 0) logger.info(`history: ${created} partitions created ahead`)
  } catch (error) {
    if (isDatabaseUnavailable(error)) return
    logger.error({ err: error }, 'history: the coming partitions could not be created')
  }
}

await ensure()
const daily = setInterval(() => void ensure(), 24 * 3600_000)
daily.unref()
app.terminating(() => clearInterval(daily))
