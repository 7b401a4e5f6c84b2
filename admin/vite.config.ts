import { fileURLToPath } from 'node:url'
import type { ServerResponse } from 'node:http'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompressAdmin, recordAdminBuild } from '../scripts/admin_build.js'

/*
| The admin SPA. `npm run build:admin` writes admin/dist, which the API serves
| (any non-/api path falls back to index.html). `npm run dev:admin` proxies the
| API and the Transmit SSE stream to the backend on :4000.
*/
const root = fileURLToPath(new URL('.', import.meta.url))
const src = fileURLToPath(new URL('./src', import.meta.url))
const client = fileURLToPath(new URL('../client', import.meta.url))
const API = process.env.VITE_API_TARGET ?? 'http://localhost:4000'

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    // which plugins' screens this build holds: `npm start` and the tests rebuild when that changes
    { name: 'record-plugin-screens', apply: 'build', writeBundle: () => recordAdminBuild() },
    // brotli and gzip copies of every text file, served as they are (backend/services/admin_files.ts)
    { name: 'precompress', apply: 'build', closeBundle: () => precompressAdmin() },
  ],
  resolve: {
    // Plugin screens (plugins/*/admin) reach the admin's shared code as `@admin/...`, and
    // everyone the API's generated types as `#client/api_types` (type imports: nothing is bundled).
    alias: { '@admin': src, '#client': client },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: {
        // Pure packages that do not say so (no "sideEffects" in their package.json): kept
        // whole in the first script because @refinedev/antd and @refinedev/core import them
        // at the top of their single module, for MarkdownField and useImport, which the admin
        // never uses. Declared pure, they are dropped: 150 kB less JavaScript on every load.
        moduleSideEffects: [
          {
            test: /node_modules\/(react-markdown|remark-[^/]+|micromark[^/]*|mdast-[^/]+|unist-[^/]+|hast-[^/]+|property-information|unified|vfile[^/]*|papaparse)\//,
            sideEffects: false,
          },
        ],
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/__transmit': {
        target: API,
        changeOrigin: false,
        // An SSE stream stays open: no proxy timeout, never buffered.
        timeout: 0,
        proxyTimeout: 0,
        configure(proxy) {
          proxy.on('proxyRes', (proxyRes, req, res) => {
            if (String(proxyRes.headers['content-type'] ?? '').startsWith('text/event-stream')) {
              proxyRes.headers['cache-control'] = 'no-cache, no-transform'
              proxyRes.headers['x-accel-buffering'] = 'no'
              delete proxyRes.headers['content-length']
              req.socket.setNoDelay(true)
              ;(res as ServerResponse).once('close', () => proxyRes.destroy())
            }
          })
        },
      },
    },
  },
  preview: { port: 4173 },
})
