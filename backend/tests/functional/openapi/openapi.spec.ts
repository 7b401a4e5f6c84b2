import { test } from '@japa/runner'
import { Validator } from '@seriousme/openapi-schema-validator'
import pluginHost from '#plugin_host/running'
import { openApiDocument } from '#openapi/main'
import { buildDocument, type OpenApiDocument } from '#openapi/document'
import { defineOpenApi } from '#openapi/kit'
import {
  HTTP_METHODS,
  documentedOperations,
  registeredOperations,
  schemaValidator,
} from '#tests/helpers/openapi'
import { needs } from '#tests/helpers/plugins'

async function fetchDocument(): Promise<{ status: number; type: string; doc: OpenApiDocument }> {
  const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/openapi.json`)
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    doc: (await response.json()) as OpenApiDocument,
  }
}

function operations(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      path,
      method,
      op: item[method] as Record<string, any>,
    }))
  )
}

test.group('GET /api/openapi.json', () => {
  test('is public JSON, OpenAPI 3.1', async ({ assert }) => {
    const { status, type, doc } = await fetchDocument()
    assert.equal(status, 200)
    assert.match(type, /^application\/json/)
    assert.equal(doc.openapi, '3.1.0')
    assert.equal(doc.info.title, 'Mission Control API')
  })

  test('validates against the OpenAPI 3.1 schema', async ({ assert }) => {
    const { doc } = await fetchDocument()
    const validator = new Validator()
    const result = await validator.validate(doc as any)
    assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 2))
    assert.isTrue(result.valid)
    assert.equal(validator.version, '3.1')

    // the validator is not a rubber stamp: a response without its description is refused
    const broken = structuredClone(doc)
    delete broken.paths['/api/tasks'].get.responses['200'].description
    assert.isFalse((await new Validator().validate(broken as any)).valid)
  })

  needs(
    test('documents every API route the server has, and nothing else', async ({ assert }) => {
      const { doc } = await fetchDocument()
      const documented = new Set(documentedOperations(doc))
      const registered = new Set(registeredOperations())

      const undocumented = [...registered].filter((operation) => !documented.has(operation))
      const phantom = [...documented].filter((operation) => !registered.has(operation))
      assert.deepEqual(
        undocumented,
        [],
        `Routes missing from the OpenAPI document: describe them in backend/openapi/host.ts, or in the plugin's openapi.ts (see docs/PLUGINS.md)`
      )
      assert.deepEqual(phantom, [], 'Documented operations without a route')
      // the host's, the plugins' and the realtime routes are all there
      for (const operation of [
        'GET /api/tasks',
        'POST /api/agents/me/heartbeat',
        'GET /api/leads/export.csv',
        'POST /api/drafts/{id}/decision',
        'POST /__transmit/subscribe',
        'GET /api/openapi.json',
      ]) {
        assert.isTrue(documented.has(operation), operation)
      }
    }),
    'leads',
    'drafts'
  )

  test("every enabled plugin's routes are attributed to it", async ({ assert }) => {
    const { doc } = await fetchDocument()
    const byPlugin = new Map<string, string[]>()
    for (const { path, method, op } of operations(doc)) {
      if (op['x-plugin']) {
        byPlugin.set(op['x-plugin'], [...(byPlugin.get(op['x-plugin']) ?? []), `${method} ${path}`])
      }
    }
    const withDocs = pluginHost.openApiSources().map(({ plugin }) => plugin)
    const withRoutes = pluginHost.plugins
      .filter(({ definition }) => definition.routes)
      .map(({ definition }) => definition.name)
    assert.includeMembers(withDocs, withRoutes, 'every plugin with routes declares `openapi`')
    for (const plugin of withRoutes) {
      assert.isAbove(byPlugin.get(plugin)?.length ?? 0, 0, plugin)
    }
    if (withRoutes.includes('leads')) {
      assert.includeMembers(byPlugin.get('leads')!, ['get /api/leads', 'patch /api/leads/{id}'])
    }
  })

  test('has what agent authors need on every operation', async ({ assert }) => {
    const { doc } = await fetchDocument()
    const tags = new Set(doc.tags.map((tag: { name: string }) => tag.name))
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`
      assert.match(op.operationId, /^[a-z][A-Za-z0-9]*$/, where)
      assert.isTrue(tags.has(op.tags?.[0]), `${where}: tag ${op.tags?.[0]} is not declared`)
      assert.isString(op.summary, where)
      const statuses = Object.keys(op.responses)
      assert.isTrue(
        statuses.some((status) => status.startsWith('2')),
        `${where} documents no success answer`
      )
      const isPublic = Array.isArray(op.security) && op.security.length === 0
      if (!isPublic) assert.include(statuses, '401', `${where} needs credentials: 401`)
      if (path.includes('{')) assert.include(statuses, '404', where)
      if (op.requestBody) {
        const limited = op['x-streamed-body'] ? ['400', '422'] : ['400', '413', '422']
        assert.includeMembers(statuses, limited, where)
      }
      const writableByAgents =
        method !== 'get' && op.security.some((requirement: object) => 'agentToken' in requirement)
      // allowed while paused (the auth middleware's ALLOWED_WHILE_PAUSED)
      const exempt = [
        '/api/agents/me/heartbeat',
        '/api/agents/me/usage',
        '/api/agents/me/reservations/{id}/settle',
        '/__transmit/subscribe',
        '/__transmit/unsubscribe',
      ]
      if (writableByAgents && !exempt.includes(path)) assert.include(statuses, '423', where)
      for (const { name, in: location } of (op.parameters ?? []).filter((p: any) => p.name)) {
        if (location === 'path') assert.include(path, `{${name}}`, `${where}: path param ${name}`)
      }
    }
  })

  needs(
    test('lists speak the simple-rest dialect', async ({ assert }) => {
      const { doc } = await fetchDocument()
      const list = doc.paths['/api/leads'].get
      const names = list.parameters.map((param: any) =>
        param.$ref ? param.$ref.split('/').pop() : param.name
      )
      assert.includeMembers(names, [
        '_start',
        '_end',
        '_sort',
        '_order',
        'q',
        'status',
        'status_ne',
        'status_gte',
        'status_lte',
        'business_name_like',
      ])
      assert.property(list.responses['200'].headers, 'x-total-count')
      const status = list.parameters.find((param: any) => param.name === 'status')
      assert.deepEqual(status.schema.items.enum, [
        'new',
        'enriched',
        'drafted',
        'approved',
        'contacted',
        'replied',
        'booked',
        'lost',
      ])
      assert.isTrue(status.explode)
      // the export takes the filters but streams every row
      const exported = doc.paths['/api/leads/export.csv'].get
      const exportNames = exported.parameters.map((param: any) => param.name ?? param.$ref)
      assert.notInclude(exportNames, '#/components/parameters/_start')
      assert.include(exportNames, 'status')
      assert.property(exported.responses['200'].content, 'text/csv')
    }),
    'leads'
  )

  needs(
    test('request bodies come from the validators', async ({ assert }) => {
      const { doc } = await fetchDocument()
      const task = doc.paths['/api/tasks'].post.requestBody.content['application/json'].schema
      assert.deepEqual(task.required, ['title'])
      assert.equal(task.properties.title.maxLength, 200)
      assert.deepEqual(task.properties.column.enum, ['backlog', 'doing', 'needs_approval', 'done'])
      assert.deepEqual(task.properties.owner_id.type, ['string', 'null'])

      const version =
        doc.paths['/api/drafts/{id}/versions'].post.requestBody.content['application/json'].schema
      assert.includeMembers(version.required, ['content', 'base_version'])
      assert.equal(version.properties.base_version.type, 'integer')

      const heartbeat =
        doc.paths['/api/agents/me/heartbeat'].post.requestBody.content['application/json'].schema
      assert.deepEqual(heartbeat.properties.status.enum, ['idle', 'running'])
    }),
    'leads',
    'drafts'
  )

  needs(
    test('lists the progress events the agent types declare, with their payloads', async ({
      assert,
    }) => {
      const { doc } = await fetchDocument()
      const emit = doc.paths['/api/events'].post
      const declared = pluginHost
        .agentTypes()
        .flatMap((type) => (type.events ?? []).map((event) => event.type))
      assert.isAbove(declared.length, 0)
      assert.sameMembers(
        emit['x-event-types'].map((event: { event_type: string }) => event.event_type),
        declared
      )
      const planned = doc.components.schemas['EventPayload.goal.planned']
      assert.includeMembers(planned.required, ['goal', 'task_ids'])
      assert.include(emit.description, '`goal.planned` (orchestrator)')
    }),
    'orchestrator',
    'lead_finder',
    'enricher',
    'copywriter'
  )

  test('describes the contract: errors, security, statuses', async ({ assert }) => {
    const { doc } = await fetchDocument()
    const { components } = doc
    assert.deepEqual(components.schemas.Error.required, ['errors'])
    assert.deepEqual(components.schemas.Error.properties.errors.items.required, ['message'])
    assert.sameMembers(Object.keys(components.securitySchemes), [
      'userToken',
      'agentToken',
      'session',
      'xsrfToken',
    ])
    assert.equal(components.securitySchemes.session.name, 'mc_session')
    assert.equal(components.securitySchemes.xsrfToken.name, 'X-XSRF-TOKEN')

    const statuses = new Set(
      operations(doc).flatMap(({ op }) => Object.keys(op.responses).map(Number))
    )
    for (const status of [400, 401, 403, 404, 409, 413, 422, 423, 429, 503]) {
      assert.isTrue(statuses.has(status), `status ${status} is documented somewhere`)
    }
    // people's writes with the cookie need the XSRF header; bearer writes do not
    const createTask = doc.paths['/api/tasks'].post
    assert.deepInclude(createTask.security, { session: [], xsrfToken: [] })
    assert.deepInclude(createTask.security, { agentToken: [] })
    // admin-only routes do not offer agent tokens
    assert.notDeepInclude(doc.paths['/api/users'].get.security, { agentToken: [] })
    assert.deepEqual(doc.paths['/api/openapi.json'].get.security, [])
    assert.deepEqual(doc.paths['/api/auth/login'].post.security, [])
  })

  test('every schema compiles and every example matches its schema', async ({ assert }) => {
    const { doc } = await fetchDocument()
    const compile = schemaValidator(doc)
    const problems: string[] = []
    const check = (where: string, schema: unknown, example: unknown) => {
      const validate = compile(schema)
      if (example !== undefined && !validate(example)) {
        problems.push(`${where}: ${JSON.stringify(validate.errors)}`)
      }
    }
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      check(`schema ${name}`, schema, (schema as any).example)
    }
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`
      for (const param of op.parameters ?? []) {
        if (param.schema) check(`${where} param ${param.name}`, param.schema, param.example)
      }
      const body = op.requestBody?.content?.['application/json']
      if (body) check(`${where} body`, body.schema, body.example)
      for (const [status, response] of Object.entries<any>(op.responses)) {
        for (const [type, media] of Object.entries<any>(response.content ?? {})) {
          if (type === 'application/json') check(`${where} ${status}`, media.schema, media.example)
        }
      }
    }
    for (const [name, response] of Object.entries<any>(doc.components.responses)) {
      const media = response.content['application/json']
      check(`response ${name}`, media.schema, media.example)
    }
    assert.deepEqual(problems, [])
  })

  test('is the same document the module builds', async ({ assert }) => {
    const { doc } = await fetchDocument()
    assert.deepEqual(doc, JSON.parse(JSON.stringify(await openApiDocument())))
  })
})

