import type { HttpError } from '@refinedev/core'
import { DeleteButton, EditButton, List, ShowButton, useTable } from '@refinedev/antd'
import { Space, Table, Tag, Typography } from 'antd'
import { ListTable } from '../../components/list_view'
import { QueryError, tableEmptyText } from '../../components/states'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  choice,
  search,
  type ListFilter,
} from '../../components/list_filters'
import type { WebhookRecord } from './shared'

const FILTERS: ListFilter[] = [
  search('Search by URL or description'),
  choice('enabled', 'Status', [
    { value: 'true', label: 'enabled' },
    { value: 'false', label: 'disabled' },
  ]),
]

export default function WebhookList() {
  const { tableProps, filters, searchFormProps, tableQuery } = useTable<
    WebhookRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (values) => toFilters(FILTERS, values),
  })
  return (
    <List>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Signed deliveries of events to URLs you choose (Standard Webhooks). A receiver verifies
          each with the subscription&apos;s secret.
        </Typography.Paragraph>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The webhooks could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <ListTable<WebhookRecord>
          {...tableProps}
          rowKey="id"
          scroll={{ x: true }}
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'webhooks',
            }),
          }}
        >
          <Table.Column<WebhookRecord>
            dataIndex="url"
            title="URL"
            render={(url: string, record) => (
              <Space direction="vertical" size={0}>
                <Typography.Text code>{url}</Typography.Text>
                {record.description && (
                  <Typography.Text type="secondary">{record.description}</Typography.Text>
                )}
              </Space>
            )}
          />
          <Table.Column<WebhookRecord>
            dataIndex="event_types"
            title="Events"
            render={(types: string[]) => types.map((type) => <Tag key={type}>{type}</Tag>)}
          />
          <Table.Column<WebhookRecord>
            dataIndex="enabled"
            title="Status"
            render={(enabled: boolean) =>
              enabled ? <Tag color="green">enabled</Tag> : <Tag>disabled</Tag>
            }
          />
          <Table.Column<WebhookRecord>
            dataIndex="deliveries"
            title="Deliveries"
            render={(counts: WebhookRecord['deliveries']) => (
              <Space size={4} wrap>
                <Tag color="green">{counts.delivered} delivered</Tag>
                {counts.pending > 0 && <Tag color="gold">{counts.pending} pending</Tag>}
                {counts.failed > 0 && <Tag color="red">{counts.failed} failed</Tag>}
              </Space>
            )}
          />
          <Table.Column<WebhookRecord>
            title="Actions"
            key="actions"
            render={(_, record) => (
              <Space>
                <ShowButton hideText size="small" recordItemId={record.id} />
                <EditButton hideText size="small" recordItemId={record.id} />
                <DeleteButton
                  hideText
                  size="small"
                  recordItemId={record.id}
                  confirmTitle="Delete this webhook and its deliveries?"
                />
              </Space>
            )}
          />
        </ListTable>
      </Space>
    </List>
  )
}
