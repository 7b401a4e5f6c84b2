import type { CrudFilters, HttpError } from '@refinedev/core'
import { getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd'
import { DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { Link } from 'react-router'
import { QueryError, tableEmptyText } from '../../components/states'
import {
  filterValues,
  hasActiveFilters,
  toFilters,
  type FilterField,
} from '../../components/list_filters'
import { formatDateTime, shortId } from '../../lib/format'
import { hasResource, pluginResourceNames } from '../../registry'
import { ACTOR_COLORS, recordPath, type AuditRecord } from './shared'
import { ActorName, useActorNames } from '../../components/actor_name'

const FILTERS: FilterField[] = [
  { name: 'q', operator: 'eq' },
  { name: 'actor_type', operator: 'eq' },
  { name: 'actor_id', operator: 'eq' },
  { name: 'action', operator: 'contains' },
  { name: 'resource_type', operator: 'eq' },
  { name: 'resource_id', operator: 'eq' },
]

type AuditSearch = Record<string, unknown> & { created?: [Dayjs | null, Dayjs | null] | null }

/** The date range is two filters on created_at (gte, lte). */
function toAuditFilters({ created, ...values }: AuditSearch): CrudFilters {
  const [from, to] = created ?? [null, null]
  return [
    ...toFilters(FILTERS, values),
    {
      field: 'created_at',
      operator: 'gte',
      value: from ? from.startOf('day').toISOString() : undefined,
    },
    { field: 'created_at', operator: 'lte', value: to ? to.endOf('day').toISOString() : undefined },
  ]
}

function initialValues(filters: CrudFilters): AuditSearch {
  const bound = (operator: 'gte' | 'lte') => {
    const filter = filters.find(
      (f) => 'field' in f && f.field === 'created_at' && f.operator === operator
    )
    return filter?.value ? dayjs(String(filter.value)) : null
  }
  const from = bound('gte')
  const to = bound('lte')
  return { ...filterValues(FILTERS, filters), created: from || to ? [from, to] : null }
}

const RESOURCE_TYPES = ['tasks', 'agents', 'users', ...pluginResourceNames(), 'system', 'events']

export default function AuditList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    AuditRecord,
    HttpError,
    AuditSearch
  >({
    syncWithLocation: true,
    pagination: { pageSize: 25 },
    sorters: { initial: [{ field: 'id', order: 'desc' }] },
    onSearch: toAuditFilters,
    // The log grows with every change: refresh on demand rather than on each one.
    liveMode: 'off',
  })
  const actorNames = useActorNames(
    (tableProps.dataSource ?? []).map((entry) => ({ type: entry.actor_type, id: entry.actor_id }))
  )

  const submit = () => searchFormProps.form?.submit()

  return (
    <List title="Audit log" canCreate={false}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Form
          {...searchFormProps}
          layout="inline"
          initialValues={initialValues(filters)}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="q">
            <Input.Search
              placeholder="Search"
              allowClear
              onSearch={submit}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item name="actor_type">
            <Select
              allowClear
              placeholder="Actor"
              onChange={submit}
              style={{ width: 120 }}
              options={['user', 'agent', 'system'].map((value) => ({ value, label: value }))}
            />
          </Form.Item>
          <Form.Item name="actor_id">
            <Input placeholder="Actor id" allowClear onPressEnter={submit} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="action">
            <Input
              placeholder="Action (task.moved)"
              allowClear
              onPressEnter={submit}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="resource_type">
            <Select
              allowClear
              showSearch
              placeholder="Resource"
              onChange={submit}
              style={{ width: 140 }}
              options={RESOURCE_TYPES.map((value) => ({ value, label: value }))}
            />
          </Form.Item>
          <Form.Item name="resource_id">
            <Input
              placeholder="Resource id"
              allowClear
              onPressEnter={submit}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="created">
            <DatePicker.RangePicker allowEmpty={[true, true]} onChange={submit} />
          </Form.Item>
        </Form>
        {tableQuery.isError && (
          <QueryError
            title="The audit log could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <Table<AuditRecord>
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
        </Table>
      </Space>
    </List>
  )
}
