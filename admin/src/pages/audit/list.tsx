import type { HttpError } from '@refinedev/core'
import { getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd'
import { Space, Table, Tag, Typography } from 'antd'
import { ListTable } from '../../components/list_view'
import { Link } from 'react-router'
import { QueryError, tableEmptyText } from '../../components/states'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  type ListFilter,
  asOptions,
  choice,
  dateRange,
  search,
  text,
} from '../../components/list_filters'
import { formatDateTime, shortId } from '../../lib/format'
import { hasResource, pluginResourceNames } from '../../registry'
import { ACTOR_COLORS, recordPath, type AuditRecord } from './shared'
import { ActorName, useActorNames } from '../../components/actor_name'
import { AuditExportButtons } from './export_buttons'

const RESOURCE_TYPES = ['tasks', 'agents', 'users', ...pluginResourceNames(), 'system', 'events']

const FILTERS: ListFilter[] = [
  search('Search', 200),
  choice('actor_type', 'Actor', asOptions(['user', 'agent', 'system']), { width: 120 }),
  text('actor_id', 'Actor id'),
  text('action', 'Action (task.moved)', 'contains'),
  choice('resource_type', 'Resource', asOptions(RESOURCE_TYPES), { showSearch: true }),
  text('resource_id', 'Resource id'),
  dateRange('created', 'created_at'),
]

export default function AuditList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    AuditRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 25 },
    sorters: { initial: [{ field: 'id', order: 'desc' }] },
    // the date range is two filters on created_at (gte, lte)
    onSearch: (values) => toFilters(FILTERS, values),
    // The log grows with every change: refresh on demand rather than on each one.
    liveMode: 'off',
  })
  const actorNames = useActorNames(
    (tableProps.dataSource ?? []).map((entry) => ({ type: entry.actor_type, id: entry.actor_id }))
  )

  return (
    <List
      title="Audit log"
      canCreate={false}
      headerButtons={({ defaultButtons }) => (
        <>
          {defaultButtons}
          <AuditExportButtons
            filters={filters}
            sorters={sorters}
            total={tableProps.pagination ? tableProps.pagination.total : undefined}
          />
        </>
      )}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The audit log could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <ListTable<AuditRecord>
          {...tableProps}
          rowKey="id"
          size="middle"
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'audit entries',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (total) => `${total} entries`,
          }}
        >
          <Table.Column<AuditRecord>
            dataIndex="id"
            title="#"
            sorter
            defaultSortOrder={getDefaultSortOrder('id', sorters)}
            render={(id: number) => <Link to={`/audit/show/${id}`}>{id}</Link>}
          />
          <Table.Column<AuditRecord>
            dataIndex="created_at"
            title="When"
            sorter
            defaultSortOrder={getDefaultSortOrder('created_at', sorters)}
            render={(value: string) => formatDateTime(value)}
          />
          <Table.Column<AuditRecord>
            dataIndex="actor_type"
            title="Actor"
            sorter
            defaultSortOrder={getDefaultSortOrder('actor_type', sorters)}
            render={(type: AuditRecord['actor_type'], entry) => (
              <Space size={4}>
                <Tag color={ACTOR_COLORS[type]}>{type}</Tag>
                <ActorName type={type} id={entry.actor_id} names={actorNames} />
              </Space>
            )}
          />
          <Table.Column<AuditRecord>
            dataIndex="action"
            title="Action"
            sorter
            defaultSortOrder={getDefaultSortOrder('action', sorters)}
            render={(action: string) => <Typography.Text code>{action}</Typography.Text>}
          />
          <Table.Column<AuditRecord>
            dataIndex="resource_type"
            title="Resource"
            sorter
            defaultSortOrder={getDefaultSortOrder('resource_type', sorters)}
            render={(type: string, entry) => {
              const path = recordPath(type, entry.resource_id, hasResource)
              const label = `${type} ${shortId(entry.resource_id)}`
              return path ? <Link to={path}>{label}</Link> : label
            }}
          />
          <Table.Column<AuditRecord>
            title=""
            key="actions"
            render={(_, entry) => <ShowButton hideText size="small" recordItemId={entry.id} />}
          />
        </ListTable>
      </Space>
    </List>
  )
}
