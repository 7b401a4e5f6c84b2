/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| Registers the TypeScript loader, then hands over to bin/console.ts.
| Kept at the root because the assembler rewrites it into build/ace.js.
|
*/

/**
 * Register hook to process TypeScript files using ts-node-maintained
 */
await import('ts-node-maintained/register/esm')

/**
 * Import ace console entrypoint
 */
await import('./bin/console.js')
