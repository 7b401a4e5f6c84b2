import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'

/** A valid create body with a website and email no other test uses. */
export function newLeadBody(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8)
  return {
    business_name: `Bright Smile Dental ${tag}`,
    niche: 'Dentists',
    region: 'Austin, TX',
    website: `https://www.brightsmile-${tag}.com/`,
    contact_name: 'Maria Garcia',
    contact_role: 'Practice Manager',
    email: `maria@brightsmile-${tag}.com`,
    phone: '512-555-0134',
    source: 'google_maps',
    lead_score: 'A',
    notes: ['No online booking on the website'],
    ...overrides,
  }
}

/** How many events and audit rows exist, and how many leads: a rejected request changes none. */
export async function footprint() {
  const [leads] = await db.from('leads').count('* as n')
  const [events] = await db.from('task_events').count('* as n')
  const [audit] = await db.from('audit_log').count('* as n')
  return { leads: Number(leads.n), events: Number(events.n), audit: Number(audit.n) }
}

/** The trigger-kept counters equal a real GROUP BY of the leads. */
export async function countersMatchLeads() {
  const { rows } = await db.rawQuery(`
    SELECT count(*)::int AS mismatches FROM (
      SELECT status, lead_score, niche, region, n FROM leads_counts WHERE n <> 0
      EXCEPT
      SELECT status, lead_score, niche, region, count(*) FROM leads
      GROUP BY status, lead_score, niche, region
    ) a`)
  const { rows: missing } = await db.rawQuery(`
    SELECT count(*)::int AS mismatches FROM (
      SELECT status, lead_score, niche, region, count(*) FROM leads
      GROUP BY status, lead_score, niche, region
      EXCEPT
      SELECT status, lead_score, niche, region, n FROM leads_counts WHERE n <> 0
    ) b`)
  return rows[0].mismatches === 0 && missing[0].mismatches === 0
}
