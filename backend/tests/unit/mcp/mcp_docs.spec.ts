import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import Agent from '#models/agent'
import pluginHost from '#plugin_host/running'
import { mcpCatalog, schemaFor } from '#mcp/server'

const addFormats: (ajv: Ajv2020) => void = (addFormatsModule as any).default ?? addFormatsModule

/** The JSON example under `### \`name\`` in docs/MCP.md, or undefined. */
function documentedExample(doc: string, name: string) {
  const at = doc.indexOf(`### \`${name}\``)
  if (at === -1) return undefined
  const block = doc.slice(at).match(/```json\n([\s\S]*?)\n```/)
  return block ? JSON.parse(block[1]) : null
}

/** An agent of a type that declares events (report_progress's schema is tailored to it). */
function sampleAgent() {
  const type = pluginHost.agentTypes().find((candidate) => candidate.events?.length)
  const agent = new Agent()
  agent.type = type?.name ?? 'none'
  return agent
}

test.group('MCP: docs/MCP.md covers every tool, with examples that fit', () => {
  test('every tool has a section whose example and whose declared example validate', async ({
    assert,
  }) => {
    const doc = readFileSync(app.makePath('docs/MCP.md'), 'utf8')
    const { tools } = await mcpCatalog()
    assert.isAbove(tools.length, 0)
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    const agent = sampleAgent()
    for (const tool of tools) {
      const example = documentedExample(doc, tool.name)
      assert.exists(example, `docs/MCP.md has a section and a JSON example for ${tool.name}`)
      const validate = ajv.compile(schemaFor(tool, agent))
      // report_progress's documented example is one agent type's: check it where that type runs
      const declaredEvent =
        tool.name !== 'report_progress' ||
        pluginHost.eventTypesOf(agent.type).some((event) => event.type === example.event_type)
      if (declaredEvent) {
        assert.isTrue(validate(example), `${tool.name} in docs/MCP.md: ${ajv.errorsText(validate.errors)}`)
      }
      if (tool.name !== 'report_progress') {
        assert.isTrue(
          validate(tool.example),
          `${tool.name}'s declared example: ${ajv.errorsText(validate.errors)}`
        )
      }
      assert.isFalse(validate({ ...tool.example, not_a_field: 1 }), `${tool.name} refuses unknown fields`)
    }
  })
})
