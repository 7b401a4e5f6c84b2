import { DateTime } from 'luxon'
import type { Recorder } from '#services/change_recorder'
import Lead from '../models/lead.js'
import { LEAD_STATUSES, LeadStatus } from '../enums.js'

/*
| The automatic funnel: new → enriched → drafted → approved → contacted →
| replied → booked. `lost` is a person's call and never set automatically.
*/
const FUNNEL: LeadStatus[] = LEAD_STATUSES.filter((status) => status !== LeadStatus.Lost)

/**
 * Moves a lead forward to `status` as a consequence of another change (a
 * draft created or approved), in the caller's transaction. Never moves a
 * lead backwards in its funnel, and never touches a lost lead.
 */
export async function advanceLead(
  recorder: Recorder,
  leadId: string,
  status: LeadStatus,
  cause: string
) {
  const lead = await Lead.query({ client: recorder.trx }).where('id', leadId).forUpdate().first()
  if (!lead || lead.status === LeadStatus.Lost) return null
  if (FUNNEL.indexOf(lead.status) >= FUNNEL.indexOf(status)) return null

  const before = lead.serialize()
  lead.status = status
  lead.lastActionAt = DateTime.now()
  await lead.useTransaction(recorder.trx).save()
  await recorder.record({
    action: 'lead.status_changed',
    resourceType: 'leads',
    resourceId: lead.id,
    before,
    after: lead.serialize(),
    payload: { from: before.status, to: status, cause },
  })
  return lead
}
