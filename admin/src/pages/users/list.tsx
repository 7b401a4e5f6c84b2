import type { HttpError } from '@refinedev/core'
import { DateField, EditButton, getDefaultSortOrder, List, useTable } from '@refinedev/antd'
import { Space, Table, Tag } from 'antd'
import { ListTable } from '../../components/list_view'
import { QueryError, tableEmptyText } from '../../components/states'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  type ListFilter,
  choice,
  choices,
  search,
} from '../../components/list_filters'
import { ROLE_COLORS, ROLE_OPTIONS, type UserRecord } from './shared'

const FILTERS: ListFilter[] = [
  search('Search by email'),
  choices('role', 'Role', ROLE_OPTIONS),
  choice('is_active', 'Status', [
    { value: 'true', label: 'active' },
    { value: 'false', label: 'deactivated' },
  ]),
]

export default function UserList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    UserRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'created_at', order: 'asc' }] },
    // `q` searches the users' email.
    onSearch: (values) => toFilters(FILTERS, values),
  })

  return (
    <List>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The users could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <ListTable<UserRecord>
          {...tableProps}
          rowKey="id"
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'users',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (total) => `${total} users`,
          }}
        >
          <Table.Column
            dataIndex="email"
            title="Email"
            sorter
            defaultSortOrder={getDefaultSortOrder('email', sorters)}
          />
          <Table.Column<UserRecord>
            dataIndex="role"
            title="Role"
            sorter
            defaultSortOrder={getDefaultSortOrder('role', sorters)}
            render={(role: UserRecord['role']) => <Tag color={ROLE_COLORS[role]}>{role}</Tag>}
          />
          <Table.Column<UserRecord>
            dataIndex="is_active"
            title="Status"
            sorter
            defaultSortOrder={getDefaultSortOrder('is_active', sorters)}
            render={(active: boolean) =>
              active ? <Tag color="green">active</Tag> : <Tag>deactivated</Tag>
            }
          />
          <Table.Column<UserRecord>
            dataIndex="created_at"
            title="Created"
            sorter
            defaultSortOrder={getDefaultSortOrder('created_at', sorters)}
            render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
          />
          <Table.Column<UserRecord>
            title="Actions"
            key="actions"
            render={(_, record) => <EditButton hideText size="small" recordItemId={record.id} />}
          />
        </ListTable>
      </Space>
    </List>
  )
}
