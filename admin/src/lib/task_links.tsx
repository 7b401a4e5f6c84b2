import { useMemo } from 'react'
import { useOne } from '@refinedev/core'
import { Link } from 'react-router'
import { Typography } from 'antd'
import type { AdminTaskLink } from '../plugin_api'
import { taskLinks } from '../registry'
import { shortId } from './format'
import { useNames } from './use_names'

/*
| A card's links to plugins' records, as the installed plugins declare them
| (`taskLinks` in their admin/index.tsx). The host's screens show whatever
| links there are; they name no plugin.
*/

export type { AdminTaskLink }

/** The task's field holding a link of this kind: `linked_<kind>_id`. */
export function linkField(kind: string) {
  return `linked_${kind}_id`
}

/** The id a task links to for this kind, or null. */
export function linkedId(task: object, link: AdminTaskLink): string | null {
  const value = (task as Record<string, unknown>)[linkField(link.kind)]
  return typeof value === 'string' && value ? value : null
}

export interface LinkLabels {
  name(link: AdminTaskLink, id: string): string | undefined
  detail(link: AdminTaskLink, id: string): string | undefined
}

/*
| One many-by-id read per declared field, whatever the number of cards. The
| links are fixed for a build (plugins are found at build time), so these
| hooks run in the same order on every render.
*/
const unknown = () => undefined

function useFieldOf(link: AdminTaskLink, field: string | undefined, ids: (string | null)[]) {
  const lookup = useNames(link.resource, ids, field ?? 'id', Boolean(field))
  // without a field, nothing: the cache may hold the rows another lookup of this resource read
  return field ? lookup : unknown
}

/** Names (and, with `details`, the detail field) of the records these tasks link to. */
export function useLinkLabels(tasks: readonly object[], details = true): LinkLabels {
  const links = taskLinks()
  const names = new Map<string, (id: string) => string | undefined>()
  const extra = new Map<string, (id: string) => string | undefined>()
  for (const link of links) {
    const ids = tasks.map((task) => linkedId(task, link))
    names.set(link.kind, useFieldOf(link, link.nameField, ids))
    extra.set(link.kind, useFieldOf(link, details ? link.detailField : undefined, ids))
  }
  const lookups = [...names.values(), ...extra.values()]
  return useMemo(
    () => ({
      name: (link, id) => names.get(link.kind)?.(id),
      detail: (link, id) => extra.get(link.kind)?.(id),
    }),
    // the lookups change when their rows do; there are as many as links, fixed for a build
    // eslint-disable-next-line react-hooks/exhaustive-deps
    lookups
  )
}

/** "Lead: Acme Dental", or "Draft 1a2b3c4d · approved" for a record without a name field. */
export function linkText(link: AdminTaskLink, id: string, labels?: LinkLabels) {
  const name = labels?.name(link, id)
  const detail = labels?.detail(link, id)
  const main = link.nameField
    ? `${link.label}: ${name ?? shortId(id)}`
    : `${link.label} ${shortId(id)}`
  return detail ? `${main} · ${detail.replace(/_/g, ' ')}` : main
}

/** Where a linked record is shown. */
export function linkPath(link: AdminTaskLink, id: string) {
  return `/${link.resource}/show/${id}`
}

/** One linked record by name, looked up on its own (a task's page); a short id when it is gone. */
export function LinkedRecord({ link, id }: { link: AdminTaskLink; id: string | null }) {
  const { result, query } = useOne<Record<string, unknown>>({
    resource: link.resource,
    id: id ?? undefined,
    queryOptions: { enabled: Boolean(id) && Boolean(link.nameField) },
    errorNotification: false,
  })
  if (!id) return <>—</>
  if (query.isError) return <Typography.Text type="secondary">{shortId(id)}</Typography.Text>
  const name = link.nameField ? result?.[link.nameField] : undefined
  return <Link to={linkPath(link, id)}>{typeof name === 'string' ? name : shortId(id)}</Link>
}
