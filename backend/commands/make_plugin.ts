import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import string from '@adonisjs/core/helpers/string'
import type { ApplicationService } from '@adonisjs/core/types'
import { labelOf, normalizePluginName, renderStubs, scaffoldPlugin } from '#plugin_host/scaffold'

export { normalizePluginName }

/**
 * `node ace make:plugin <name>`: scaffolds plugins/<name>/ with a plugin.ts,
 * one authenticated route, its controller, a test that passes at once and a
 * README, from the stubs in stubs/make/plugin/ (edit them to change what new
 * plugins get). The writing itself is shared with make:agent
 * (#plugin_host/scaffold).
 */
export default class MakePlugin extends BaseCommand {
  static commandName = 'make:plugin'
  static description = 'Create a plugin under plugins/ with a status route, a test and a README'
  static help = [
    'The name is converted to snake_case ("SeoAudit" and "seo-audit" give "seo_audit"); it must then start with a letter and hold only a-z, 0-9 and _.',
    '',
    '```',
    '{{ binaryName }} make:plugin seo_audit',
    '{{ binaryName }} test plugins --files plugins/seo_audit/tests/seo_audit.spec.ts',
    '```',
  ]
  static options: CommandOptions = { startApp: false }

  @args.string({ description: 'Name of the plugin (its folder under plugins/)' })
  declare name: string

  async run() {
    await scaffoldPlugin(this, this.name, {
      kind: 'plugin',
      files: (name) => pluginFiles(this.app, name),
      next: (name) => [
        `Plugin "${name}" is ready. Run its test:`,
        `  node ace test plugins --files plugins/${name}/tests/${name}.spec.ts`,
      ],
    })
  }
}

/** The generated files, by path inside the plugin folder: the stubs of stubs/make/plugin/. */
export function pluginFiles(app: ApplicationService, name: string) {
  return renderStubs(app, 'make/plugin', {
    name,
    label: labelOf(name),
    pascal: string.pascalCase(name),
    camel: string.camelCase(name),
  })
}
