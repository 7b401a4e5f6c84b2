import { defineConfig } from '@adonisjs/static'

/* Serves the built admin (admin/dist) from the API process: one URL. */
const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  immutable: true,
  maxAge: 0,
})

export default staticServerConfig
