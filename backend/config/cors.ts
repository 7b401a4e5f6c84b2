import { defineConfig } from '@adonisjs/cors'

/* The admin is served from the same origin; CORS matters for other tools. */
const corsConfig = defineConfig({
  enabled: true,
  origin: [],
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: ['x-total-count', 'x-request-id', 'content-disposition'],
  credentials: true,
  maxAge: 90,
})

export default corsConfig
