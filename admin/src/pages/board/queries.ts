import type { BaseRecord, GetListParams } from '@refinedev/core'

/*
| What the board asks for, in one place: the board's screen reads it, and
| the app's start (src/early.ts) asks for the same before the screen loads.
*/

/** At most this many cards: the most recent ones (the board shows them oldest first). */
export const BOARD_MAX_CARDS = 1000

export const BOARD_TASKS = {
  resource: 'tasks',
  pagination: { currentPage: 1, pageSize: BOARD_MAX_CARDS },
  sorters: [{ field: 'created_at', order: 'desc' }],
} satisfies Partial<GetListParams> & { resource: string } & BaseRecord

export const BOARD_AGENTS = {
  resource: 'agents',
  pagination: { currentPage: 1, pageSize: 1000 },
} satisfies Partial<GetListParams> & { resource: string } & BaseRecord
