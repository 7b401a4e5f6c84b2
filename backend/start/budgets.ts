/*
| The web server releases reservations nobody settled in time
| (actions/budgets/expire_reservations.ts); every instance sweeps, each
| reservation is released by one.
*/
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { budgetSettings } from '#services/budgets'
import { expireReservations } from '#actions/budgets/expire_reservations'
import { isDatabaseUnavailable } from '#services/database_errors'
import { databaseOutage } from '#services/database_outage'

const BATCH = 500
let sweeping = false

/* every reservation due, in batches (never two sweeps of this instance at once) */
async function sweepAll() {
  if (sweeping) return
  sweeping = true
  try {
    while ((await expireReservations(BATCH)) === BATCH) {}
  } finally {
    sweeping = false
  }
}

const sweep = setInterval(() => {
  sweepAll().catch((error) => {
    if (isDatabaseUnavailable(error)) return databaseOutage.failed(error)
    logger.error({ err: error }, 'reservation sweep failed')
  })
}, budgetSettings.sweepSeconds * 1000)
sweep.unref()
app.terminating(() => clearInterval(sweep))
