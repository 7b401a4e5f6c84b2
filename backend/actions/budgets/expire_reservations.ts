import { recordChanges, SYSTEM } from '#services/change_recorder'
import { addToWindows, lockWindows, type WindowKey } from '#services/budgets'
import { serializeReservation, type ReservationRow } from '#services/budget_view'

/**
 * Releases the holds of reservations nobody settled in time (the agent
 * crashed, or forgot): their amounts stop counting against the budgets.
 * A late settle still counts what was spent. Several instances may sweep
 * at once: each takes different rows (SKIP LOCKED). Returns how many expired.
 */
export async function expireReservations(limit = 500): Promise<number> {
  return recordChanges(
    SYSTEM,
    async (trx, recorder) => {
      const rows = (await trx
        .from('budget_reservations')
        .where('status', 'open')
        .where('expires_at', '<=', trx.raw('now()'))
        .orderBy('expires_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()) as ReservationRow[]
      if (rows.length === 0) return 0

      const keys = new Map<string, WindowKey>()
      for (const row of rows) {
        for (const key of (row.windows as WindowKey[]) ?? []) {
          keys.set(`${key.budget_id}/${key.period_start}`, key)
        }
      }
      await lockWindows(trx, [...keys.values()])
      for (const row of rows) {
        await addToWindows(trx, (row.windows as WindowKey[]) ?? [], {
          reservedUsd: `-${row.cost_usd}`,
          reservedTokens: -Number(row.tokens),
        })
      }
      const expired = (await trx
        .from('budget_reservations')
        .whereIn(
          'id',
          rows.map((row) => row.id)
        )
        .update({ status: 'expired' })
        .returning('*')) as ReservationRow[]
      const before = new Map(rows.map((row) => [row.id, serializeReservation(row)]))
      for (const row of expired) {
        const after = serializeReservation(row)
        await recorder.record({
          action: 'reservation.expired',
          resourceType: 'budget_reservations',
          resourceId: row.id,
          agentId: row.agent_id,
          before: before.get(row.id) ?? null,
          after,
          payload: { cost_usd: after.cost_usd },
        })
      }
      return expired.length
    },
    { allowNoChange: true }
  )
}