test.group('OpenAPI contributions', () => {
  const minimal = (path: string, operationId: string) =>
    defineOpenApi({
      paths: {
        [path]: {
          get: {
            operationId,
            summary: 's',
            access: 'public',
            response: { status: 200, description: 'ok' },
          },
        },
      },
    })

  test('two contributions describing one route fail naming both', async ({ assert }) => {
    assert.throws(
      () =>
        buildDocument(
          [
            { source: 'host', contribution: minimal('/api/x', 'getX') },
            { source: 'seo_audit', contribution: minimal('/api/x', 'getOtherX') },
          ],
          { version: '0' }
        ),
      'OpenAPI operation GET /api/x of seo_audit is already described by host'
    )
  })

  test('operationIds are unique', async ({ assert }) => {
    assert.throws(
      () =>
        buildDocument(
          [
            { source: 'host', contribution: minimal('/api/x', 'getX') },
            { source: 'seo_audit', contribution: minimal('/api/y', 'getX') },
          ],
          { version: '0' }
        ),
      'operationId "getX" is used by GET /api/x and GET /api/y'
    )
  })

  test('a schema name belongs to one contribution', async ({ assert }) => {
    assert.throws(
      () =>
        buildDocument(
          [
            { source: 'host', contribution: { paths: {}, schemas: { Lead: {} } } },
            { source: 'leads2', contribution: { paths: {}, schemas: { Lead: {} } } },
          ],
          { version: '0' }
        ),
      'OpenAPI schema "Lead" of leads2 is already defined by host'
    )
  })
})

test.group('GET /api/docs', () => {
  needs(
    test('renders the document as a self-contained page', async ({ assert }) => {
      const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/docs`)
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
      assert.include(response.headers.get('content-security-policy') ?? '', "default-src 'none'")
      const html = await response.text()
      const { doc } = await fetchDocument()

      assert.include(html, '<!doctype html>')
      assert.notMatch(html, /<script|<link|src="http|@import/i, 'no script, no external resource')
      for (const { path, op } of operations(doc)) {
        assert.include(html, `id="op-${op.operationId}"`)
        assert.include(html, path.replace(/&/g, '&amp;'))
      }
      for (const name of Object.keys(doc.components.schemas)) {
        assert.include(html, `id="schema-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}"`)
      }
      // body fields, parameters and examples are shown
      assert.include(html, '<code>base_version</code>')
      assert.include(html, '<code>status_gte</code>')
      assert.include(html, 'E_AGENT_PAUSED')
      assert.include(html, 'Bright Smile Dental')
    }),
    'drafts'
  )
})
