import { useState } from 'react'
import { useCan, useInvalidate } from '@refinedev/core'
import { Alert, App, Button, Dropdown, Space, Typography } from 'antd'
import { DeleteOutlined, DownOutlined, FlagOutlined, SwapOutlined } from '@ant-design/icons'
import { API_URL, http, toHttpError } from '../../providers/http'
import {
  COLUMN_LABELS,
  PRIORITY_LABELS,
  TASK_COLUMNS,
  TASK_PRIORITIES,
  TaskColumn,
  type TaskPriority,
} from '../../lib/tasks'

type Action =
  | { action: 'move'; column: TaskColumn }
  | { action: 'set_priority'; priority: TaskPriority }
  | { action: 'delete' }

interface ActionResult {
  matched: number
  changed: number
  unchanged: number
  refused: { id: string; code: string; message: string }[]
}

/** The server's cap on one action (MAX_BULK_TASKS). */
const MAX_TASKS = 500

const count = (n: number) => `${n.toLocaleString('en-US')} task${n === 1 ? '' : 's'}`

function summary(action: Action, result: ActionResult) {
  const done =
    action.action === 'delete'
      ? `${count(result.changed)} deleted`
      : action.action === 'move'
        ? `${count(result.changed)} moved to ${COLUMN_LABELS[action.column]}`
        : `Priority ${PRIORITY_LABELS[action.priority]} set on ${count(result.changed)}`
  const already = result.unchanged
    ? ` (${result.unchanged} ${action.action === 'move' ? 'were there already' : 'had it already'})`
    : ''
  return done + already
}

/**
 * What can be done with the ticked tasks: move them to a column, set their
 * priority, delete them (admins). One request; the server checks each card
 * as if it were moved alone, and the ones it kept where they were are listed
 * with the reason.
 */
export function TaskBulkBar({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const { message, modal } = App.useApp()
  const invalidate = useInvalidate()
  const { data: canEdit } = useCan({ resource: 'tasks', action: 'edit' })
  const { data: canDelete } = useCan({ resource: 'tasks', action: 'delete' })
  const { data: canFinish } = useCan({
    resource: 'tasks',
    action: 'move',
    params: { to: TaskColumn.Done },
  })
  const [busy, setBusy] = useState(false)
  if (ids.length === 0) return null
  const what = `${count(ids.length)} selected`
  const tooMany = ids.length > MAX_TASKS

  const run = async (action: Action) => {
    setBusy(true)
    try {
      const { data } = await http.post<ActionResult>(`${API_URL}/tasks/bulk-actions`, {
        ...action,
        ids,
      })
      if (data.refused.length === 0) {
        message.success(summary(action, data))
      } else {
        modal.warning({
          title: summary(action, data),
          content: (
            <div data-testid="bulk-refused">
              <Typography.Paragraph>
                {count(data.refused.length)} stayed as they were:
              </Typography.Paragraph>
              <ul style={{ maxHeight: '40vh', overflowY: 'auto', paddingLeft: 20 }}>
                {data.refused.map((refusal) => (
                  <li key={refusal.id}>{refusal.message}</li>
                ))}
              </ul>
            </div>
          ),
        })
      }
      onClear()
    } catch (failure) {
      message.error(toHttpError(failure).message)
    } finally {
      setBusy(false)
      void invalidate({ resource: 'tasks', invalidates: ['list', 'many', 'detail'] })
    }
  }

  const confirmDelete = () =>
    modal.confirm({
      title: `Delete ${what}?`,
      content:
        'They are removed from the board for everyone; agents working on them are detached. Their history stays. This cannot be undone.',
      okText: `Delete ${count(ids.length)}`,
      okButtonProps: { 'danger': true, 'data-testid': 'bulk-confirm' },
      onOk: () => run({ action: 'delete' }),
    })

  return (
    <Alert
      type="info"
      data-testid="bulk-bar"
      message={
        <Space wrap size="small" style={{ width: '100%' }}>
          <Typography.Text strong data-testid="bulk-count">
            {what}
          </Typography.Text>
          <Button type="link" size="small" onClick={onClear} data-testid="bulk-clear">
            Clear selection
          </Button>
          {tooMany && (
            <Typography.Text type="warning">
              At most {count(MAX_TASKS)} at once: act in parts.
            </Typography.Text>
          )}
          {canEdit?.can && (
            <Dropdown
              trigger={['click']}
              disabled={busy || tooMany}
              menu={{
                items: TASK_COLUMNS.map((column) => ({
                  key: column,
                  disabled: column === TaskColumn.Done && !canFinish?.can,
                  title:
                    column === TaskColumn.Done && !canFinish?.can
                      ? (canFinish?.reason ?? undefined)
                      : undefined,
                  label: <span data-testid={`bulk-move-${column}`}>{COLUMN_LABELS[column]}</span>,
                })),
                onClick: ({ key }) => void run({ action: 'move', column: key as TaskColumn }),
              }}
            >
              <Button icon={<SwapOutlined />} loading={busy} data-testid="bulk-move">
                Move to <DownOutlined />
              </Button>
            </Dropdown>
          )}
          {canEdit?.can && (
            <Dropdown
              trigger={['click']}
              disabled={busy || tooMany}
              menu={{
                items: TASK_PRIORITIES.map((priority) => ({
                  key: priority,
                  label: (
                    <span data-testid={`bulk-priority-${priority}`}>
                      {PRIORITY_LABELS[priority]}
                    </span>
                  ),
                })),
                onClick: ({ key }) =>
                  void run({ action: 'set_priority', priority: key as TaskPriority }),
              }}
            >
              <Button
                icon={<FlagOutlined />}
                disabled={busy || tooMany}
                data-testid="bulk-priority"
              >
                Priority <DownOutlined />
              </Button>
            </Dropdown>
          )}
          {canDelete?.can && (
            <Button
              danger
              icon={<DeleteOutlined />}
              disabled={busy || tooMany}
              onClick={confirmDelete}
              data-testid="bulk-delete"
            >
              Delete
            </Button>
          )}
        </Space>
      }
    />
  )
}
