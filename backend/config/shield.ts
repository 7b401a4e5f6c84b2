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
    exceptRoutes: (ctx) => CSRF_FREE_PATHS.has(ctx.route?.pattern ?? ''),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  /* CSP, X-Frame-Options and nosniff are set on every answer, admin files included (#services/security_headers) */
  xFrame: { enabled: false },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: false },
})

export default shieldConfig
