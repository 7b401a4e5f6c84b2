import { useMemo, useState } from 'react'
import { useGetIdentity, useList, useUpdate, type HttpError } from '@refinedev/core'
import { CreateButton, List } from '@refinedev/antd'
import { App, Button, Flex, Modal, Typography } from 'antd'
import {
  DndContext,
  DragOverlay,
  MouseSensor,
  TouchSensor,
  KeyboardSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
  type DragOverEvent,
} from '@dnd-kit/core'
import { QueryError } from '../../components/states'
import { allows } from '../../providers/access_control'
import type { Me } from '../../providers/auth'
import { useLinkLabels } from '../../lib/task_links'
import { BOARD_AGENTS, BOARD_MAX_CARDS, BOARD_TASKS } from './queries'
import { TASK_COLUMNS, COLUMN_LABELS, type TaskColumn, type TaskRecord } from '../../lib/tasks'
import type { AgentRecord } from '../../lib/agents'
import {
  BoardSkeleton,
  ColumnFrame,
  TaskCard,
  groupByColumn,
  useBoardColors,
  type BoardLookups,
} from './board_columns'

function DraggableCard({
  task,
  lookups,
  disabled,
  onMoveMenu,
}: {
  task: TaskRecord
  lookups: BoardLookups
  disabled: boolean
  onMoveMenu?: (task: TaskRecord) => void
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: task.id,
    data: { from: task.column },
    disabled,
  })
  return (
    <div ref={setNodeRef} {...listeners} {...attributes} data-column={task.column}>
      <TaskCard task={task} lookups={lookups} dragging={isDragging} onMoveMenu={onMoveMenu} />
    </div>
  )
}

function DroppableColumn({
  column,
  tasks,
  lookups,
  canDrag,
  over,
  refused,
  onMoveMenu,
}: {
  column: TaskColumn
  tasks: TaskRecord[]
  lookups: BoardLookups
  canDrag: boolean
  over: boolean
  refused: string | null
  onMoveMenu?: (task: TaskRecord) => void
}) {
  const { setNodeRef } = useDroppable({ id: column })
  return (
    <div ref={setNodeRef} style={{ flex: '1 1 240px', minWidth: 240, display: 'flex' }}>
      <ColumnFrame
        column={column}
        count={tasks.length}
        highlight={over}
        refused={over ? refused : null}
      >
        {tasks.map((task) => (
          <DraggableCard
            key={task.id}
            task={task}
            lookups={lookups}
            disabled={!canDrag}
            onMoveMenu={onMoveMenu}
          />
        ))}
      </ColumnFrame>
    </div>
  )
}

/**
 * The board: four columns, drag and drop. A drop the role or the transition
 * table refuses is refused here, with the reason, before anything is sent;
 * an allowed one moves at once (optimistic) and rolls back with the
 * server's message if the server refuses. Live mode refetches on changes
 * by anyone else.
 */
