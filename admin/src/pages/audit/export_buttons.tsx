import type { CrudFilters, CrudSort } from '@refinedev/core'
import { generateFilter, generateSort, stringify } from '@refinedev/simple-rest'
import { Button, Space, Tooltip } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { API_URL } from '../../providers/http'

/** The list's query (filters, q and sort, no paging) in the simple-rest dialect. */
export function auditExportUrl(format: 'csv' | 'jsonl', filters: CrudFilters, sorters: CrudSort[]) {
  const query: Record<string, unknown> = { ...generateFilter(filters) }
  const sort = generateSort(sorters)
  if (sort) {
    query._sort = sort._sort.join(',')
    query._order = sort._order.join(',')
  }
  const qs = stringify(query)
  return `${API_URL}/audit/export.${format}${qs ? `?${qs}` : ''}`
}

/**
 * Downloads every entry the list shows (all pages, the current filters and
 * sort) as CSV or JSON Lines. Plain links: the browser streams the file,
 * whatever its size. The page is for those who may read the audit log only.
 */
export function AuditExportButtons({
  filters,
  sorters,
  total,
}: {
  filters: CrudFilters
  sorters: CrudSort[]
  total?: number
}) {
  const title =
    total !== undefined ? `${total} entries, with the current filters and sort` : undefined
  return (
    <Tooltip title={title}>
      <Space.Compact>
        <Button
          icon={<DownloadOutlined />}
          href={auditExportUrl('csv', filters, sorters)}
          download
          data-testid="audit-export-csv"
        >
          Export CSV
        </Button>
        <Button
          href={auditExportUrl('jsonl', filters, sorters)}
          download
          data-testid="audit-export-jsonl"
        >
          Export JSON Lines
        </Button>
      </Space.Compact>
    </Tooltip>
  )
}
