import db from '@adonisjs/lucid/services/db'
import type { TimelineSource } from '#plugin_host/define_plugin'
import { can } from '#policies/app_policy'
import { Permission } from '#policies/permissions'
import { auditItem, eventItem } from '#services/replay'

/* Changes recorded once for many leads: the audit row lists the ids it changed. */
const BULK_UPDATES = ['lead.bulk_status_changed', 'lead.bulk_next_step_set']

/**
 * The changes a lead took part in that were recorded once for many leads,
 * so the host's timeline (which matches an event's own record id) does not
 * find them: the import or bulk create that brought it in (same
 * transaction, so the event's time is the lead's created_at; the bulk
 * create's event lists its ids) and the bulk status and next-step changes
 * (their audit rows list the ids changed). The event for every reader of
 * the timeline, the audit row for those who may read the audit log.
 */
export const leadTimeline: TimelineSource = async ({ links, actor }) => {
  const ids = links.lead_ids ?? []
  if (ids.length === 0) return []
  const { rows: audits } = await db.rawQuery(
    `SELECT a.*, a.created_at::text AS exact_at FROM audit_log a
     WHERE a.resource_type = 'leads' AND a.action = ANY(?::text[])
       AND a.created_at >= (SELECT min(created_at) FROM leads WHERE id = ANY(?::uuid[]))
       AND jsonb_exists_any(a.after_state->'ids', ?::text[])
     UNION ALL
     SELECT a.*, a.created_at::text FROM audit_log a JOIN leads l
       ON a.created_at = l.created_at AND a.resource_type = 'leads'
       AND (a.action = 'lead.imported'
         OR (a.action = 'lead.bulk_created' AND a.after_state->>'created' <> '0'))
     WHERE l.id = ANY(?::uuid[])`,
    [BULK_UPDATES, ids, ids, ids]
  )
  if (audits.length === 0) return []
  const { rows: events } = await db.rawQuery(
    `SELECT e.* FROM task_events e
     WHERE e.id = ANY(?::bigint[]) AND e.created_at = ANY(?::timestamptz[])
       AND (e.event_type <> 'lead.bulk_created' OR jsonb_exists_any(e.payload->'ids', ?::text[]))`,
    [
      audits.map((row: any) => row.metadata?.seq).filter((seq: unknown) => seq != null),
      // as text: a Date would drop the microseconds the event and its audit row share
      audits.map((row: any) => row.exact_at),
      ids,
    ]
  )
  const shown = new Set(events.map((row: any) => Number(row.id)))
  return [
    ...events.map(eventItem),
    ...(can(actor, Permission.ReadAudit)
      ? audits.filter((row: any) => shown.has(Number(row.metadata?.seq))).map(auditItem)
      : []),
  ]
}
