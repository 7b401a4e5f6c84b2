/**
 * Saved views as the API answers them, and the query of those a person
 * sees (their own, and the shared ones of lists they may read).
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import type { ListSpec } from '#services/list_query'
import { unreadableLists } from '#policies/saved_view_policy'

export const SAVED_VIEW_LIST: ListSpec = {
  table: 'saved_views',
  filters: {
    id: 'uuid',
    resource: 'text',
    shared: 'boolean',
    user_id: 'uuid',
    created_at: 'datetime',
    updated_at: 'datetime',
  },
  sortable: ['name', 'resource', 'created_at', 'updated_at'],
  search: ['name'],
  defaultSort: [
    ['resource', 'asc'],
    ['name', 'asc'],
  ],
}

export interface SavedViewRow {
  id: string
  user_id: string
  owner_email: string
  resource: string
  name: string
  filters: unknown[]
  sorters: unknown[]
  hidden_columns: string[]
  page_size: number | null
  shared: boolean
  created_at: Date
  updated_at: Date
}

/** A view with its owner's e-mail (who shared it, in the views menu). */
export function savedViewsQuery(client: QueryClientContract = db.connection()) {
  return client
    .from('saved_views')
    .join('users', 'users.id', 'saved_views.user_id')
    .select('saved_views.*', 'users.email as owner_email')
}

/** What a person sees in lists of views: their own, and the shared views of lists they may read. */
export function visibleViewsQuery(user: User) {
  const hidden = unreadableLists(user)
  return savedViewsQuery().where((where) => {
    where.where('saved_views.user_id', user.id).orWhere((shared) => {
      shared.where('saved_views.shared', true)
      if (hidden.length) shared.whereNotIn('saved_views.resource', hidden)
    })
  })
}

export async function findView(id: string, client?: QueryClientContract) {
  return (await savedViewsQuery(client).where('saved_views.id', id).first()) as SavedViewRow | null
}

/** The record of the API; `mine` says whether the caller owns it (and so may change it). */
export function serializeView(row: SavedViewRow, user: User) {
  return {
    id: row.id,
    resource: row.resource,
    name: row.name,
    filters: row.filters,
    sorters: row.sorters,
    hidden_columns: row.hidden_columns,
    page_size: row.page_size,
    shared: row.shared,
    user_id: row.user_id,
    owner_email: row.owner_email,
    mine: row.user_id === user.id,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

/** The view as the audit row keeps it (no e-mail: the row names its owner by id). */
export function auditedView(row: Omit<SavedViewRow, 'owner_email'>) {
  return {
    id: row.id,
    user_id: row.user_id,
    resource: row.resource,
    name: row.name,
    filters: row.filters,
    sorters: row.sorters,
    hidden_columns: row.hidden_columns,
    page_size: row.page_size,
    shared: row.shared,
  }
}
