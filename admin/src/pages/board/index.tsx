import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  useGetIdentity,
  useInfiniteList,
  useList,
  useUpdate,
  type GetListResponse,
  type HttpError,
} from '@refinedev/core'
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
import { BOARD_AGENTS, boardAnswer, boardColumnQuery } from './queries'
import { takeEarlyAnswer } from '../../lib/early_requests'
import { VirtualCards } from './virtual_cards'
import { TASK_COLUMNS, COLUMN_LABELS, type TaskColumn, type TaskRecord } from '../../lib/tasks'
import type { AgentRecord } from '../../lib/agents'
import {
  BoardSkeleton,
  ColumnFrame,
  TaskCard,
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
  count,
  hasMore,
  loadingMore,
  onNearEnd,
  lookups,
  canDrag,
  over,
  refused,
  onMoveMenu,
}: {
  column: TaskColumn
  tasks: TaskRecord[]
  /** The column's count from the server (X-Total-Count), whatever is loaded. */
  count: number
  hasMore: boolean
  loadingMore: boolean
  onNearEnd: () => void
  lookups: BoardLookups
  canDrag: boolean
  over: boolean
  refused: string | null
  onMoveMenu?: (task: TaskRecord) => void
}) {
  const { setNodeRef } = useDroppable({ id: column })
  return (
    <div ref={setNodeRef} style={{ flex: '1 1 240px', minWidth: 240, display: 'flex' }}>
      <ColumnFrame column={column} count={count} highlight={over} refused={over ? refused : null}>
        {tasks.length > 0 && (
          <VirtualCards
            items={tasks}
            hasMore={hasMore}
            loadingMore={loadingMore}
            onNearEnd={onNearEnd}
            render={(task) => (
              <DraggableCard
                task={task}
                lookups={lookups}
                disabled={!canDrag}
                onMoveMenu={onMoveMenu}
              />
            )}
          />
        )}
      </ColumnFrame>
    </div>
  )
}

/** One column's cards as the server has them: pages loaded so far, its count, the next page. */
function useColumnTasks(column: TaskColumn) {
  // the first page as the app's start received it, when it is here already: drawn in the first pass
  const [early] = useState(() => takeEarlyAnswer<GetListResponse<TaskRecord>>(boardAnswer(column)))
  const list = boardColumnQuery(column)
  const { result, query } = useInfiniteList<TaskRecord, HttpError>({
    ...list,
    // one subscription for the four: a change refetches every list of tasks (Refine's "resourceAll")
    liveMode: column === TASK_COLUMNS[0] ? undefined : 'off',
    queryOptions: early && {
      // the page as Refine's own query function shapes it
      initialData: { pages: [{ ...early.answer, pagination: list.pagination }], pageParams: [1] },
      initialDataUpdatedAt: early.at,
    },
  })
  const pages = result.data?.pages
  const tasks = useMemo(() => {
    // a card created meanwhile shifts the pages: the same card may come twice
    const seen = new Set<string>()
    return (pages ?? []).flatMap((page) =>
      page.data.filter((task) => !seen.has(task.id) && !!seen.add(task.id))
    )
  }, [pages])
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query
  const more = useCallback(() => void fetchNextPage(), [fetchNextPage])
  return {
    column,
    tasks,
    total: pages?.[0]?.total ?? 0,
    hasMore: !!hasNextPage,
    loadingMore: isFetchingNextPage,
    more,
    query,
  }
}

/**
 * The board: four columns, drag and drop. A drop the role or the transition
 * table refuses is refused here, with the reason, before anything is sent;
 * an allowed one moves at once (optimistic) and rolls back with the
 * server's message if the server refuses. Live mode refetches on changes
 * by anyone else. Each column loads its newest cards and more on scroll,
 * and draws only those in view; its count is the server's.
 */
