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

/** What the leads plugin offers other plugins through the app container (`leads.funnel`). */
export interface LeadFunnel {
  /**
   * Moves a lead forward to `status` as a consequence of the caller's change,
   * in its transaction (never backwards, never a lost lead); null when it
   * stays where it is.
   */
  advance(
    recorder: Recorder,
    leadId: string,
    status: `${LeadStatus}`,
    cause: string
  ): Promise<{ id: string; status: string } | null>
  /** Leads in some statuses, oldest first (demo data that needs leads to write about). */
  oldest(
    statuses: `${LeadStatus}`[],
    limit: number
  ): Promise<{ id: string; business_name: string; niche: string; region: string }[]>
}

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'leads.funnel': LeadFunnel
  }
}

export const leadFunnel: LeadFunnel = {
  advance: (recorder, leadId, status, cause) =>
    advanceLead(recorder, leadId, status as LeadStatus, cause),
  async oldest(statuses, limit) {
    const leads = await Lead.query().whereIn('status', statuses).orderBy('created_at').limit(limit)
    return leads.map((lead) => ({
      id: lead.id,
      business_name: lead.businessName,
      niche: lead.niche,
      region: lead.region,
    }))
  },
}
