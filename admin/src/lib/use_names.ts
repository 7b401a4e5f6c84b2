import { useMemo } from 'react'
import { useMany, type BaseRecord } from '@refinedev/core'

/**
 * Names for the ids a screen shows (a card's lead, a row's owner): one
 * many-by-id read, however many ids (the data provider asks in chunks), and a
 * lookup that answers undefined for an id not (yet) known, so the screen
 * falls back to the id. Hidden resources (a plugin not installed) and failed
 * reads show ids rather than an error notification.
 */
export function useNames(
  resource: string,
  ids: readonly (string | null | undefined)[],
  field: string,
  enabled = true
): (id: string) => string | undefined {
  const wanted = useMemo(
    () => [...new Set(ids.filter((id): id is string => !!id))].sort(),
    // the ids' content, not the array's identity, decides the query
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.join(',')]
  )
  const { result } = useMany<BaseRecord>({
    resource,
    ids: wanted,
    queryOptions: { enabled: enabled && wanted.length > 0 },
    errorNotification: false,
  })
  const rows = result.data
  return useMemo(() => {
    const names = new Map<string, string>()
    for (const row of rows ?? []) {
      const name = row[field]
      if (row.id !== undefined && typeof name === 'string') names.set(String(row.id), name)
    }
    return (id: string) => names.get(id)
  }, [rows, field])
}
