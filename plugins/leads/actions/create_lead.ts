import Lead from '../models/lead.js'
import type { Infer } from '@vinejs/vine/types'
import type { createLeadValidator } from '../validators/lead.js'
import { LeadScore, LeadStatus } from '../enums.js'
import { recordChange, type ChangeContext } from '#services/change_recorder'
import { duplicateLeadError } from './lead_duplicates.js'
import { suppressedError, suppressionFor } from '../services/suppression.js'

/** A new lead: what the create route's validator gives (its one description). */
export type NewLead = Infer<typeof createLeadValidator>

/**
 * Creates a lead. A lead whose website or email another lead already has is
 * refused by the database's unique indexes and answered with a 409 naming
 * that lead. `last_action_at` stays empty until someone changes the status.
 * A lead the suppression list covers (its e-mail, its e-mail's domain or its
 * website's host) is refused with 409 E_SUPPRESSED naming the entry.
 */
export async function createLead(context: ChangeContext, data: NewLead) {
  try {
    return await recordChange(
      context,
      async (trx) => {
        const entry = await suppressionFor(data, trx)
        if (entry) throw suppressedError(entry)
        return Lead.create(
          {
            businessName: data.business_name,
            niche: data.niche,
            region: data.region,
            website: data.website,
            contactName: data.contact_name ?? null,
            contactRole: data.contact_role ?? null,
            email: data.email ?? null,
            phone: data.phone ?? null,
            /* unscored leads rank last; people typing a lead in are its source */
            source: data.source ?? 'manual',
            leadScore: data.lead_score ?? LeadScore.C,
            status: data.status ?? LeadStatus.New,
            lastActionAt: null,
            nextStep: data.next_step ?? null,
            notes: data.notes ?? [],
          },
          { client: trx }
        )
      },
      {
        action: 'lead.created',
        resourceType: 'leads',
        resourceId: (lead) => lead.id,
        after: (lead) => lead.serialize(),
        snapshot: true,
      }
    )
  } catch (error) {
    throw (await duplicateLeadError(error, data)) ?? error
  }
}
