import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import Agent from '#models/agent'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { groupNeeds } from '#tests/helpers/plugins'
import { openApiDocument } from '#openapi/main'

const MCP_URL = () => new URL(`http://${process.env.HOST}:${process.env.PORT}/mcp`)

/** An MCP session as an MCP-capable agent framework opens it: the SDK's own client. */
async function connect(token: string | null) {
  const client = new Client({ name: 'test-agent', version: '1.0.0' })
  const transport = new StreamableHTTPClientTransport(MCP_URL(), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
  })
  await client.connect(transport)
  return client
}

async function tokenOf(agent: Agent) {
  return (await Agent.accessTokens.create(agent)).value!.release()
}

const text = (result: any) => result.content.map((part: any) => part.text).join('\n') as string

async function count(table: string) {
  const [{ n }] = await db.from(table).count('* as n')
  return Number(n)
}

test.group('MCP server: an agent’s day through its own token', (group) => {
  groupNeeds(group, 'leads', 'drafts', 'copywriter', 'lead_finder')
  let actors: Actors
  let copywriter: Client
  let finder: Client
  let finderAgent: Agent
  group.setup(async () => {
    actors = await makeActors({ agentType: 'copywriter' })
    finderAgent = await makeAgent('lead_finder')
    copywriter = await connect(actors.tokens.agent)
    finder = await connect(await tokenOf(finderAgent))
    return async () => {
      await copywriter.close()
      await finder.close()
    }
  })

  test('tools are listed with the schemas of the routes’ own validators, tailored to the agent type', async ({
    assert,
  }) => {
    const { tools } = await copywriter.listTools()
    const names = tools.map((tool) => tool.name)
    assert.includeMembers(names, [
      'get_controls',
      'list_tasks',
      'claim_task',
      'move_task',
      'report_progress',
      'find_leads',
      'create_draft',
      'add_draft_version',
      'submit_draft',
      'get_draft_feedback',
    ])
    // a copywriter may not write leads: the tool is not offered
    assert.notInclude(names, 'create_lead')
    assert.include(
      (await finder.listTools()).tools.map((tool) => tool.name),
      'create_lead'
    )

    // one source of truth: the tool's input is the REST body's schema
    const doc = await openApiDocument()
    const restBody = (doc.paths['/api/drafts'] as any).post.requestBody.content['application/json']
      .schema
    const createDraft = tools.find((tool) => tool.name === 'create_draft')!
    assert.deepEqual(createDraft.inputSchema.properties, restBody.properties)
    assert.sameMembers(createDraft.inputSchema.required as string[], restBody.required)

    const progress = tools.find((tool) => tool.name === 'report_progress')!
    assert.sameMembers((progress.inputSchema.properties as any).event_type.enum, [
      'draft.written',
      'draft.revised',
    ])
    const submit = tools.find((tool) => tool.name === 'submit_draft')!
    assert.deepEqual(submit.inputSchema.required, ['id'])
    assert.isTrue(
      tools.find((tool) => tool.name === 'get_draft_feedback')!.annotations?.readOnlyHint
    )
  })

  test('a lead is found or created; the duplicate rule names the lead that exists', async ({
    assert,
  }) => {
    const website = `https://mcp-${Date.now()}.example.com`
    const found = await finder.callTool({ name: 'find_leads', arguments: { website: [website] } })
    assert.notOk(found.isError)
    assert.equal((found.structuredContent as any).total, 0)

    const created = await finder.callTool({
      name: 'create_lead',
      arguments: { business_name: 'MCP Dental', niche: 'dentist', region: 'Austin, TX', website },
    })
    assert.notOk(created.isError, text(created))
    const lead = created.structuredContent as any
    assert.equal(lead.business_name, 'MCP Dental')
    const row = await db.from('leads').where('id', lead.id).firstOrFail()
    assert.equal(row.website, website)
    const audit = await db.from('audit_log').where({ resource_id: lead.id, action: 'lead.created' })
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actor_id, finderAgent.id)

    const before = await count('leads')
    const again = await finder.callTool({
      name: 'create_lead',
      arguments: {
        business_name: 'MCP Dental again',
        niche: 'dentist',
        region: 'Austin, TX',
        website: `${website}/`,
      },
    })
    assert.isTrue(again.isError)
    assert.include(text(again), 'E_DUPLICATE_LEAD')
    assert.include(text(again), lead.id)
    assert.include(text(again), 'MCP Dental')
    assert.equal(await count('leads'), before)

    const invalid = await finder.callTool({ name: 'create_lead', arguments: { website } })
    assert.isTrue(invalid.isError)
    assert.include(text(invalid), 'business_name')
  })

  test('a draft is written, submitted, decided, and its feedback read by its author only', async ({
    assert,
  }) => {
    const created = await copywriter.callTool({
      name: 'create_draft',
      arguments: { channel: 'email', draft_type: 'cold_intro', content: 'Hi there, version one' },
    })
    assert.notOk(created.isError, text(created))
    const draft = created.structuredContent as any
    const progress = await copywriter.callTool({
      name: 'report_progress',
      arguments: { event_type: 'draft.written', payload: { draft_id: draft.id, version: 1 } },
    })
    assert.notOk(progress.isError, text(progress))
    const undeclared = await copywriter.callTool({
      name: 'report_progress',
      arguments: { event_type: 'lead.enriched', payload: {} },
    })
    assert.isTrue(undeclared.isError)

    const submitted = await copywriter.callTool({
      name: 'submit_draft',
      arguments: { id: draft.id },
    })
    assert.notOk(submitted.isError, text(submitted))
    assert.equal((submitted.structuredContent as any).status, 'needs_approval')

    const decided = await call(actors.tokens.admin, 'POST', `/api/drafts/${draft.id}/decision`, {
      action: 'request_changes',
      version: 1,
      notes: 'Name the clinic',
    })
    assert.equal(decided.status, 200)
    const feedback = await copywriter.callTool({
      name: 'get_draft_feedback',
      arguments: { id: draft.id },
    })
    assert.notOk(feedback.isError, text(feedback))
    assert.equal((feedback.structuredContent as any).decisions[0].notes, 'Name the clinic')

    const revised = await copywriter.callTool({
      name: 'add_draft_version',
      arguments: { id: draft.id, content: 'Hi Smile Dental, version two', base_version: 1 },
    })
    assert.notOk(revised.isError, text(revised))
    assert.equal((revised.structuredContent as any).version_number, 2)

    // another agent: refused, with the reason
    const other = await connect(await tokenOf(await makeAgent('copywriter')))
    const refused = await other.callTool({
      name: 'get_draft_feedback',
      arguments: { id: draft.id },
    })
    assert.isTrue(refused.isError)
    assert.include(text(refused), 'Only the agent that wrote this draft')
    await other.close()

    // read-only resources: the draft and the board
    const resource = await copywriter.readResource({ uri: `mission-control://drafts/${draft.id}` })
    assert.equal(JSON.parse((resource.contents[0] as any).text).current_version, 2)
    const { resources } = await copywriter.listResources()
    assert.include(
      resources.map((r) => r.uri),
      'mission-control://board'
    )
    const board = await copywriter.readResource({ uri: 'mission-control://board' })
    assert.isArray(JSON.parse((board.contents[0] as any).text).items)
    const templates = await copywriter.listResourceTemplates()
    assert.include(
      templates.resourceTemplates.map((t) => t.uriTemplate),
      'mission-control://drafts/{id}'
    )
  })

  test('tasks: listed, claimed once, moved within the board’s rules', async ({ assert }) => {
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', {
      title: 'MCP task',
      owner_id: null,
    })
    const claimed = await copywriter.callTool({
      name: 'claim_task',
      arguments: { id: task.body.id },
    })
    assert.notOk(claimed.isError, text(claimed))
    assert.equal((claimed.structuredContent as any).owner_id, actors.agent.id)

    const stolen = await finder.callTool({ name: 'claim_task', arguments: { id: task.body.id } })
    assert.isTrue(stolen.isError)
    assert.include(text(stolen), 'E_ALREADY_CLAIMED')
    assert.include(text(stolen), actors.agent.name)

    const mine = await copywriter.callTool({ name: 'list_tasks', arguments: { mine: true } })
    assert.include(
      (mine.structuredContent as any).items.map((t: any) => t.id),
      task.body.id
    )
    const theirs = await finder.callTool({ name: 'list_tasks', arguments: { mine: true } })
    assert.notInclude(
      (theirs.structuredContent as any).items.map((t: any) => t.id),
      task.body.id
    )

    const moved = await copywriter.callTool({
      name: 'move_task',
      arguments: { id: task.body.id, column: 'doing' },
    })
    assert.notOk(moved.isError, text(moved))
    assert.equal((moved.structuredContent as any).column, 'doing')
    const done = await copywriter.callTool({
      name: 'move_task',
      arguments: { id: task.body.id, column: 'done' },
    })
    assert.isTrue(done.isError)
    assert.include(text(done), '403')
  })

  test('a paused agent reads its controls; every write is refused naming the pause, and nothing is written', async ({
    assert,
  }) => {
    const agent = await makeAgent('copywriter')
    const client = await connect(await tokenOf(agent))
    const paused = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/pause`, {
      reason: 'Budget review',
    })
    assert.equal(paused.status, 200)

    const controls = await client.callTool({ name: 'get_controls', arguments: {} })
    assert.notOk(controls.isError)
    assert.isTrue((controls.structuredContent as any).controls.paused)

    const drafts = await count('drafts')
    const events = await count('task_events')
    const refused = await client.callTool({
      name: 'create_draft',
      arguments: { channel: 'email', draft_type: 'cold_intro', content: 'written while paused' },
    })
    assert.isTrue(refused.isError)
    assert.include(text(refused), 'E_AGENT_PAUSED')
    assert.include(text(refused), 'paused')
    assert.equal(await count('drafts'), drafts)
    assert.equal(await count('task_events'), events)

    await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/kill`)
    const killed = await client.callTool({
      name: 'report_progress',
      arguments: { event_type: 'draft.written', payload: { draft_id: agent.id, version: 1 } },
    })
    assert.isTrue(killed.isError)
    assert.include(text(killed), 'killed')
    assert.equal(await count('task_events'), events + 1) // the kill itself, nothing more
    await client.close()
  })

  test('an agent calling a tool beyond its abilities is refused by the API, with the ability named', async ({
    assert,
  }) => {
    const drafts = await count('drafts')
    const refused = await finder.callTool({
      name: 'create_draft',
      arguments: { channel: 'email', draft_type: 'cold_intro', content: 'not mine to write' },
    })
    assert.isTrue(refused.isError)
    assert.include(text(refused), '403')
    assert.include(text(refused), 'drafts.write')
    assert.equal(await count('drafts'), drafts)

    await assert.rejects(() => finder.callTool({ name: 'decide_draft', arguments: {} }))
  })

  test('people’s tokens and no token are refused; other methods answer 405', async ({ assert }) => {
    const anonymous = await fetch(MCP_URL(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept': 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    })
    assert.equal(anonymous.status, 401)
    await assert.rejects(() => connect(actors.tokens.admin))
    const get = await fetch(MCP_URL(), {
      headers: { authorization: `Bearer ${actors.tokens.agent}` },
    })
    assert.equal(get.status, 405)
  })

  test('a batch of messages is refused whole: one request is one call (rate limits count requests)', async ({
    assert,
  }) => {
    const before = await count('task_events')
    const batch = await fetch(MCP_URL(), {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${actors.tokens.agent}`,
        'content-type': 'application/json',
        'accept': 'application/json, text/event-stream',
      },
      body: JSON.stringify(
        Array.from({ length: 20 }, (_, id) => ({
          jsonrpc: '2.0',
          id,
          method: 'tools/call',
          params: { name: 'list_tasks', arguments: {} },
        }))
      ),
    })
    assert.equal(batch.status, 400)
    const body = (await batch.json()) as { error: { code: number; message: string } }
    assert.equal(body.error.code, -32600)
    assert.match(body.error.message, /one JSON-RPC message per request/)
    assert.equal(await count('task_events'), before)
  })
})
