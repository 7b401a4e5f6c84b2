/**
 * An agent type's declared abilities are the ceiling of what its tokens may
 * do, on every route. The matrix is generated: every registered agent type
 * against every operation of the OpenAPI document that agents may call, with
 * the ability the operation needs (`x-permission`). A new agent type, or a
 * new route of a plugin, is covered without a new test.
 */
import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Agent from '#models/agent'
import pluginHost from '#plugin_host/running'
import { openApiDocument } from '#openapi/main'
import { AGENT_IMPLIED_PERMISSIONS, Permission, roleTable } from '#policies/permissions'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { makeAgent } from '#tests/helpers/agents'
import { needs, pluginsEnabled } from '#tests/helpers/plugins'

interface Operation {
  method: string
  path: string
  permission: Permission
  example?: unknown
  /** `own`: on another's record (the test's are the admin's) an agent gets 403 whatever its type. */
  scope?: 'own'
}

async function agentOperations(): Promise<Operation[]> {
  const document = (await openApiDocument()) as any
  const operations: Operation[] = []
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!operation['x-roles']?.includes('agent') || !operation['x-permission']) continue
      operations.push({
        method: method.toUpperCase(),
        path,
        permission: operation['x-permission'],
        example: operation.requestBody?.content?.['application/json']?.example,
        scope: operation['x-agent-scope'],
      })
    }
  }
  return operations
}

async function historyLength() {
  const [row] = await db.from('task_events').count('* as n')
  return Number(row.n)
}

/** What the type's declaration says about a permission (leads.write includes the follow-up fields). */
/* an ability grants itself and what it includes (`leads.write` includes `leads.import`) */
function declares(abilities: string[], permission: Permission) {
  return AGENT_IMPLIED_PERMISSIONS.has(permission) || roleTable.grants(abilities, permission)
}

