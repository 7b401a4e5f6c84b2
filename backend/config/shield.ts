import { defineConfig } from '@adonisjs/shield'

/*
| CSRF protects cookie-authenticated mutations (X-XSRF-TOKEN from the
| XSRF-TOKEN cookie). Bearer requests carry no cookie credentials and are
| authenticated by their token only (see auth_middleware), so they skip it.
*/
const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => ctx.request.header('authorization', '')!.startsWith('Bearer '),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
