import type { HttpContext } from '@adonisjs/core/http'
import EventPolicy from '#policies/event_policy'
import { parseBoardQuery, parseTimelineQuery } from '#validators/replay'
import { boardJsonAt, timelineOf } from '#services/replay'

/** Read-only views rebuilt from the event log; whoever may read events may replay them. */
export default class ReplayController {
  /** GET /api/replay/board?at=<ISO time> */
  async board({ bouncer, request, response }: HttpContext) {
    await bouncer.with(EventPolicy).authorize('view')
    const { at } = parseBoardQuery(request.qs())
    response.header('content-type', 'application/json; charset=utf-8')
    return response.send(await boardJsonAt(at))
  }

  /** GET /api/replay/timeline?task_id=|lead_id=|draft_id= */
  async timeline({ auth, bouncer, request, response }: HttpContext) {
    await bouncer.with(EventPolicy).authorize('view')
    const subject = parseTimelineQuery(request.qs())
    const items = await timelineOf(subject, auth.user!)
    response.header('x-total-count', String(items.length))
    return items
  }
}
