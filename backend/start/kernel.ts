/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
*/

import router from '@adonisjs/core/services/router'
import type { PluginMiddleware } from '#plugin_host/define_plugin'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

/* Run on every request, matched route or not. */
server.use([
  () => import('#middleware/request_context_middleware'),
  () => import('#middleware/static_middleware'),
  () => import('@adonisjs/cors/cors_middleware'),
])

/* Run on every request with a matching route. */
router.use([
  () => import('#middleware/body_parser_middleware'),
  () => import('#middleware/browser_session_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
}) satisfies PluginMiddleware