test.group('Security: agent abilities are the ceiling of their tokens', (group) => {
  let actors: Actors
  const ids: Record<string, string> = {}

  group.setup(async () => {
    actors = await makeActors()
    const task = await call(actors.tokens.admin, 'POST', '/api/tasks', { title: 'Abilities' })
    ids.tasks = task.body.id
    const lead = await call(actors.tokens.admin, 'POST', '/api/leads', {
      business_name: 'Ability Dental',
      niche: 'dentist',
      region: 'Austin, TX',
      website: `ability-${randomUUID().slice(0, 8)}.example.com`,
    })
    ids.leads = lead.body.id
    const draft = await call(actors.tokens.admin, 'POST', '/api/drafts', {
      channel: 'email',
      draft_type: 'cold_intro',
      content: 'Hello',
    })
    ids.drafts = draft.body.id
  })

  /** The operation's path with real records where the test has them, otherwise an unknown id. */
  function pathOf(operation: Operation, type: string) {
    const resource = operation.path.split('/')[2]
    return operation.path
      .replace('{name}', type)
      .replace(/\{id\}/, ids[resource] ?? randomUUID())
      .replace(/\{[a-z_]+\}/g, randomUUID())
  }

  needs(
    test('every registered agent type against every agent route', async ({ assert }) => {
      const operations = await agentOperations()
      const types = pluginHost.agentTypes()
      assert.isAbove(types.length, 0)
      assert.isTrue(
        operations.some((operation) => operation.method !== 'GET'),
        'the document lists agent writes'
      )
      let refused = 0
      let allowed = 0
      for (const type of types) {
        const agent = await call(actors.tokens.admin, 'POST', '/api/agents', {
          name: `${type.name}-${randomUUID().slice(0, 8)}`,
          type: type.name,
        })
        assert.equal(agent.status, 201, `create an agent of ${type.name}`)
        const minted = await call(
          actors.tokens.admin,
          'POST',
          `/api/agents/${agent.body.id}/tokens`
        )
        const token = minted.body.token as string
        const abilities = type.abilities ?? []

        for (const operation of operations) {
          const what = `${type.name}: ${operation.method} ${operation.path} (${operation.permission})`
          const before = await historyLength()
          const answer = await call(
            token,
            operation.method,
            pathOf(operation, type.name),
            operation.example
          )
          if (declares(abilities, operation.permission) && operation.scope === 'own') {
            // allowed by its abilities, refused on a record that is not its own
            allowed++
            assert.equal(answer.status, 403, `${what} → ${JSON.stringify(answer.body)}`)
            assert.notInclude(answer.body.errors[0].message, 'ability', what)
          } else if (declares(abilities, operation.permission)) {
            allowed++
            assert.notInclude([401, 403], answer.status, `${what} → ${JSON.stringify(answer.body)}`)
            assert.isBelow(answer.status, 500, what)
          } else {
            refused++
            assert.equal(answer.status, 403, `${what} → ${JSON.stringify(answer.body)}`)
            assert.equal(answer.body.errors[0].code, 'E_FORBIDDEN', what)
            assert.include(answer.body.errors[0].message, operation.permission, what)
            assert.equal(await historyLength(), before, `${what} wrote nothing`)
          }
        }
      }
      console.log(
        `    ${types.length} agent types × ${operations.length} agent routes: ${refused} refused (403, nothing written), ${allowed} allowed`
      )
      // without the leads and drafts plugins every route left is one each type may use
      if (pluginsEnabled('leads', 'drafts')) assert.isAbove(refused, 0)
      assert.isAbove(allowed, 0)
    }),
    'orchestrator',
    'lead_finder',
    'enricher',
    'copywriter'
  )

  needs(
    test('the reported holes: an orchestrator writes no leads or drafts, a lead finder no drafts', async ({
      assert,
    }) => {
      const orchestrator = await makeAgent('orchestrator')
      const finder = await makeAgent('lead_finder')
      const tokenOf = async (agent: Agent) => {
        const minted = await call(actors.tokens.admin, 'POST', `/api/agents/${agent.id}/tokens`)
        return minted.body.token as string
      }
      const orchestratorToken = await tokenOf(orchestrator)
      const finderToken = await tokenOf(finder)
      const before = await historyLength()

      const lead = await call(orchestratorToken, 'POST', '/api/leads', {
        business_name: 'Not mine to add',
        niche: 'dentist',
        region: 'Austin, TX',
        website: 'not-mine.example.com',
      })
      assert.equal(lead.status, 403)
      assert.match(lead.body.errors[0].message, /type "orchestrator".*"leads\.write"/)
      for (const token of [orchestratorToken, finderToken]) {
        const draft = await call(token, 'POST', '/api/drafts', {
          channel: 'email',
          draft_type: 'cold_intro',
          content: 'Not mine to write',
        })
        assert.equal(draft.status, 403)
        const submit = await call(token, 'POST', `/api/drafts/${ids.drafts}/submit`)
        assert.equal(submit.status, 403)
      }
      assert.equal(await historyLength(), before)

      /* what they may do still works, and reading is every agent's */
      const task = await call(orchestratorToken, 'POST', '/api/tasks', { title: 'Plan' })
      assert.equal(task.status, 201)
      assert.equal((await call(finderToken, 'GET', `/api/drafts/${ids.drafts}`)).status, 200)
    }),
    'orchestrator',
    'leads',
    'drafts'
  )

  needs(
    test('a token minted with fewer abilities than its type holds only those', async ({
      assert,
    }) => {
      const finder = await makeAgent('lead_finder')
      const narrow = (
        await Agent.accessTokens.create(finder, [Permission.EmitEvents])
      ).value!.release()
      const lead = await call(narrow, 'POST', '/api/leads', {
        business_name: 'Narrow token',
        niche: 'dentist',
        region: 'Austin, TX',
        website: `narrow-${randomUUID().slice(0, 8)}.example.com`,
      })
      assert.equal(lead.status, 403)
      assert.include(lead.body.errors[0].message, 'token was not given the ability "leads.write"')
      const me = await call(narrow, 'GET', '/api/auth/me')
      assert.notInclude(me.body.permissions, 'leads.write')
      assert.include(me.body.permissions, Permission.EmitEvents)
    }),
    'lead_finder',
    'leads'
  )

  needs(
    test("GET /api/auth/me lists what the agent's type lets it do, so the admin can show it", async ({
      assert,
    }) => {
      const orchestrator = await makeAgent('orchestrator')
      const minted = await call(
        actors.tokens.admin,
        'POST',
        `/api/agents/${orchestrator.id}/tokens`
      )
      const me = await call(minted.body.token, 'GET', '/api/auth/me')
      assert.sameMembers(me.body.permissions, [
        Permission.ReadRecords,
        Permission.WriteTasks,
        Permission.EmitEvents,
      ])
    }),
    'orchestrator'
  )

  test('an agent whose type no enabled plugin declares may only read', async ({ assert }) => {
    const retired = await makeAgent('retired_scout')
    const token = (await Agent.accessTokens.create(retired)).value!.release()
    assert.equal((await call(token, 'GET', '/api/tasks')).status, 200)
    const write = await call(token, 'POST', '/api/tasks', { title: 'Still here' })
    assert.equal(write.status, 403)
    assert.include(write.body.errors[0].message, '"retired_scout" is not declared')
  })
})
