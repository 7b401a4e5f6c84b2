import simpleRest from '@refinedev/simple-rest'
import type { BaseRecord, DataProvider } from '@refinedev/core'
import { API_URL, http } from './http'

/**
 * Ids per many-by-id request: a URL of 100 UUIDs stays near 4 kB, far from
 * any server's or proxy's header limit, whatever the page size asks for.
 */
export const IDS_PER_REQUEST = 100

const rest = simpleRest(API_URL, http)

/**
 * The API speaks the simple-rest dialect (_start/_end, _sort/_order,
 * field_like/_gte/_lte/_ne, q, x-total-count); `http` turns failures into
 * HttpError with the 422 field errors that forms show under each field.
 *
 * getMany asks in chunks, each with its own page size (`_end`), so a screen
 * can look up a whole page of any list (the board's 1000 cards' leads)
 * without knowing the server's limits.
 */
export const dataProvider: DataProvider = {
  ...rest,
  getMany: async <TData extends BaseRecord = BaseRecord>({
    resource,
    ids,
    meta,
  }: Parameters<NonNullable<DataProvider['getMany']>>[0]) => {
    const unique = [...new Set(ids.map(String))]
    const chunks: string[][] = []
    for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
      chunks.push(unique.slice(i, i + IDS_PER_REQUEST))
    }
    const pages = await Promise.all(
      chunks.map(async (chunk) => {
        const params = new URLSearchParams()
        for (const id of chunk) params.append('id', id)
        params.set('_end', String(chunk.length))
        const { data } = await http.get<TData[]>(`${API_URL}/${resource}?${params}`, {
          headers: meta?.headers,
        })
        return data
      })
    )
    return { data: pages.flat() }
  },
}
