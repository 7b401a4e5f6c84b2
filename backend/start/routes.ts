/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| The host's routes; every plugin's routes are mounted under /api by the
| plugin host. Anything outside /api is the admin SPA.
|
*/

import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { existsSync } from 'node:fs'
import { middleware } from '#start/kernel'
import pluginHost from '#plugin_host/running'
import { ApiException } from '#exceptions/api_exception'
import { guardTransmitRequest } from '#services/realtime'
import { CACHE_NEVER } from '#services/admin_files'
import { sendFramedIndex } from '#services/first_frame'

const HealthController = () => import('#controllers/health_controller')
const OpenApiController = () => import('#controllers/openapi_controller')
const AuthController = () => import('#controllers/auth_controller')
const UsersController = () => import('#controllers/users_controller')
const AgentTokensController = () => import('#controllers/agent_tokens_controller')
const TasksController = () => import('#controllers/tasks_controller')
const AgentsController = () => import('#controllers/agents_controller')
const AgentTypesController = () => import('#controllers/agent_types_controller')
const SystemControlsController = () => import('#controllers/system_controls_controller')
const EventsController = () => import('#controllers/events_controller')
const AuditController = () => import('#controllers/audit_controller')
const ReplayController = () => import('#controllers/replay_controller')
const RealtimeController = () => import('#controllers/realtime_controller')
const McpController = () => import('#controllers/mcp_controller')
const WebhooksController = () => import('#controllers/webhooks_controller')
const NotificationsController = () => import('#controllers/notifications_controller')
const RateLimitsController = () => import('#controllers/rate_limits_controller')
const BudgetsController = () => import('#controllers/budgets_controller')
const SavedViewsController = () => import('#controllers/saved_views_controller')
const PreferencesController = () => import('#controllers/preferences_controller')
const SummaryController = () => import('#controllers/summary_controller')

router.where('id', router.matchers.uuid())

