/**
 * What a browser downloads before the first screen: the entry script of
 * admin/dist/index.html, every module it imports statically (not the
 * lazy-loaded screens), and the CSS; raw and gzip sizes.
 *
 *   node admin/scripts/first_load_size.mjs [extra chunk name prefixes...]
 *
 * Extra prefixes (e.g. `list`) add a lazy chunk and its static imports,
 * to weigh "first load + one screen".
 */
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
for (const prefix of process.argv.slice(2)) {
  for (const file of readdirSync(join(dist, 'assets'))) {
    if (file.startsWith(`${prefix}-`) && file.endsWith('.js')) entries.push(`assets/${file}`)
  }
}

const seen = new Set()
const queue = [...entries]
while (queue.length) {
  const file = queue.shift()
  if (seen.has(file)) continue
  seen.add(file)
  if (!file.endsWith('.js')) continue
  const code = readFileSync(join(dist, file), 'utf8')
  // Static imports only: `import{...}from"./x.js"` and `import"./x.js"`.
  for (const match of code.matchAll(/import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    queue.push(join(dirname(file), match[1]))
  }
}

let raw = 0
let gzip = 0
const rows = []
for (const file of seen) {
  const content = readFileSync(join(dist, file))
  const zipped = gzipSync(content, { level: 9 }).length
  raw += content.length
  gzip += zipped
  rows.push([file, content.length, zipped])
}
rows.sort((a, b) => b[2] - a[2])
const kb = (n) => `${(n / 1024).toFixed(1)} kB`
for (const [file, size, zipped] of rows) {
  console.log(`${file.padEnd(48)} ${kb(size).padStart(10)}  gzip ${kb(zipped).padStart(9)}`)
}
console.log(
  `${'total first load'.padEnd(48)} ${kb(raw).padStart(10)}  gzip ${kb(gzip).padStart(9)}`
)
