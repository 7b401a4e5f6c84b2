import { useList } from '@refinedev/core'
import { Card, Table, Tag, Typography } from 'antd'
import type { components } from '#client/api_types'

type LeadImport = components['schemas']['LeadImport']

const STATUS: Record<LeadImport['status'], { color: string; label: string }> = {
  loading: { color: 'processing', label: 'Reading' },
  checking: { color: 'processing', label: 'Checking' },
  inserting: { color: 'processing', label: 'Adding' },
  done: { color: 'success', label: 'Done' },
  failed: { color: 'error', label: 'Failed' },
}

/**
 * The last imports (GET /api/leads/imports: one's own; admins see
 * everyone's), with their counts and the rejected rows to download.
 */
export function PastImports() {
  const { result, query } = useList<LeadImport>({
    resource: 'leads/imports',
    pagination: { currentPage: 1, pageSize: 10 },
    sorters: [{ field: 'created_at', order: 'desc' }],
  })
  return (
    <Card title="Recent imports" size="small" data-testid="past-imports">
      <Table<LeadImport>
        rowKey="id"
        size="small"
        pagination={false}
        loading={query.isLoading}
        dataSource={result.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'No imports yet' }}
        columns={[
          { title: 'File', dataIndex: 'file_name', ellipsis: true },
          {
            title: 'Started',
            dataIndex: 'created_at',
            render: (at: string) => new Date(at).toLocaleString(),
          },
          {
            title: 'Status',
            dataIndex: 'status',
            render: (status: LeadImport['status'], record) => (
              <Typography.Text title={record.error ?? undefined}>
                <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>
              </Typography.Text>
            ),
          },
          {
            title: 'Rows',
            dataIndex: 'rows',
            align: 'right',
            render: (n: number) => n.toLocaleString(),
          },
          {
            title: 'Imported',
            dataIndex: 'imported',
            align: 'right',
            render: (n: number) => n.toLocaleString(),
          },
          {
            title: 'Rejected',
            dataIndex: 'rejected',
            align: 'right',
            render: (n: number, record) =>
              record.rejected_csv ? (
                <a href={record.rejected_csv} download title="Download the rejected rows (CSV)">
                  {n.toLocaleString()}
                </a>
              ) : record.rejected_rows_removed_at ? (
                <Typography.Text
                  type="secondary"
                  title={`The rejected rows were removed on ${new Date(record.rejected_rows_removed_at).toLocaleDateString()}`}
                >
                  {n.toLocaleString()} (removed)
                </Typography.Text>
              ) : (
                n.toLocaleString()
              ),
          },
        ]}
      />
    </Card>
  )
}