export default function Board() {
  const { message } = App.useApp()
  const { data: me } = useGetIdentity<Me>()
  // the same queries the app's start sent already (src/early.ts); one per column, always four
  const columns = TASK_COLUMNS.map(useColumnTasks)
  const [earlyAgents] = useState(() =>
    takeEarlyAnswer<GetListResponse<AgentRecord>>(boardAnswer('agents'))
  )
  const { result: agents } = useList<AgentRecord>({
    ...BOARD_AGENTS,
    queryOptions: earlyAgents && {
      initialData: earlyAgents.answer,
      initialDataUpdatedAt: earlyAgents.at,
    },
  })
  // Moves sent and not yet seen in the server's lists: the card shows in its new column meanwhile.
  const [moved, setMoved] = useState<ReadonlyMap<string, TaskColumn>>(new Map())
  const loaded = columns.map((c) => c.tasks)
  const board = useMemo(() => {
    // a card refetched in one column's list and not yet in the other's: its latest version, once
    const byId = new Map<string, TaskRecord>()
    for (const list of loaded) {
      for (const task of list) {
        const seen = byId.get(task.id)
        if (!seen || seen.updated_at < task.updated_at) byId.set(task.id, task)
      }
    }
    const groups = Object.fromEntries(TASK_COLUMNS.map((c) => [c, [] as TaskRecord[]])) as Record<
      TaskColumn,
      TaskRecord[]
    >
    for (const task of byId.values()) {
      const column = moved.get(task.id) ?? task.column
      groups[column]?.push(column === task.column ? task : { ...task, column })
    }
    // newest first, as each column's list (a moved card among them)
    for (const column of TASK_COLUMNS) {
      groups[column].sort((x, y) =>
        x.created_at === y.created_at
          ? x.id < y.id
            ? -1
            : 1
          : x.created_at < y.created_at
            ? 1
            : -1
      )
    }
    // Each column's count is the server's, give or take the cards moved since it answered.
    const counts = Object.fromEntries(
      columns.map((c, index) => {
        const shown = new Set(groups[c.column].map((t) => t.id))
        const listed = new Set(loaded[index].map((t) => t.id))
        let count = c.total
        for (const id of listed) if (!shown.has(id)) count--
        for (const id of shown) if (!listed.has(id)) count++
        return [c.column, Math.max(0, count)]
      })
    ) as Record<TaskColumn, number>
    return { groups, counts }
  }, [...loaded, ...columns.map((c) => c.total), moved])
  // forget a move once no list shows the card where it was
  useEffect(() => {
    if (moved.size === 0) return
    const stale = [...moved].filter(([id, to]) =>
      loaded.some((list) => list.some((t) => t.id === id && t.column !== to))
    )
    if (stale.length < moved.size) setMoved(new Map(stale))
  }, [...loaded])
  const tasks = useMemo(() => Object.values(board.groups).flat(), [board])
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
  const find = (id: unknown) => tasks.find((t) => t.id === id) ?? null

  const onDragStart = ({ active: a }: DragStartEvent) => setActive(find(a.id))
  const onDragOver = ({ over }: DragOverEvent) =>
    setOverColumn((over?.id as TaskColumn | undefined) ?? null)
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null)
    setOverColumn(null)
    const task = find(a.id)
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
    const forget = () =>
      setMoved((now) => {
        const next = new Map(now)
        next.delete(task.id)
        return next
      })
    setMoved((now) => new Map(now).set(task.id, to))
    mutate(
      {
        resource: 'tasks',
        id: task.id,
        values: { column: to },
        // shown moved at once (`moved`); then every list of tasks, the columns too, asks again
        mutationMode: 'pessimistic',
        invalidates: ['resourceAll'],
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: () =>
          message.success({
            content: `Moved “${task.title}” to ${COLUMN_LABELS[to]}`,
            key: 'board-move',
          }),
        onError: (error) => {
          forget()
          message.error({
            content: `The server refused the move: ${error.message}`,
            key: 'board-move',
          })
        },
      }
    )
  }

  const loading = columns.some((c) => c.query.isLoading)
  const failed = columns.find((c) => c.query.isError)?.query
  return (
    <List title="Board" headerButtons={<CreateButton resource="tasks" />}>
      {loading ? (
        <BoardSkeleton />
      ) : failed ? (
        <QueryError
          title="The board could not be loaded"
          error={failed.error}
          onRetry={() => columns.forEach((c) => c.query.refetch())}
        />
      ) : (
        <>
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
              {TASK_COLUMNS.map((column, index) => (
                <DroppableColumn
                  key={column}
                  column={column}
                  tasks={board.groups[column]}
                  count={board.counts[column]}
                  hasMore={columns[index].hasMore}
                  loadingMore={columns[index].loadingMore}
                  onNearEnd={columns[index].more}
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