router
  .group(() => {
    router.get('health', [HealthController])
    /* Public: this API described (OpenAPI 3.1), and rendered for people. */
    router.get('openapi.json', [OpenApiController, 'document'])
    router.get('docs', [OpenApiController, 'reference'])

    router.post('auth/login', [AuthController, 'login'])

    router
      .group(() => {
        router.post('auth/logout', [AuthController, 'logout'])
        router.get('auth/me', [AuthController, 'me'])
        router.post('auth/password', [AuthController, 'changePassword'])
        router.get('auth/preferences', [PreferencesController, 'show'])
        router.patch('auth/preferences', [PreferencesController, 'update'])
        router.get('auth/tokens', [AuthController, 'listTokens'])
        router.post('auth/tokens', [AuthController, 'createToken'])
        router
          .delete('auth/tokens/:id', [AuthController, 'revokeToken'])
          .where('id', router.matchers.number())

        router.get('users', [UsersController, 'index'])
        router.post('users', [UsersController, 'store'])
        router.get('users/:id', [UsersController, 'show'])
        router.patch('users/:id', [UsersController, 'update'])

        router.get('tasks', [TasksController, 'index'])
        router.post('tasks', [TasksController, 'store'])
        router.post('tasks/bulk-actions', [TasksController, 'act'])
        router.get('tasks/:id', [TasksController, 'show'])
        router.patch('tasks/:id', [TasksController, 'update'])
        router.post('tasks/:id/claim', [TasksController, 'claim'])
        router.delete('tasks/:id', [TasksController, 'destroy'])

        router.get('agents', [AgentsController, 'index'])
        router.post('agents', [AgentsController, 'store'])
        router.get('agents/me', [AgentsController, 'me'])
        router.post('agents/me/heartbeat', [AgentsController, 'heartbeat'])
        router.post('agents/me/usage', [BudgetsController, 'reportUsage'])
        router.get('agents/me/budget', [BudgetsController, 'myBudget'])
        router.get('agents/me/reservations', [BudgetsController, 'myReservations'])
        router.post('agents/me/reservations', [BudgetsController, 'reserve'])
        router.post('agents/me/reservations/:id/settle', [BudgetsController, 'settle'])
        router.get('agents/:id', [AgentsController, 'show'])
        router.post('agents/:id/pause', [AgentsController, 'pause'])
        router.post('agents/:id/resume', [AgentsController, 'resume'])
        router.post('agents/:id/kill', [AgentsController, 'kill'])
        router.get('agents/:id/budgets', [BudgetsController, 'forAgent'])

        router.get('budgets', [BudgetsController, 'index'])
        router.post('budgets', [BudgetsController, 'store'])
        router.get('budgets/:id', [BudgetsController, 'show'])
        router.patch('budgets/:id', [BudgetsController, 'update'])
        router.delete('budgets/:id', [BudgetsController, 'destroy'])
        router.get('usage', [BudgetsController, 'usage'])
        router.get('usage/series', [BudgetsController, 'series'])

        router.get('agent-types', [AgentTypesController, 'index'])
        router.get('agent-types/:name', [AgentTypesController, 'show'])

        router.get('system/controls', [SystemControlsController, 'show'])
        router.post('system/pause', [SystemControlsController, 'pause'])
        router.post('system/resume', [SystemControlsController, 'resume'])

        router.get('events', [EventsController, 'index'])
        router.post('events', [EventsController, 'store'])
        router.get('events/types', [EventsController, 'types'])
        router.get('events/:id', [EventsController, 'show']).where('id', router.matchers.number())

        /* Read-only: no route writes the audit log. */
        router.get('audit', [AuditController, 'index'])
        router.get('audit/export.csv', [AuditController, 'exportCsv'])
        router.get('audit/export.jsonl', [AuditController, 'exportJsonl'])
        router.get('audit/:id', [AuditController, 'show']).where('id', router.matchers.number())

        router.get('replay/board', [ReplayController, 'board'])
        router.get('replay/timeline', [ReplayController, 'timeline'])

        router.get('notifications', [NotificationsController, 'index'])
        router.get('notifications/unread-count', [NotificationsController, 'unreadCount'])
        router.get('notifications/preferences', [NotificationsController, 'preferences'])
        router.put('notifications/preferences', [NotificationsController, 'updatePreferences'])
        router.post('notifications/read-all', [NotificationsController, 'readAll'])
        router
          .post('notifications/:id/read', [NotificationsController, 'read'])
          .where('id', router.matchers.number())

        router.get('webhooks', [WebhooksController, 'index'])
        router.post('webhooks', [WebhooksController, 'store'])
        router.get('webhooks/:id', [WebhooksController, 'show'])
        router.patch('webhooks/:id', [WebhooksController, 'update'])
        router.delete('webhooks/:id', [WebhooksController, 'destroy'])
        router.get('webhooks/:id/deliveries', [WebhooksController, 'deliveries'])
        router.post('webhooks/:id/test', [WebhooksController, 'test'])
        router
          .post('webhooks/:id/deliveries/:delivery_id/redeliver', [WebhooksController, 'redeliver'])
          .where('delivery_id', router.matchers.number())

        /* The Home's numbers in one answer; saved list views (a person's, or shared). */
        router.get('summary', [SummaryController, 'show'])
        router.get('saved-views', [SavedViewsController, 'index'])
        router.post('saved-views', [SavedViewsController, 'store'])
        router.get('saved-views/:id', [SavedViewsController, 'show'])
        router.patch('saved-views/:id', [SavedViewsController, 'update'])
        router.delete('saved-views/:id', [SavedViewsController, 'destroy'])

        router.get('rate-limits', [RateLimitsController, 'index'])
        router.get('agents/:id/rate-limits', [RateLimitsController, 'showAgent'])
        router.put('agents/:id/rate-limits', [RateLimitsController, 'updateAgent'])
        router.delete('agents/:id/rate-limits', [RateLimitsController, 'destroyAgent'])
        router.put('agent-types/:name/rate-limits', [RateLimitsController, 'updateType'])
        router.delete('agent-types/:name/rate-limits', [RateLimitsController, 'destroyType'])

        router.get('agents/:id/tokens', [AgentTokensController, 'index'])
        router.post('agents/:id/tokens', [AgentTokensController, 'store'])
        router
          .delete('agents/:id/tokens/:token_id', [AgentTokensController, 'destroy'])
          .where('token_id', router.matchers.number())
      })
      .use(middleware.auth())
  })
  .prefix('/api')

await pluginHost.mountRoutes(router, middleware)

/* MCP (Streamable HTTP) for agents, with their own token: docs/MCP.md */
router.post('mcp', [McpController, 'handle']).use(middleware.auth())
router.get('mcp', [McpController, 'notAllowed'])
router.delete('mcp', [McpController, 'notAllowed'])

/*
| Realtime (SSE): /__transmit/events, /subscribe, /unsubscribe (Transmit's
| routes, with our controller: a stream belongs to whoever opened it), for
| an authenticated user or agent; channel rules in #services/realtime.
*/
router
  .group(() => {
    router.get('__transmit/events', [RealtimeController, 'events'])
    router.post('__transmit/subscribe', [RealtimeController, 'subscribe'])
    router.post('__transmit/unsubscribe', [RealtimeController, 'unsubscribe'])
  })
  .use([middleware.auth(), guardTransmitRequest])

/*
| The admin SPA: static files come from admin/dist (static middleware);
| any other path that is not the API gets index.html.
*/
const adminIndex = app.makePath('admin/dist/index.html')
router.get('*', async (ctx) => {
  const { request, response } = ctx
  if (request.url().startsWith('/api/') || request.url() === '/api') {
    throw new ApiException(404, `No route GET ${request.url()}`, { code: 'E_NOT_FOUND' })
  }
  if (!existsSync(adminIndex)) {
    return response
      .status(503)
      .send('The admin app is not built yet: run `npm run build:admin`, or use `npm start`.')
  }
  // a signed-in load of the board: with its first frame and data in it (#services/first_frame)
  if (await sendFramedIndex(ctx, adminIndex)) return
  // names the current build's hashed files: never cached, so a deploy reaches every browser
  return response.header('cache-control', CACHE_NEVER).download(adminIndex)
})
