import { recordChange, type ChangeContext } from '#services/change_recorder'
import { GLOBAL_PAUSE, getGlobalPause } from '#services/controls'

/**
 * The big switch: while on, every agent's writes are refused (423). The
 * realtime layer sends the control message to every agent's channel.
 */
export async function setGlobalPause(
  context: ChangeContext,
  paused: boolean,
  reason: string | null
) {
  await recordChange(
    context,
    async (trx) => {
      const before = await getGlobalPause(trx)
      await trx
        .from('system_controls')
        .where('key', GLOBAL_PAUSE)
        .update({
          value: JSON.stringify({ paused, reason: paused ? reason : null }),
          updated_by: context.actor.id,
          updated_at: new Date(),
        })
      return { before, after: await getGlobalPause(trx) }
    },
    {
      action: paused ? 'system.paused' : 'system.resumed',
      resourceType: 'system_controls',
      entityType: 'system_control',
      resourceId: GLOBAL_PAUSE,
      before: ({ before }) => ({ ...before }),
      after: ({ after }) => ({ ...after }),
      payload: ({ after }) => ({ global_pause: after }),
    }
  )
  return getGlobalPause()
}
