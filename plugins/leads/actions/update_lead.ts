import { DateTime } from 'luxon'
import Lead from '../models/lead.js'
import type { NewLead } from './create_lead.js'
import { ApiException } from '#exceptions/api_exception'
import { changedFields, recordChanges, type ChangeContext } from '#services/change_recorder'
import { duplicateLeadError } from './lead_duplicates.js'

export type LeadChanges = Partial<NewLead>

const COLUMNS: Record<keyof LeadChanges, keyof Lead> = {
  business_name: 'businessName',
  niche: 'niche',
  region: 'region',
  website: 'website',
  contact_name: 'contactName',
  contact_role: 'contactRole',
  email: 'email',
  phone: 'phone',
  source: 'source',
  lead_score: 'leadScore',
  status: 'status',
  next_step: 'nextStep',
  notes: 'notes',
}

function apply(lead: Lead, changes: LeadChanges) {
  for (const [field, property] of Object.entries(COLUMNS) as [keyof LeadChanges, keyof Lead][]) {
    if (changes[field] !== undefined) (lead as any)[property] = changes[field]
  }
}

/**
 * Edits a lead under a row lock. A status change stamps `last_action_at`
 * and is recorded as `lead.status_changed` (payload `{from, to}`), any
 * other edit as `lead.updated`. A PATCH that changes nothing writes
 * nothing. `notes` replaces the whole list.
 */
export async function updateLead(context: ChangeContext, id: string, changes: LeadChanges) {
  const current = await Lead.find(id)
  if (!current) throw ApiException.notFound('Lead')
  apply(current, changes)
  if (!current.$isDirty) return current

  try {
    return await recordChanges(context, async (trx, recorder) => {
      const lead = await Lead.query({ client: trx }).where('id', id).forUpdate().first()
      if (!lead) throw ApiException.notFound('Lead')
      const before = lead.serialize()
      const from = lead.status
      apply(lead, changes)
      const statusChanged = lead.status !== from
      if (statusChanged) lead.lastActionAt = DateTime.now()
      await lead.useTransaction(trx).save()
      const after = lead.serialize()

      await recorder.record({
        action: statusChanged ? 'lead.status_changed' : 'lead.updated',
        resourceType: 'leads',
        resourceId: id,
        before,
        after,
        // every field the change touched, whatever the action is called
        payload: {
          ...(statusChanged ? { from, to: lead.status } : {}),
          changed: changedFields(before, after),
        },
        snapshot: true,
      })
      return lead
    })
  } catch (error) {
    throw (await duplicateLeadError(error, changes, id)) ?? error
  }
}
