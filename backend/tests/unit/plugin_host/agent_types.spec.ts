import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import vine, { errors } from '@vinejs/vine'
import { definePlugin, type PluginDefinition } from '#plugin_host/define_plugin'
import type { LoadedPlugin } from '#plugin_host/discovery'
import { PluginHost } from '#plugin_host/host'
import { PluginError } from '#plugin_host/plugin_error'
import { schemaOf } from '#openapi/kit'
import { createEventValidator } from '#validators/event'
import { changePasswordValidator } from '#validators/auth'
import { MIN_PASSWORD_LENGTH } from '#services/password_policy'

function loaded(definition: PluginDefinition): LoadedPlugin {
  return {
    folder: definition.name,
    path: `/nowhere/${definition.name}`,
    definition: definePlugin(definition),
  }
}

const found = vine.object({
  lead_id: vine.string().uuid(),
  website: vine.string().url(),
})

test.group('agent types: declarations', () => {
  test('settings and event payloads must be VineJS object schemas', ({ assert }) => {
    assert.throws(
      () =>
        definePlugin({
          name: 'leads',
          agentTypes: [{ name: 'scout', label: 'Scout', settings: { depth: 1 } as any }],
        }),
      'agent type "scout": "settings" must be a VineJS object schema (vine.object({...}))'
    )
    assert.throws(
      () =>
        definePlugin({
          name: 'leads',
          agentTypes: [
            {
              name: 'scout',
              label: 'Scout',
              events: [{ type: 'lead.found', payload: vine.string() as any }],
            },
          ],
        }),
      'agent type "scout": the payload of "lead.found" must be a VineJS object schema (vine.object({...}))'
    )
  })

  test('event type names must be postable: the pattern, the host namespaces and verbs', ({
    assert,
  }) => {
    const declare = (type: string) => () =>
      definePlugin({
        name: 'leads',
        agentTypes: [{ name: 'scout', label: 'Scout', events: [{ type }] }],
      })
    assert.throws(declare('Lead.Found'), /event type "Lead.Found" must be lowercase words/)
    assert.throws(declare('found'), /event type "found" must be lowercase words/)
    assert.throws(
      declare('task.scouted'),
      'agent type "scout": event type "task.scouted": "task." events are written by Mission Control itself and cannot be posted'
    )
    assert.throws(
      declare('lead.created'),
      'agent type "scout": event type "lead.created": ".created" events record changes to records and cannot be posted'
    )
    assert.doesNotThrow(declare('lead.found'))
  })

  test('an event type is listed once per agent type', ({ assert }) => {
    assert.throws(
      () =>
        definePlugin({
          name: 'leads',
          agentTypes: [
            {
              name: 'scout',
              label: 'Scout',
              events: [{ type: 'lead.found' }, { type: 'lead.found' }],
            },
          ],
        }),
      'agent type "scout": event type "lead.found" is listed twice'
    )
  })
})

