import type { CrudFilters, CrudSort } from '@refinedev/core'
import { useCan } from '@refinedev/core'
import { generateFilter, generateSort, stringify } from '@refinedev/simple-rest'
import { Button, Tooltip } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { API_URL } from '@admin/providers/http'

/** The list's query (filters, q and sort, no paging) in the simple-rest dialect. */
export function exportUrl(filters: CrudFilters, sorters: CrudSort[]) {
  const query: Record<string, unknown> = { ...generateFilter(filters) }
  const sort = generateSort(sorters)
  if (sort) {
    query._sort = sort._sort.join(',')
    query._order = sort._order.join(',')
  }
  const qs = stringify(query)
  return `${API_URL}/leads/export.csv${qs ? `?${qs}` : ''}`
}

/**
 * Downloads every lead the list shows (all pages) as CSV. A plain link: the
 * browser streams the file, whatever its size. Hidden without leads.export.
 */
export function ExportCsvButton({
  filters,
  sorters,
  total,
}: {
  filters: CrudFilters
  sorters: CrudSort[]
  total?: number
}) {
  const { data: access } = useCan({ resource: 'leads', action: 'export' })
  if (!access?.can) return null
  return (
    <Tooltip
      title={total !== undefined ? `${total} leads, with the current filters and sort` : undefined}
    >
      <Button
        icon={<DownloadOutlined />}
        href={exportUrl(filters, sorters)}
        download
        data-testid="export-csv"
      >
        Export CSV
      </Button>
    </Tooltip>
  )
}
