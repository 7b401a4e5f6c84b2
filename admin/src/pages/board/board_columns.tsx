import type { CSSProperties, ReactNode } from 'react'
import { Badge, Empty, Flex, Tooltip, Typography, theme } from 'antd'
import './board.css'
import { Link } from 'react-router'
import { RobotOutlined, UserOutlined } from '@ant-design/icons'
import {
  COLUMN_LABELS,
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  TASK_COLUMNS,
  type TaskColumn,
  type TaskRecord,
} from '../../lib/tasks'
import { shortId } from '../../lib/format'
import { linkedId, linkPath, linkText, type LinkLabels } from '../../lib/task_links'
import { taskLinks } from '../../registry'

/** Names for a card's owner and links: agent id → name, a linked record → its name and detail. */
export interface BoardLookups {
  agentName: (id: string) => string | undefined
  links: LinkLabels
}

/**
 * A task card: title, priority, owner, the records it links to. Plain elements
 * and one stylesheet (board.css) rather than antd's Card, Space and Tag: a
 * board draws hundreds of cards, and each antd component computes its styles
 * on every render (500 cards: ~2 s of script on a small machine).
 */
export function TaskCard({
  task,
  lookups,
  dragging,
  overlay,
  onMoveMenu,
  onHistory,
}: {
  task: TaskRecord
  lookups: BoardLookups
  /** Opens this card's history (the replay board). */
  onHistory?: (task: TaskRecord) => void
  /** Opens the Move menu for this card (for those who may move it; a phone's way to move). */
  onMoveMenu?: (task: TaskRecord) => void
  dragging?: boolean
  /** The copy under the pointer while dragging. */
  overlay?: boolean
}) {
  const owner =
    task.owner_type === 'agent'
      ? ((task.owner_id && lookups.agentName(task.owner_id)) ?? shortId(task.owner_id))
      : 'admin'
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation()
  const links = taskLinks().flatMap((link) => {
    const id = linkedId(task, link)
    return id ? [{ link, id }] : []
  })
  return (
    <div
      className={`mc-card${dragging ? ' mc-card-dragging' : ''}`}
      data-testid={overlay ? 'drag-overlay' : `task-card-${task.id}`}
      data-task-title={task.title}
    >
      <div className="mc-card-head">
        <Link className="mc-card-title" to={`/tasks/show/${task.id}`} onPointerDown={stop}>
          {task.title}
        </Link>
        {onMoveMenu && !overlay && (
          <button
            type="button"
            className="mc-card-move"
            data-testid={`move-${task.id}`}
            aria-label={`Move “${task.title}” to another column`}
            // a press on the button never starts a drag
            onPointerDown={stop}
            onMouseDown={stop}
            onTouchStart={stop}
            onKeyDown={stop}
            onClick={() => onMoveMenu(task)}
          >
            Move
          </button>
        )}
        {onHistory && (
          <button
            type="button"
            className="mc-card-move"
            data-testid={`history-${task.id}`}
            aria-label={`History of “${task.title}”`}
            onClick={() => onHistory(task)}
          >
            History
          </button>
        )}
      </div>
      <div className="mc-card-row">
        <span className={`mc-tag mc-tag-${PRIORITY_COLORS[task.priority]}`}>
          {PRIORITY_LABELS[task.priority]}
        </span>
        <span className="mc-tag">
          {task.owner_type === 'agent' ? <RobotOutlined /> : <UserOutlined />} {owner}
        </span>
      </div>
      {links.length > 0 && (
        <div className="mc-card-row mc-card-links">
          {links.map(({ link, id }) => (
            <Link key={link.kind} to={linkPath(link, id)} onPointerDown={stop}>
              {linkText(link, id, lookups.links)}
            </Link>
          ))}
        </div>
      )}
    </div>
  )
}

