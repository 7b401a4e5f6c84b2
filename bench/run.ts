/**
 * `npm run bench`: runs every bench/*.bench.ts (or the ones named on the
 * command line) one after the other and prints each figure beside the
 * baseline measured in the same run. Benches talk only to 127.0.0.1.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { buildServer } from './support.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort()

buildServer()

let failed = false
for (const file of files) {
  console.log(`\n=== ${file} ===`)
  try {
    const bench = await import(pathToFileURL(join(here, file)).href)
    await bench.default()
  } catch (error) {
    failed = true
    console.error(`${file} failed:`, error)
  }
}
process.exit(failed ? 1 : 0)
