import type { HttpError } from '@refinedev/core'
import { DateField, EditButton, getDefaultSortOrder, List, useTable } from '@refinedev/antd'
import { Alert, Button, Empty, Form, Input, Space, Table, Tag } from 'antd'
import { ROLE_COLORS, type UserRecord } from './shared'

export default function UserList() {
  const { tableProps, sorters, searchFormProps, tableQuery } = useTable<
    UserRecord,
    HttpError,
    { q: string }
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'created_at', order: 'asc' }] },
    // Free-text search over the users' email (the API's `q`).
    onSearch: ({ q }) => [{ field: 'q', operator: 'eq', value: q?.trim() || undefined }],
  })

  return (
    <List>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Form {...searchFormProps} layout="inline">
          <Form.Item name="q">
            <Input.Search
              placeholder="Search by email"
              allowClear
              onSearch={() => searchFormProps.form?.submit()}
            />
          </Form.Item>
        </Form>
        {tableQuery.isError && (
          <Alert
            type="error"
            showIcon
            message="The users could not be loaded"
            description={tableQuery.error?.message}
            action={<Button onClick={() => tableQuery.refetch()}>Retry</Button>}
          />
        )}
        <Table<UserRecord>
          {...tableProps}
          rowKey="id"
          locale={{
            emptyText: <Empty description={tableQuery.isError ? 'No data' : 'No users match'} />,
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
        </Table>
      </Space>
    </List>
  )
}
