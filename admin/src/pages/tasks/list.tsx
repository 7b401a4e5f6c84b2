import { useState } from 'react'
import { useCan, type HttpError } from '@refinedev/core'
import {
  DeleteButton,
  EditButton,
  getDefaultSortOrder,
  List,
  ShowButton,
  useTable,
} from '@refinedev/antd'
import { Space, Table, Tag, Typography } from 'antd'
import { ListTable } from '../../components/list_view'
import { Link } from 'react-router'
import { QueryError, tableEmptyText } from '../../components/states'
import { TimeAgo } from '../../components/time_ago'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  type ListFilter,
  asOptions,
  choice,
  choices,
  search,
} from '../../components/list_filters'
import { taskLinks } from '../../registry'
import { linkedId, linkPath, useLinkLabels } from '../../lib/task_links'
import {
  COLUMN_COLORS,
  COLUMN_LABELS,
  COLUMN_OPTIONS,
  OWNER_TYPES,
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  PRIORITY_OPTIONS,
  type TaskRecord,
} from '../../lib/tasks'
import { useNames } from '../../lib/use_names'
import { shortId } from '../../lib/format'
import { TaskBulkBar } from './bulk_bar'

const FILTERS: ListFilter[] = [
  search('Search title and description', 280),
  choices('column', 'Column', COLUMN_OPTIONS, { width: 180 }),
  choices('priority', 'Priority', PRIORITY_OPTIONS),
  choice('owner_type', 'Owner', asOptions(OWNER_TYPES), { width: 120 }),
]

export default function TaskList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    TaskRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    onSearch: (values) => toFilters(FILTERS, values),
  })

  const tasks = tableProps.dataSource ?? []
  const agentName = useNames(
    'agents',
    tasks.map((t) => (t.owner_type === 'agent' ? t.owner_id : null)),
    'name'
  )
  const links = useLinkLabels(tasks, false)
  const { data: canEdit } = useCan({ resource: 'tasks', action: 'edit' })
  const { data: canDelete } = useCan({ resource: 'tasks', action: 'delete' })
  const selectable = !!(canEdit?.can || canDelete?.can)
  const [selected, setSelected] = useState<string[]>([])

  return (
    <List>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The tasks could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        {selectable && <TaskBulkBar ids={selected} onClear={() => setSelected([])} />}
        <ListTable<TaskRecord>
          {...tableProps}
          rowKey="id"
          rowSelection={
            selectable
              ? {
                  preserveSelectedRowKeys: true,
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                }
              : undefined
          }
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'tasks',
            }),
          }}
          pagination={{
            ...tableProps.pagination,
            showSizeChanger: true,
            showTotal: (total) => `${total} tasks`,
          }}
        >
          <Table.Column<TaskRecord>
            dataIndex="title"
            title="Title"
            sorter
            defaultSortOrder={getDefaultSortOrder('title', sorters)}
            render={(title: string, task) => <Link to={`/tasks/show/${task.id}`}>{title}</Link>}
          />
          <Table.Column<TaskRecord>
            dataIndex="column"
            title="Column"
            sorter
            defaultSortOrder={getDefaultSortOrder('column', sorters)}
            render={(column: TaskRecord['column']) => (
              <Tag color={COLUMN_COLORS[column]}>{COLUMN_LABELS[column]}</Tag>
            )}
          />
          <Table.Column<TaskRecord>
            dataIndex="priority"
            title="Priority"
            sorter
            defaultSortOrder={getDefaultSortOrder('priority', sorters)}
            render={(priority: TaskRecord['priority']) => (
              <Tag color={PRIORITY_COLORS[priority]}>{PRIORITY_LABELS[priority]}</Tag>
            )}
          />
          <Table.Column<TaskRecord>
            key="owner"
            title="Owner"
            render={(_, task) =>
              task.owner_type === 'agent' && task.owner_id ? (
                <Link to={`/agents/show/${task.owner_id}`}>
                  {agentName(task.owner_id) ?? shortId(task.owner_id)}
                </Link>
              ) : (
                <Typography.Text type="secondary">{task.owner_type}</Typography.Text>
              )
            }
          />
          {taskLinks().map((link) => (
            <Table.Column<TaskRecord>
              key={link.kind}
              title={link.label}
              render={(_, task) => {
                const id = linkedId(task, link)
                return id ? (
                  <Link to={linkPath(link, id)}>{links.name(link, id) ?? shortId(id)}</Link>
                ) : (
                  '—'
                )
              }}
            />
          ))}
          <Table.Column<TaskRecord>
            dataIndex="updated_at"
            title="Updated"
            sorter
            defaultSortOrder={getDefaultSortOrder('updated_at', sorters)}
            render={(value: string) => <TimeAgo value={value} />}
          />
          <Table.Column<TaskRecord>
            dataIndex="created_at"
            title="Created"
            sorter
            defaultSortOrder={getDefaultSortOrder('created_at', sorters)}
            render={(value: string) => <TimeAgo value={value} />}
          />
          <Table.Column<TaskRecord>
            title="Actions"
            key="actions"
            fixed="right"
            render={(_, task) => (
              <Space size={4}>
                <ShowButton hideText size="small" recordItemId={task.id} />
                <EditButton hideText size="small" recordItemId={task.id} />
                <DeleteButton hideText size="small" recordItemId={task.id} />
              </Space>
            )}
          />
        </ListTable>
      </Space>
    </List>
  )
}
