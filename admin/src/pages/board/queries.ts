import type { BaseRecord, CrudFilter, GetListParams } from '@refinedev/core'
import type { TaskColumn } from '../../lib/tasks'

/*
| What the board asks for, in one place: the board's screen reads it, and
| the app's start (src/early.ts) asks for the same before the screen loads.
|
| Each column is its own list (`?column=...`): its first page of cards, newest
| first, with the column's whole count in X-Total-Count, and the next page when
| the column is scrolled near its end. A board of 5,000 tasks loads 4 pages of
| cards, not 5,000.
*/

/** Cards per column per page: a tall screen shows about ten. */
export const BOARD_PAGE_SIZE = 40

/** One column's list: the same query for the early request and the screen's infinite list. */
export function boardColumnQuery(column: TaskColumn) {
  return {
    resource: 'tasks',
    filters: [{ field: 'column', operator: 'eq', value: column }] as CrudFilter[],
    // the server breaks ties by id: pages of cards created in one instant never overlap
    sorters: [{ field: 'created_at', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: BOARD_PAGE_SIZE, mode: 'server' },
  } satisfies Partial<GetListParams> & { resource: string } & BaseRecord
}

/** The name the early answer of a column's first page, or of the agents, is kept under. */
export const boardAnswer = (of: TaskColumn | 'agents') => `board:${of}`

export const BOARD_AGENTS = {
  resource: 'agents',
  pagination: { currentPage: 1, pageSize: 1000 },
} satisfies Partial<GetListParams> & { resource: string } & BaseRecord
