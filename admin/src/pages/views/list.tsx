import { useGetIdentity, useDelete, useUpdate, type HttpError } from '@refinedev/core'
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd'
import { Button, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd'
import { DeleteOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { QueryError, tableEmptyText } from '../../components/states'
import { TimeAgo } from '../../components/time_ago'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  type ListFilter,
  choice,
  search,
} from '../../components/list_filters'
import { installed } from '../../registry'
import { Permission } from '../../lib/permissions'
import type { Me } from '../../providers/auth'
import type { SavedView } from '../../lib/saved_views'

/** Each list with screens, by its resource name: what a view's "List" column shows. */
function listLabels() {
  const labels = new Map<string, string>()
  for (const plugin of installed()) {
    for (const resource of plugin.resources ?? []) {
      if (resource.list) labels.set(resource.name, String(resource.meta?.label ?? resource.name))
    }
  }
  return labels
}

/**
 * Saved views (the menu's entry): yours and those the team shares, on every
 * list. Open one, share yours or take it back, delete yours (an admin: any).
 */
export default function SavedViewList() {
  const labels = listLabels()
  const filtersSpec: ListFilter[] = [
    search('Search by name', 240),
    choice(
      'resource',
      'List',
      [...labels].map(([value, label]) => ({ value, label })),
      { width: 180 }
    ),
    choice('shared', 'Shared', [
      { value: 'true', label: 'shared' },
      { value: 'false', label: 'private' },
    ]),
  ]
  const { data: me } = useGetIdentity<Me>()
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    SavedView,
    HttpError,
    Record<string, unknown>
  >({
    resource: 'saved-views',
    syncWithLocation: true,
    pagination: { pageSize: 50 },
    sorters: { initial: [{ field: 'updated_at', order: 'desc' }] },
    onSearch: (values) => toFilters(filtersSpec, values),
  })
  const { mutate: update } = useUpdate<SavedView, HttpError>()
  const { mutate: remove } = useDelete<SavedView, HttpError>()
  const mayDeleteAny = me?.permissions.includes(Permission.ManageSavedViews) ?? false

  return (
    <List title="Saved views">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Save a list’s filters, sort and columns with “Save view” above any list; shared views show
          to everyone who may read that list.
        </Typography.Paragraph>
        <ListFilters spec={filtersSpec} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The saved views could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <Table<SavedView>
          {...tableProps}
          rowKey="id"
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'saved views',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (count) => `${count} views`,
          }}
        >
          <Table.Column<SavedView>
            dataIndex="name"
            title="Name"
            sorter
            defaultSortOrder={getDefaultSortOrder('name', sorters)}
            render={(name: string, view) => (
              <Link to={`/views/open/${view.id}`} state={{ view }} data-testid="open-saved-view">
                {name}
              </Link>
            )}
          />
          <Table.Column<SavedView>
            dataIndex="resource"
            title="List"
            sorter
            defaultSortOrder={getDefaultSortOrder('resource', sorters)}
            render={(resource: string) => labels.get(resource) ?? resource}
          />
          <Table.Column<SavedView>
            key="owner"
            title="Saved by"
            render={(_, view) => (view.mine ? <Tag color="blue">you</Tag> : view.owner_email)}
          />
          <Table.Column<SavedView>
            dataIndex="shared"
            title="Shared"
            render={(shared: boolean, view) =>
              view.mine ? (
                <Switch
                  size="small"
                  checked={shared}
                  aria-label={`Share ${view.name} with the team`}
                  onChange={(on) =>
                    update({ resource: 'saved-views', id: view.id, values: { shared: on } })
                  }
                />
              ) : (
                <Tag>shared</Tag>
              )
            }
          />
          <Table.Column<SavedView>
            dataIndex="updated_at"
            title="Updated"
            sorter
            defaultSortOrder={getDefaultSortOrder('updated_at', sorters)}
            render={(value: string) => <TimeAgo value={value} />}
          />
          <Table.Column<SavedView>
            key="actions"
            title="Actions"
            render={(_, view) =>
              view.mine || mayDeleteAny ? (
                <Popconfirm
                  title={`Delete “${view.name}”?`}
                  description={view.mine ? undefined : `A view of ${view.owner_email}`}
                  okText="Delete"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove({ resource: 'saved-views', id: view.id })}
                >
                  <Tooltip title="Delete">
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label="Delete" />
                  </Tooltip>
                </Popconfirm>
              ) : null
            }
          />
        </Table>
      </Space>
    </List>
  )
}
