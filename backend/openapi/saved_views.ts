/**
 * Saved list views and a person's preferences in GET /api/openapi.json
 * (docs/API.md, "Saved views" and "Preferences"): people only.
 */
import { THEMES } from '#validators/preference'
import { updatePreferencesValidator } from '#validators/preference'
import {
  createSavedViewValidator,
  updateSavedViewValidator,
  VIEW_OPERATORS,
} from '#validators/saved_view'
import { SAVED_VIEW_LIST } from '#services/saved_views'
import {
  dateTime,
  defineOpenApi,
  enumOf,
  listOf,
  nullable,
  record,
  ref,
  text,
  uuid,
} from '#openapi/kit'

const AT = '2026-03-01T10:00:00.000Z'
const view = {
  id: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  resource: 'tasks',
  name: 'Waiting for me',
  filters: [
    { field: 'column', operator: 'in', value: ['needs_approval'] },
    { field: 'q', operator: 'eq', value: 'invoice' },
  ],
  sorters: [{ field: 'updated_at', order: 'desc' }],
  hidden_columns: ['created_at'],
  page_size: 50,
  shared: true,
  user_id: '0b4cdb8e-6f0a-4d5e-9a43-2f6f1c2f7a10',
  owner_email: 'ana@example.com',
  mine: true,
  created_at: AT,
  updated_at: AT,
}
const preferences = { theme: 'dark' }

export default defineOpenApi({
  tags: [
    {
      name: 'Saved views',
      description:
        'A person’s named filters, sort, page size and hidden columns of one admin list, private or shared with everyone who may read that list. The owner changes and deletes their views; admins (`saved_views.manage`) may delete any. Agents have none.',
    },
    {
      name: 'Preferences',
      description: 'What a person chose for the admin, kept on the server so it follows them.',
    },
  ],
  schemas: {
    SavedView: record(
      {
        id: uuid(),
        resource: text('The list: the API path its screen reads (`tasks`, `audit`, a plugin’s).'),
        name: text('Unique among the owner’s views of that list (case-insensitive).'),
        filters: {
          type: 'array',
          description:
            'Refine filters as the list’s URL carries them: `q` is the free-text search; `contains` is `field_like`, `in` a repeated key.',
          items: record({
            field: text(),
            operator: enumOf(VIEW_OPERATORS),
            value: {
              anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
            },
          }),
        },
        sorters: {
          type: 'array',
          items: record({ field: text(), order: enumOf(['asc', 'desc']) }),
        },
        hidden_columns: {
          type: 'array',
          items: { type: 'string' },
          description:
            'The list’s columns left out (their keys); a column added later shows in every view.',
        },
        page_size: nullable({ type: 'integer', minimum: 1, maximum: 1000 }),
        shared: { type: 'boolean', description: 'Shown to everyone who may read the list.' },
        user_id: uuid('The owner.'),
        owner_email: text('Who saved it.'),
        mine: { type: 'boolean', description: 'Whether you own it (and so may change it).' },
        created_at: dateTime(),
        updated_at: dateTime(),
      },
      'A saved view of an admin list.'
    ),
    Preferences: record({
      theme: enumOf(THEMES, '`system` follows the device (prefers-color-scheme).'),
    }),
  },
  paths: {
    '/api/saved-views': {
      get: {
        operationId: 'listSavedViews',
        summary: 'List my views and the shared ones',
        description:
          'Your own views and the views others share on lists your role may read (`resource=tasks` for one list).',
        access: 'people',
        list: SAVED_VIEW_LIST,
        response: {
          status: 200,
          description: 'A page of views.',
          schema: listOf('SavedView'),
          example: [view],
        },
      },
      post: {
        operationId: 'createSavedView',
        summary: 'Save a view',
        description:
          'Names the current state of a list. 403 when your role may not read that list; 422 when you already have a view of that name on it.',
        access: 'people',
        tags: ['Saved views'],
        body: {
          schema: createSavedViewValidator,
          example: {
            resource: view.resource,
            name: view.name,
            filters: view.filters,
            sorters: view.sorters,
            hidden_columns: view.hidden_columns,
            page_size: view.page_size,
            shared: true,
          },
        },
        response: {
          status: 201,
          description: 'The view.',
          schema: ref('SavedView'),
          example: view,
        },
        errors: { 403: 'Your role may not read this list (or you are an agent).' },
      },
    },
    '/api/saved-views/{id}': {
      get: {
        operationId: 'getSavedView',
        summary: 'Get a view',
        description: 'Yours, or a shared one of a list you may read; any other answers 404.',
        access: 'people',
        tags: ['Saved views'],
        response: {
          status: 200,
          description: 'The view.',
          schema: ref('SavedView'),
          example: view,
        },
      },
      patch: {
        operationId: 'updateSavedView',
        summary: 'Change a view',
        description: 'The owner only (403 for anyone else); `shared` shares it or takes it back.',
        access: 'people',
        tags: ['Saved views'],
        body: { schema: updateSavedViewValidator, example: { name: 'Mine, newest first' } },
        response: {
          status: 200,
          description: 'The view.',
          schema: ref('SavedView'),
          example: view,
        },
        errors: { 403: 'Only the person who saved the view may change it.' },
      },
      delete: {
        operationId: 'deleteSavedView',
        summary: 'Delete a view',
        description: 'The owner, or an admin (`saved_views.manage`).',
        access: 'people',
        tags: ['Saved views'],
        response: { status: 204, description: 'Deleted.' },
        errors: { 403: 'Neither the owner nor an admin.' },
      },
    },
    '/api/auth/preferences': {
      get: {
        operationId: 'getPreferences',
        summary: 'Get my preferences',
        access: 'people',
        tags: ['Preferences'],
        response: {
          status: 200,
          description: 'Your preferences (defaults when you chose nothing).',
          schema: ref('Preferences'),
          example: preferences,
        },
      },
      patch: {
        operationId: 'updatePreferences',
        summary: 'Change my preferences',
        description: 'Only the fields sent change. Recorded (`user.preferences_updated`).',
        access: 'people',
        tags: ['Preferences'],
        body: { schema: updatePreferencesValidator, example: preferences },
        response: {
          status: 200,
          description: 'Your preferences.',
          schema: ref('Preferences'),
          example: preferences,
        },
      },
    },
  },
})