test.group('agent types: the host', () => {
  test('compiles settings and payload schemas once, at register time', async ({ assert }) => {
    const host = new PluginHost(app)
    await host.start([
      loaded({
        name: 'leads',
        agentTypes: [
          {
            name: 'scout',
            label: 'Scout',
            settings: vine.object({ depth: vine.number().min(1) }),
            events: [
              { type: 'lead.found', description: 'A lead was found.', payload: found },
              { type: 'lead.search_started' },
            ],
          },
        ],
      }),
    ])

    assert.deepEqual(
      host.eventTypesOf('scout').map((event) => [event.type, event.agentType, event.plugin]),
      [
        ['lead.found', 'scout', 'leads'],
        ['lead.search_started', 'scout', 'leads'],
      ]
    )
    assert.isUndefined(host.eventType('lead.search_started')!.validator)
    assert.deepEqual(await host.settingsValidator('scout')!.validate({ depth: '3' }), { depth: 3 })

    const validator = host.eventType('lead.found')!.validator!
    const payload = {
      lead_id: '5f0c2b8e-4b9e-4c56-9b8e-7f6d1c2a3b4c',
      website: 'https://a.example',
    }
    assert.deepEqual(await validator.validate({ ...payload, extra: 1 }), payload)
    await assert.rejects(() => validator.validate({ ...payload, website: 'nope' }))
    assert.isUndefined(host.eventType('lead.unknown'))
    assert.deepEqual(host.eventTypesOf('nobody'), [])
  })

  test('an event type declared by two agent types names both', async ({ assert }) => {
    const host = new PluginHost(app)
    try {
      await host.start([
        loaded({
          name: 'leads',
          agentTypes: [{ name: 'scout', label: 'Scout', events: [{ type: 'lead.found' }] }],
        }),
        loaded({
          name: 'drafts',
          register: (api) =>
            api.registerAgentType({
              name: 'spotter',
              label: 'Spotter',
              events: [{ type: 'lead.found' }],
            }),
        }),
      ])
      assert.fail('start was expected to fail')
    } catch (error) {
      assert.instanceOf(error, PluginError)
      assert.equal(
        (error as Error).message,
        'Plugin "drafts" failed to register: event type "lead.found" of agent type "spotter" is already declared by agent type "scout" (plugin "leads")'
      )
    }
    /* nothing of the refused type was kept */
    assert.isUndefined(host.agentType('spotter'))
  })

  test('no agent type may declare what another plugin records itself, in any order', async ({
    assert,
  }) => {
    const recorder = loaded({ name: 'leads', records: ['lead.imported', 'suppression.*'] })
    for (const type of ['lead.imported', 'suppression.lifted']) {
      const spotter = loaded({
        name: 'spotting',
        agentTypes: [{ name: 'spotter', label: 'Spotter', events: [{ type }] }],
      })
      for (const order of [
        [recorder, spotter],
        [spotter, recorder],
      ]) {
        const host = new PluginHost(app)
        const error = await host.start(order).catch((thrown) => thrown)
        assert.instanceOf(error, PluginError, type)
        assert.include(
          (error as Error).message,
          `event type "${type}" of agent type "spotter" is recorded by plugin "leads" itself`
        )
      }
    }
    /* its other types stay open to agents, and what it records is known by name or namespace */
    const host = new PluginHost(app)
    await host.start([
      recorder,
      loaded({
        name: 'spotting',
        agentTypes: [{ name: 'spotter', label: 'Spotter', events: [{ type: 'lead.found' }] }],
      }),
    ])
    assert.equal(host.recorderOf('lead.imported'), 'leads')
    assert.equal(host.recorderOf('suppression.created_in_bulk'), 'leads')
    assert.isUndefined(host.recorderOf('lead.found'))
    assert.isUndefined(host.recorderOf('lead.imported_again'))
    assert.isUndefined(host.recorderOf('suppressions.x'))
  })

  test('"records" names event types or namespaces', ({ assert }) => {
    for (const records of [['Lead.Imported'], ['lead'], ['*'], ['lead.*.x'], 'lead.imported']) {
      assert.throws(
        () => definePlugin({ name: 'leads', records: records as any }),
        /"records"/,
        JSON.stringify(records)
      )
    }
    assert.doesNotThrow(() => definePlugin({ name: 'leads', records: ['lead.imported', 'a.b.*'] }))
  })
})

test.group('agent types: JSON Schema of a VineJS schema', () => {
  test('types, required fields, formats, bounds, enums and nulls', ({ assert }) => {
    const schema = schemaOf(
      vine.create(
        vine.object({
          lead_id: vine.string().uuid(),
          website: vine.string().url().maxLength(300),
          email: vine.string().email().nullable().optional(),
          fields: vine
            .array(vine.enum(['email', 'phone']))
            .minLength(1)
            .distinct(),
          version: vine.number().withoutDecimals().min(1),
          percent: vine.number().range([0, 100]).optional(),
          flag: vine.boolean({ strict: true }).optional(),
          tags: vine.record(vine.string()).optional(),
        })
      )
    )
    assert.deepEqual(schema, {
      type: 'object',
      properties: {
        lead_id: { type: 'string', format: 'uuid' },
        website: { type: 'string', format: 'uri', maxLength: 300 },
        email: { type: ['string', 'null'], format: 'email' },
        fields: {
          type: 'array',
          items: { enum: ['email', 'phone'] },
          minItems: 1,
          uniqueItems: true,
        },
        version: { type: 'integer', minimum: 1 },
        percent: { type: 'number', minimum: 0, maximum: 100 },
        flag: { type: 'boolean' },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['lead_id', 'website', 'fields', 'version'],
      additionalProperties: false,
    })
  })

  test('our own rules describe what they check', ({ assert }) => {
    const event = schemaOf(createEventValidator).properties
    assert.deepEqual(event.event_type.not, {
      pattern:
        '^(task|agent|user|system|auth|audit|budget|reservation|usage|webhook|saved_view|notification_preferences)\\.|\\.(created|updated|deleted)$',
    })
    assert.match(event.event_type.description, /rule `reserved`/)
    assert.match(event.payload.description, /^At most 65536 bytes of JSON \(rule `maxSize`\)/)
    const password = schemaOf(changePasswordValidator).properties.password
    assert.equal(password.minLength, MIN_PASSWORD_LENGTH)
    assert.match(password.description, /rule `strongPassword`/)
  })

  test('describing is a copy: changing it changes no later description', ({ assert }) => {
    const validator = vine.create(vine.object({ n: vine.number() }))
    schemaOf(validator).properties.n.description = 'changed'
    assert.deepEqual(schemaOf(validator).properties.n, { type: 'number' })
  })

  test('the compiled validator still validates after being described', async ({ assert }) => {
    const validator = vine.create(vine.object({ n: vine.number() }))
    schemaOf(validator)
    assert.deepEqual(await validator.validate({ n: 2 }), { n: 2 })
    await assert.rejects(() => validator.validate({ n: 'x' }), errors.E_VALIDATION_ERROR as any)
  })
})
