/**
 * The notification routes in GET /api/openapi.json (docs/NOTIFICATIONS.md):
 * each person's own, people only.
 */
import { preferencesValidator, DIGEST_MINUTES } from '#validators/notification'
import { NOTIFICATION_LIST } from '#controllers/notifications_controller'
import { dateTime, defineOpenApi, listOf, nullable, record, ref, text } from '#openapi/kit'

const AT = '2026-03-01T10:00:00.000Z'
const notification = {
  id: 311,
  kind: 'agents.stale',
  title: 'planner-1 went silent',
  body: 'No heartbeat since 2026-03-01T09:55:00.000Z',
  link: '/agents/show/5a3e2f10-8c1d-4b7e-a6f2-9d0c3b1e4f21',
  created_at: AT,
  read_at: null,
}
const unread = record({ unread: { type: 'integer', minimum: 0 } })

export default defineOpenApi({
  tags: [
    {
      name: 'Notifications',
      description:
        'What waits for you (work to decide, agents gone silent or paused by a rule; plugins add kinds): the bell, e-mail and Slack, at once or as a digest. Your own only. The unread count is pushed on `users/<your id>`.',
    },
  ],
  schemas: {
    Notification: record(
      {
        id: { type: 'integer' },
        kind: text(),
        title: text(),
        body: nullable(text()),
        link: nullable(text('The admin path that acts on it.')),
        created_at: dateTime(),
        read_at: nullable(dateTime()),
      },
      'Something for you to act on.'
    ),
    NotificationPreferences: record({
      email: text('Where e-mail goes: your sign-in address.'),
      email_available: {
        type: 'boolean',
        description: 'Whether the server can send e-mail (SMTP_HOST).',
      },
      slack_webhook_url: nullable(text()),
      kinds: {
        type: 'array',
        items: record({
          kind: text(),
          label: text(),
          description: nullable(text()),
          roles: { type: 'array', items: { type: 'string' } },
          in_app: { type: 'boolean' },
          email: { type: 'boolean' },
          slack: { type: 'boolean' },
          digest_minutes: { type: 'integer', enum: [...DIGEST_MINUTES] },
        }),
      },
    }),
  },
  paths: {
    '/api/notifications': {
      get: {
        operationId: 'listNotifications',
        summary: 'List my notifications',
        description: '`unread=true` for the unread ones. Newest first.',
        access: 'people',
        list: NOTIFICATION_LIST,
        query: {
          unread: {
            description: '`true` or `false`',
            schema: { type: 'string', enum: ['true', 'false'] },
          },
        },
        response: {
          status: 200,
          description: 'A page of notifications.',
          schema: listOf('Notification'),
          example: [notification],
        },
      },
    },
    '/api/notifications/unread-count': {
      get: {
        operationId: 'countUnreadNotifications',
        summary: 'Count my unread notifications',
        access: 'people',
        response: {
          status: 200,
          description: 'The count.',
          schema: unread,
          example: { unread: 3 },
        },
      },
    },
    '/api/notifications/{id}/read': {
      post: {
        operationId: 'readNotification',
        summary: 'Mark one as read',
        access: 'people',
        path: { id: { description: 'The notification’s id.', schema: { type: 'integer' } } },
        response: {
          status: 200,
          description: 'The notification.',
          schema: ref('Notification'),
          example: { ...notification, read_at: AT },
        },
      },
    },
    '/api/notifications/read-all': {
      post: {
        operationId: 'readAllNotifications',
        summary: 'Mark all as read',
        access: 'people',
        response: {
          status: 200,
          description: 'Nothing unread.',
          schema: unread,
          example: { unread: 0 },
        },
      },
    },
    '/api/notifications/preferences': {
      get: {
        operationId: 'getNotificationPreferences',
        summary: 'What I receive',
        description:
          'Every kind your role is notified of, with your channels for each (default: the bell only, at once).',
        access: 'people',
        response: {
          status: 200,
          description: 'Your preferences.',
          schema: ref('NotificationPreferences'),
        },
      },
      put: {
        operationId: 'updateNotificationPreferences',
        summary: 'Change what I receive',
        description:
          'The kinds it lists and the Slack URL, if given; the rest is kept. A private Slack URL is refused like a webhook target.',
        access: 'people',
        body: {
          schema: preferencesValidator,
          example: {
            kinds: [
              {
                kind: 'agents.stale',
                in_app: true,
                email: true,
                slack: false,
                digest_minutes: 60,
              },
            ],
          },
        },
        response: {
          status: 200,
          description: 'Your preferences.',
          schema: ref('NotificationPreferences'),
        },
      },
    },
  },
})
