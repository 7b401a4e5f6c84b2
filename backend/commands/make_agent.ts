import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import string from '@adonisjs/core/helpers/string'
import type { ApplicationService } from '@adonisjs/core/types'
import { labelOf, renderStubs, scaffoldPlugin } from '#plugin_host/scaffold'
import { discoverPlugins, type LoadedPlugin } from '#plugin_host/discovery'
import { RESERVED_EVENT_NAMESPACES } from '#enums/event_type'

/**
 * `node ace make:agent <name>`: scaffolds an agent-type plugin, plugins/<name>/:
 * the type with its settings and one progress event type, a demo agent, a
 * test that drives the type through the API, and an admin page of agent
 * cards, from the stubs in stubs/make/agent/ (edit them to change what new
 * agent types get). The writing is make:plugin's (#plugin_host/scaffold).
 */
export default class MakeAgent extends BaseCommand {
  static commandName = 'make:agent'
  static description =
    'Create an agent-type plugin under plugins/: the type, its event types, a demo agent, a test and an admin card'
  static help = [
    'The name is converted to snake_case like make:plugin; it names the folder, the plugin and the agent type.',
    '',
    '```',
    '{{ binaryName }} make:agent seo_auditor',
    '{{ binaryName }} test plugins --files plugins/seo_auditor/tests/seo_auditor.spec.ts',
    '```',
  ]
  static options: CommandOptions = { startApp: false }

  @args.string({ description: 'Name of the agent type (and of its plugin folder under plugins/)' })
  declare name: string

  async run() {
    await scaffoldPlugin(this, this.name, {
      kind: 'agent type',
      files: (name) => agentFiles(this.app, name),
      refuse: (name) => this.#refuse(name),
      next: (name) => [
        `Agent type "${name}" is ready. Run its test:`,
        `  node ace test plugins --files plugins/${name}/tests/${name}.spec.ts`,
        `Its admin page, /agent-types/${name}, is in the next admin build (npm run build:admin).`,
        `Its event payloads join the API types with npm run types:generate (client/api_types.ts).`,
      ],
    })
  }

  /** Names whose generated plugin would not boot: a host namespace, or taken by another plugin. */
  async #refuse(name: string): Promise<string | null> {
    if ((RESERVED_EVENT_NAMESPACES as readonly string[]).includes(name)) {
      return `"${name}" is one of the host's event namespaces (${RESERVED_EVENT_NAMESPACES.join(', ')}): its "${name}.*" events could not be posted; choose another name`
    }
    try {
      return takenBy(name, await discoverPlugins({ root: this.app.makePath('plugins') }))
    } catch (error) {
      /* a broken plugin stops the app anyway; it should not stop scaffolding */
      this.logger.warning(`Could not read the other plugins: ${(error as Error).message}`)
      return null
    }
  }
}

/** Why another plugin's declarations leave no room for this agent type, or null. */
export function takenBy(name: string, plugins: Pick<LoadedPlugin, 'definition'>[]): string | null {
  const event = exampleEventType(name)
  for (const { definition } of plugins) {
    for (const type of definition.agentTypes ?? []) {
      if (type.name === name) {
        return `The agent type "${name}" is already declared by plugins/${definition.name}; choose another name`
      }
      if (type.events?.some((declared) => declared.type === event)) {
        return `The event type "${event}" is already declared by plugins/${definition.name}; choose another name`
      }
    }
  }
  return null
}

export function exampleEventType(name: string) {
  return `${name}.progress_reported`
}

/** The generated files, by path inside the plugin folder: the stubs of stubs/make/agent/. */
export function agentFiles(app: ApplicationService, name: string) {
  return renderStubs(app, 'make/agent', {
    name,
    label: labelOf(name),
    pascal: string.pascalCase(name),
    camel: string.camelCase(name),
    event: exampleEventType(name),
    /* agent names: lowercase letters, digits, - and _, at most 64 characters */
    agentName: name.slice(0, 40),
  })
}