export default function Board() {
  const { message } = App.useApp()
  const { data: me } = useGetIdentity<Me>()
  // the same queries the app's start sent already (src/early.ts)
  const { result, query } = useList<TaskRecord, HttpError>(BOARD_TASKS)
  const { result: agents } = useList<AgentRecord>(BOARD_AGENTS)
  // the most recent cards, shown oldest first in each column
  const tasks = useMemo(() => [...(result.data ?? [])].reverse(), [result.data])
  const hidden = Math.max(0, (result.total ?? 0) - tasks.length)
  // a card names the records it links to, and says where they stand (a draft: approved, rejected)
  const links = useLinkLabels(tasks)
  const lookups: BoardLookups = {
    agentName: (id) => agents.data.find((a) => a.id === id)?.name,
    links,
  }
  const { mutate } = useUpdate<TaskRecord, HttpError>()
  const colors = useBoardColors()
  // A mouse drags at once; a finger after a short press (a quick swipe still
  // scrolls the page); the keyboard too. Or the card's Move menu, anywhere.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor)
  )
  const [moving, setMoving] = useState<TaskRecord | null>(null)
  const [active, setActive] = useState<TaskRecord | null>(null)
  const [overColumn, setOverColumn] = useState<TaskColumn | null>(null)

  const permissions = me?.permissions
  // Moving needs the right to change tasks at all (tasks.edit = tasks.write); each drop is checked below.
  const canDrag = !!me && allows(permissions, 'tasks', 'edit').can
  const refusal = (from: TaskColumn, to: TaskColumn): string | null => {
    const answer = allows(permissions, 'tasks', 'move', { from, to })
    return answer.can ? null : (answer.reason ?? 'Not allowed')
  }

  const onDragStart = ({ active: a }: DragStartEvent) =>
    setActive(tasks.find((t) => t.id === a.id) ?? null)
  const onDragOver = ({ over }: DragOverEvent) =>
    setOverColumn((over?.id as TaskColumn | undefined) ?? null)
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null)
    setOverColumn(null)
    const task = tasks.find((t) => t.id === a.id)
    const to = over?.id as TaskColumn | undefined
    if (task && to) move(task, to)
  }

  /** A move by drag or by the Move menu: refused here with the reason, or sent (optimistic). */
  const move = (task: TaskRecord, to: TaskColumn) => {
    if (task.column === to) return
    const reason = refusal(task.column, to)
    if (reason) {
      message.error({ content: `Move refused: ${reason}`, key: 'board-move' })
      return
    }
    mutate(
      {
        resource: 'tasks',
        id: task.id,
        values: { column: to },
        mutationMode: 'optimistic',
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: () =>
          message.success({
            content: `Moved “${task.title}” to ${COLUMN_LABELS[to]}`,
            key: 'board-move',
          }),
        onError: (error) =>
          message.error({
            content: `The server refused the move: ${error.message}`,
            key: 'board-move',
          }),
      }
    )
  }

  const groups = groupByColumn(tasks)
  return (
    <List title="Board" headerButtons={<CreateButton resource="tasks" />}>
      {query.isLoading ? (
        <BoardSkeleton />
      ) : query.isError ? (
        <QueryError
          title="The board could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : (
        <>
          {hidden > 0 && (
            <Typography.Paragraph type="secondary" data-testid="board-hidden">
              Showing the {BOARD_MAX_CARDS} most recent of {result.total} tasks; the {hidden} older
              ones are in the Tasks list.
            </Typography.Paragraph>
          )}
          {!canDrag && me && (
            <Typography.Paragraph type="secondary">
              Your role can see the board but not move tasks.
            </Typography.Paragraph>
          )}
          <DndContext
            sensors={sensors}
            onDragStart={onDragStart}
            onDragOver={onDragOver}
            onDragEnd={onDragEnd}
            onDragCancel={() => {
              setActive(null)
              setOverColumn(null)
            }}
          >
            <Flex gap={12} wrap style={{ alignItems: 'stretch', ...colors }} data-testid="board">
              {TASK_COLUMNS.map((column) => (
                <DroppableColumn
                  key={column}
                  column={column}
                  tasks={groups[column]}
                  lookups={lookups}
                  canDrag={canDrag}
                  over={overColumn === column && !!active && active.column !== column}
                  refused={active ? refusal(active.column, column) : null}
                  onMoveMenu={canDrag ? setMoving : undefined}
                />
              ))}
            </Flex>
            <DragOverlay dropAnimation={null}>
              {active ? (
                <div style={colors}>
                  <TaskCard task={active} lookups={lookups} overlay />
                </div>
              ) : null}
            </DragOverlay>
          </DndContext>
          <Modal
            open={!!moving}
            title={moving ? `Move “${moving.title}” to…` : ''}
            footer={null}
            onCancel={() => setMoving(null)}
            destroyOnHidden
            data-testid="move-dialog"
          >
            {moving && (
              <Flex vertical gap={8}>
                {TASK_COLUMNS.filter((column) => column !== moving.column).map((column) => {
                  const reason = refusal(moving.column, column)
                  return (
                    <div key={column}>
                      <Button
                        block
                        disabled={!!reason}
                        data-testid={`move-to-${column}`}
                        onClick={() => {
                          setMoving(null)
                          move(moving, column)
                        }}
                      >
                        {COLUMN_LABELS[column]}
                      </Button>
                      {reason && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {reason}
                        </Typography.Text>
                      )}
                    </div>
                  )
                })}
              </Flex>
            )}
          </Modal>
        </>
      )}
    </List>
  )
}
