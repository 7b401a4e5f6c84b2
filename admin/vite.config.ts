import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ServerResponse } from 'node:http'
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'
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

/*
| src/boot.ts, the page's first script: built as an entry of its own (the
| HTTP client, no React) and placed first in <head>, `async`: it runs as soon as it is
| here, not after the page is parsed, and asks for the page's data while the
| app's script still loads and starts. (The app's script imports it too: it
| runs once, first, whichever arrives first.)
*/
function bootScript(): Plugin {
  return {
    name: 'boot-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        let src = '/src/boot.ts'
        if (bundle) {
          const boot = Object.values(bundle).find(
            (file) => file.type === 'chunk' && file.isEntry && file.name === 'boot'
          )
          if (!boot) throw new Error('the build has no boot entry (src/boot.ts)')
          src = `/${boot.fileName}`
        }
        const tags: HtmlTagDescriptor[] = [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src },
            injectTo: 'head-prepend',
          },
        ]
        if (bundle) {
          // the app itself (src/start.tsx: main.tsx imports it once the page is drawn), fetched
          // at once with what it imports, as Vite does for the entry's own imports
          const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
          const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/start.tsx'))
          if (!app) throw new Error('the build has no src/start.tsx chunk')
          // what the page's entries import, directly or not, is preloaded by Vite already
          const loaded = new Set<string>()
          const load = (fileName: string) => {
            if (loaded.has(fileName)) return
            loaded.add(fileName)
            const chunk = bundle[fileName]
            if (chunk?.type === 'chunk') chunk.imports.forEach(load)
          }
          chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => load(chunk.fileName))
          const preload = new Set<string>()
          const visit = (fileName: string) => {
            if (loaded.has(fileName) || preload.has(fileName)) return
            preload.add(fileName)
            const chunk = bundle[fileName]
            if (chunk?.type === 'chunk') chunk.imports.forEach(visit)
          }
          visit(app.fileName)
          for (const fileName of preload) {
            tags.push({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
              injectTo: 'head',
            })
          }
        }
        return tags
      },
    },
  }
}

/*
| The page's head before the app's script, both named by their hash in
| /assets/ (cached for a year: a warm load waits for no server):
| - theme.js, the colour theme (no white flash for a dark page), a classic
|   script the parser waits for;
| - antd's styles for the first paint, computed at build time for each colour
|   mode (scripts/antd_styles.js): theme.js links the one of the page's mode
|   (one file, fetched at once), and antd reads which styles it holds and does
|   not compute them again in the page. Only in a production build: antd names
|   its classes otherwise (`css-dev-only-…`), and those styles would match none.
*/
function firstPaintHead(): Plugin {
  let production = true
  let head = ''
  return {
    name: 'first-paint-head',
    apply: 'build',
    configResolved(config) {
      production = config.isProduction
    },
    buildStart() {
      const hashed = (name: string, ext: string, source: string | Buffer) => {
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8)
        const fileName = `assets/${name}-${hash}.${ext}`
        this.emitFile({ type: 'asset', fileName, source })
        return `/${fileName}`
      }
      const theme = hashed('theme', 'js', readFileSync(`${root}/theme.js`))
      if (!production) {
        head = `<script src="${theme}"></script>`
        return
      }
      const extracted = spawnSync(process.execPath, [`${root}/../scripts/antd_styles.js`], {
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
      if (extracted.status !== 0) throw new Error(`antd's styles: ${extracted.stderr}`)
      const styles = JSON.parse(extracted.stdout) as { light: string; dark: string }
      const light = hashed('antd-light', 'css', styles.light)
      const dark = hashed('antd-dark', 'css', styles.dark)
      head = `<script src="${theme}" data-antd-light="${light}" data-antd-dark="${dark}"></script>`
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = '<script src="/theme.js"></script>'
        if (!html.includes(tag)) throw new Error(`index.html has no ${tag}`)
        return html.replace(tag, head)
      },
    },
  }
}

/*
| The board's first frame (src/first_frame.tsx): the same app built for Node,
| which the server renders for a signed-in load of the board
| (backend/services/first_frame.ts). Built after the page's files, into
| admin/dist/.ssr/ (a dot folder: never served), so that both come from the
| same sources. Everything bundled, in production mode: antd names its
| classes as in the page.
*/
const SSR_OUT = 'dist/.ssr'

/*
| Plugin screens (each plugin's admin folder) reach the admin's shared code as `@admin/...`, and
| everyone the API's generated types as `#client/api_types` (type imports: nothing is bundled).
*/
const alias = {
  '@admin': src,
  '#client': client,
  // a few lines instead of 30 kB of fallbacks for old engines (src/lib/side_channel.cjs)
  'side-channel': `${src}/lib/side_channel.cjs`,
}
function firstFrameBuild(): Plugin {
  return {
    name: 'first-frame-build',
    apply: (_config, { isSsrBuild, command }) => command === 'build' && !isSsrBuild,
    closeBundle() {
      const built = spawnSync(
        process.execPath,
        [
          `${root}/../node_modules/vite/bin/vite.js`,
          'build',
          '--config',
          `${root}/vite.config.ts`,
          '--ssr',
          'src/first_frame.tsx',
          '--outDir',
          SSR_OUT,
          '--logLevel',
          'warn',
        ],
        { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }
      )
      if (built.status !== 0) throw new Error('the first frame could not be built')
    },
  }
}

const ssrConfig = defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    outDir: SSR_OUT,
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    // one file: the server loads a new build under a new URL, and no chunk is shared between two
    rolldownOptions: { output: { entryFileNames: 'first_frame.js', codeSplitting: false } },
  },
})

const clientConfig = defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    bootScript(),
    firstPaintHead(),
    firstFrameBuild(),
    // which plugins' screens this build holds: `npm start` and the tests rebuild when that changes
    { name: 'record-plugin-screens', apply: 'build', writeBundle: () => recordAdminBuild() },
    // brotli and gzip copies of every text file, served as they are (backend/services/admin_files.ts)
    { name: 'precompress', apply: 'build', closeBundle: () => precompressAdmin() },
  ],
  resolve: { alias },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { index: `${root}/index.html`, boot: `${src}/boot.ts` },
      treeshake: {
        // axios probes fetch support (a Request with a stream body) when its module loads, for a
        // default export nothing imports; the admin sends with XHR. Pure, the unused call goes:
        // ~50 ms less before the first script can ask for the page's data on a small machine.
        manualPureFunctions: ['getFetch'],
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

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? ssrConfig : clientConfig))