/** The theme's colours for board.css, set once on the board rather than per card. */
export function useBoardColors(): CSSProperties {
  const { token } = theme.useToken()
  return {
    '--mc-card-bg': token.colorBgContainer,
    '--mc-card-border': token.colorBorderSecondary,
    '--mc-card-radius': `${token.borderRadiusLG}px`,
    '--mc-text': token.colorText,
    '--mc-link': token.colorLink,
    '--mc-tag-bg': token.colorFillQuaternary,
    '--mc-tag-border': token.colorBorder,
    '--mc-blue': token.blue6,
    '--mc-blue-bg': token.blue1,
    '--mc-red': token.red6,
    '--mc-red-bg': token.red1,
  } as CSSProperties
}

/** One column's frame: title, count, and what goes in it. */
export function ColumnFrame({
  column,
  count,
  highlight,
  refused,
  children,
}: {
  column: TaskColumn
  count: number
  highlight?: boolean
  refused?: string | null
  children: ReactNode
}) {
  const { token } = theme.useToken()
  return (
    <div
      data-testid={`column-${column}`}
      style={{
        flex: '1 1 240px',
        minWidth: 240,
        background: refused
          ? token.colorErrorBg
          : highlight
            ? token.colorPrimaryBg
            : token.colorFillQuaternary,
        border: `1px dashed ${refused ? token.colorError : highlight ? token.colorPrimary : 'transparent'}`,
        borderRadius: 8,
        padding: 8,
        minHeight: 200,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{COLUMN_LABELS[column]}</Typography.Text>
        <Tooltip title={refused ?? undefined}>
          <Badge
            count={count}
            showZero
            overflowCount={Number.MAX_SAFE_INTEGER}
            color={token.colorTextSecondary}
          />
        </Tooltip>
      </Flex>
      <Flex vertical gap={8}>
        {children}
        {count === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No tasks" />}
      </Flex>
    </div>
  )
}

/** Tasks grouped by column, each column in the server's order. */
export function groupByColumn(tasks: TaskRecord[]): Record<TaskColumn, TaskRecord[]> {
  const groups = Object.fromEntries(TASK_COLUMNS.map((c) => [c, [] as TaskRecord[]])) as Record<
    TaskColumn,
    TaskRecord[]
  >
  for (const task of tasks) groups[task.column]?.push(task)
  return groups
}

/** A read-only board (replay). */
export function StaticBoard({
  tasks,
  lookups,
  onHistory,
}: {
  tasks: TaskRecord[]
  lookups: BoardLookups
  onHistory?: (task: TaskRecord) => void
}) {
  const groups = groupByColumn(tasks)
  const colors = useBoardColors()
  return (
    <Flex gap={12} wrap style={{ alignItems: 'flex-start', ...colors }}>
      {TASK_COLUMNS.map((column) => (
        <ColumnFrame key={column} column={column} count={groups[column].length}>
          {groups[column].map((task) => (
            <TaskCard key={task.id} task={task} lookups={lookups} onHistory={onHistory} />
          ))}
        </ColumnFrame>
      ))}
    </Flex>
  )
}

/**
 * The board's shape while its tasks load: the four columns, each with
 * placeholder cards. Plain elements (board.css), like the cards: antd's Card
 * and Skeleton would compute their styles for a screen shown a few frames.
 */
export function BoardSkeleton() {
  const colors = useBoardColors()
  return (
    <Flex
      gap={12}
      wrap
      data-testid="board-skeleton"
      aria-busy="true"
      aria-label="Loading the board"
      style={colors}
    >
      {TASK_COLUMNS.map((column) => (
        <div key={column} className="mc-skeleton-column">
          <Typography.Text strong style={{ display: 'block', padding: '4px 4px 8px' }}>
            {COLUMN_LABELS[column]}
          </Typography.Text>
          <Flex vertical gap={8}>
            {[0, 1, 2].map((i) => (
              <div key={i} className="mc-card mc-skeleton-card">
                <span className="mc-skeleton-line" style={{ width: '70%' }} />
                <span className="mc-skeleton-line" style={{ width: '40%' }} />
              </div>
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  )
}
