import { defineConfig } from '@adonisjs/shield'

/*
| CSRF protects cookie-authenticated mutations (X-XSRF-TOKEN from the
| XSRF-TOKEN cookie). It runs only where there is a session to ride on:
| bearer requests and requests without a session cookie skip it (see
| browser_session_middleware), and so does login itself, so a script logs
| in with one request.
*/
const CSRF_FREE_PATHS = new Set(['/api/auth/login'])

const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => CSRF_FREE_PATHS.has(ctx.request.url()),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
