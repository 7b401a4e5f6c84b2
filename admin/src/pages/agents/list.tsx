import type { HttpError } from '@refinedev/core'
import { useMany } from '@refinedev/core'
import { getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd'
import { Badge, Space, Table, Tag, Tooltip } from 'antd'
import { Link } from 'react-router'
import { QueryError, tableEmptyText } from '../../components/states'
import { TimeAgo } from '../../components/time_ago'
import {
  hasActiveFilters,
  ListFilters,
  toFilters,
  type ListFilter,
  choices,
  search,
} from '../../components/list_filters'
import { AGENT_STATUS_BADGES, AGENT_STATUS_OPTIONS, type AgentRecord } from '../../lib/agents'
import type { TaskRecord } from '../../lib/tasks'
import { shortId } from '../../lib/format'

const FILTERS: ListFilter[] = [
  search('Search name and type', 260),
  choices('status', 'Status', AGENT_STATUS_OPTIONS, { width: 180 }),
]

export default function AgentList() {
  const { tableProps, sorters, filters, searchFormProps, tableQuery } = useTable<
    AgentRecord,
    HttpError,
    Record<string, unknown>
  >({
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'name', order: 'asc' }] },
    onSearch: (values) => toFilters(FILTERS, values),
  })

  const taskIds = [
    ...new Set(
      (tableProps.dataSource ?? []).map((a) => a.current_task_id).filter((id) => id !== null)
    ),
  ]
  const { result: tasks } = useMany<TaskRecord>({
    resource: 'tasks',
    ids: taskIds,
    queryOptions: { enabled: taskIds.length > 0 },
  })

  return (
    <List>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ListFilters spec={FILTERS} formProps={searchFormProps} current={filters} />
        {tableQuery.isError && (
          <QueryError
            title="The agents could not be loaded"
            error={tableQuery.error}
            onRetry={() => tableQuery.refetch()}
          />
        )}
        <Table<AgentRecord>
          {...tableProps}
          rowKey="id"
          locale={{
            emptyText: tableEmptyText({
              isError: tableQuery.isError,
              filtered: hasActiveFilters(filters),
              noun: 'agents',
            }),
          }}
          pagination={{ ...tableProps.pagination, showTotal: (total) => `${total} agents` }}
        >
          <Table.Column<AgentRecord>
            dataIndex="name"
            title="Name"
            sorter
            defaultSortOrder={getDefaultSortOrder('name', sorters)}
            render={(name: string, agent) => <Link to={`/agents/show/${agent.id}`}>{name}</Link>}
          />
          <Table.Column<AgentRecord>
            dataIndex="type"
            title="Type"
            sorter
            defaultSortOrder={getDefaultSortOrder('type', sorters)}
          />
          <Table.Column<AgentRecord>
            dataIndex="status"
            title="Status"
            sorter
            defaultSortOrder={getDefaultSortOrder('status', sorters)}
            render={(status: AgentRecord['status'], agent) => (
              <Space size="small">
                <Badge status={AGENT_STATUS_BADGES[status]} text={status} />
                {agent.stale && (
                  <Tooltip title="No heartbeat for a while: the agent may be down">
                    <Tag color="orange">stale</Tag>
                  </Tooltip>
                )}
              </Space>
            )}
          />
          <Table.Column<AgentRecord>
            dataIndex="current_task_id"
            title="Current task"
            render={(id: string | null) =>
              id ? (
                <Link to={`/tasks/show/${id}`}>
                  {tasks.data.find((task) => task.id === id)?.title ?? shortId(id)}
                </Link>
              ) : (
                '—'
              )
            }
          />
          <Table.Column<AgentRecord>
            dataIndex="last_update_at"
            title="Last update"
            sorter
            defaultSortOrder={getDefaultSortOrder('last_update_at', sorters)}
            render={(value: string | null) => <TimeAgo value={value} />}
          />
          <Table.Column<AgentRecord>
            title="Actions"
            key="actions"
            render={(_, agent) => <ShowButton hideText size="small" recordItemId={agent.id} />}
          />
        </Table>
      </Space>
    </List>
  )
}
