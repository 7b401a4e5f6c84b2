import { defineConfig } from '@adonisjs/shield'

/*
| CSRF protects cookie-authenticated mutations (X-XSRF-TOKEN from the
| XSRF-TOKEN cookie). Bearer requests carry no cookie credentials and are
| authenticated by their token only (see auth_middleware), so they skip it;
| so do requests without a session cookie (nothing for a forger to ride on;
| they get a plain 401) and login itself, so scripts log in in one request.
*/
const CSRF_FREE_PATHS = new Set(['/api/auth/login'])

const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) =>
      ctx.request.header('authorization', '')!.startsWith('Bearer ') ||
      !ctx.request.header('cookie', '')!.includes('mc_session=') ||
      CSRF_FREE_PATHS.has(ctx.request.url()),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
