import type { CrudFilters, CrudSort } from '@refinedev/core'
import { useCan } from '@refinedev/core'
import { generateFilter, generateSort, stringify } from '@refinedev/simple-rest'
import { Button, Dropdown, Space, Tooltip } from 'antd'
import { DownloadOutlined, DownOutlined } from '@ant-design/icons'
import { API_URL } from '@admin/providers/http'

/**
 * The list's query (filters, q and sort, no paging) in the simple-rest
 * dialect. The server leaves leads on the do-not-contact list out unless
 * `includeSuppressed`.
 */
export function exportUrl(filters: CrudFilters, sorters: CrudSort[], includeSuppressed = false) {
  const query: Record<string, unknown> = { ...generateFilter(filters) }
  if (includeSuppressed) query.include_suppressed = 'true'
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
 * browser streams the file, whatever its size. Suppressed leads are left
 * out; the menu beside it offers a file that includes them. Hidden without
 * leads.export.
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
      title={
        total !== undefined
          ? `${total} leads, with the current filters and sort (suppressed leads are left out)`
          : undefined
      }
    >
      <Space.Compact>
        <Button
          icon={<DownloadOutlined />}
          href={exportUrl(filters, sorters)}
          download
          data-testid="export-csv"
        >
          Export CSV
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'include_suppressed',
                label: (
                  <a href={exportUrl(filters, sorters, true)} download data-testid="export-csv-all">
                    Export CSV, including suppressed leads
                  </a>
                ),
              },
            ],
          }}
        >
          <Button icon={<DownOutlined />} aria-label="More export options" />
        </Dropdown>
      </Space.Compact>
    </Tooltip>
  )
}
