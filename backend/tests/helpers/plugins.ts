/**
 * The host's suite runs with some plugins disabled too (`PLUGINS=none`, or
 * only the agent types: backend/tests/e2e/without_plugins.spec.ts). A test
 * that exercises a plugin's routes, tables or agent types says so, and is
 * skipped, with the reason, when that plugin is not enabled.
 */
import type { Group, Test } from '@japa/runner/core'
import { enabledFromEnv } from '#plugin_host/discovery'

/** Whether every one of these plugins is enabled in this run (PLUGINS). */
export function pluginsEnabled(...names: string[]) {
  const enabled = enabledFromEnv()
  return !enabled || names.every((name) => enabled.includes(name))
}

function reason(names: string[]) {
  return `needs the ${names.join(', ')} plugin${names.length > 1 ? 's' : ''}, not enabled in this run`
}

/** Skips every test of the group unless the plugins are enabled. */
export function groupNeeds(group: Group, ...names: string[]) {
  if (!pluginsEnabled(...names)) group.tap((test) => test.skip(true, reason(names)))
}

/** Skips one test unless the plugins are enabled: `needs(test(...), 'leads')`. */
export function needs<T extends Test<any>>(test: T, ...names: string[]): T {
  if (!pluginsEnabled(...names)) test.skip(true, reason(names))
  return test
}
