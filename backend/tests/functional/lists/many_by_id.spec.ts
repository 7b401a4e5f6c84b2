/**
 * Many-by-id (`GET /api/<resource>?id=a&id=b...`, Refine's getMany): a
 * screen looks up the records a page of another list points at (a board's
 * cards' leads, a drafts page's leads), so it must answer for a whole page
 * of ids, every one of them, on every list that has ids.
 */
import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { MAX_PAGE_SIZE } from '#services/list_query'
import { makeUser } from '#tests/helpers/users'
import { makeAgent } from '#tests/helpers/agents'
import { Role } from '#enums/roles'
import Task from '#models/task'
import Lead from '../../../../plugins/leads/models/lead.js'
import { LeadScore, LeadStatus } from '../../../../plugins/leads/enums.js'
import { groupNeeds, pluginsEnabled } from '#tests/helpers/plugins'

const query = (ids: string[], extra = '') =>
  ids.map((id) => `id=${encodeURIComponent(id)}`).join('&') + extra

test.group('Many-by-id reads', (group) => {
  groupNeeds(group, 'leads')
  let actors: Actors
  let leadIds: string[]
  let taskIds: string[]

  group.setup(async () => {
    if (!pluginsEnabled('leads')) return
    actors = await makeActors()
    const tag = randomUUID().slice(0, 8)
    const leads = await Lead.createMany(
      Array.from({ length: 60 }, (_, i) => ({
        businessName: `Many ${tag} ${i}`,
        niche: 'dentist',
        region: 'Austin, TX',
        website: `https://many-${tag}-${i}.example.com`,
        source: 'many_by_id_test',
        leadScore: LeadScore.B,
        status: LeadStatus.New,
        notes: [],
      }))
    )
    leadIds = leads.map((lead) => lead.id)
    const tasks = await Task.createMany(
      Array.from({ length: 30 }, (_, i) => ({
        title: `Many ${tag} ${i}`,
        description: '',
        column: 'backlog' as any,
        priority: 'low' as any,
        ownerType: 'admin' as any,
        ownerId: null,
        linkedLeadId: leadIds[i],
        linkedDraftId: null,
        createdBy: actors.users.admin.id,
      }))
    )
    taskIds = tasks.map((task) => task.id)
  })

  test('60 ids without a page size: every one comes back (was 400 from 21 ids, 10 rows below)', async ({
    assert,
  }) => {
    const answer = await call(actors.tokens.closer, 'GET', `/api/leads?${query(leadIds)}`)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.sameMembers(
      answer.body.map((lead: { id: string }) => lead.id),
      leadIds
    )
    assert.equal(answer.headers.get('x-total-count'), '60')
  })

  test('every list with ids answers many-by-id for more than 20 ids', async ({ assert }) => {
    for (let i = 0; i < 25; i++) {
      await makeUser(Role.Viewer)
      await makeAgent()
    }
    const agents = await db.from('agents').select('id').limit(25)
    const users = await db.from('users').select('id').limit(25)
    const cases: [string, string[]][] = [
      ['tasks', taskIds],
      ['agents', agents.map((row) => row.id)],
      ['users', users.map((row) => row.id)],
    ]
    for (const [resource, ids] of cases) {
      assert.isAbove(ids.length, 20, `${resource}: the test needs more than 20 ids`)
      const answer = await call(actors.tokens.admin, 'GET', `/api/${resource}?${query(ids)}`)
      assert.equal(answer.status, 200, `${resource}: ${JSON.stringify(answer.body)}`)
      assert.sameMembers(
        answer.body.map((row: { id: string }) => row.id),
        ids,
        resource
      )
    }
  })

  test('an explicit page still pages; hundreds of ids are fine, more than a page is a clear 422', async ({
    assert,
  }) => {
    const paged = await call(
      actors.tokens.admin,
      'GET',
      `/api/leads?${query(leadIds, '&_start=0&_end=5')}`
    )
    assert.equal(paged.status, 200)
    assert.lengthOf(paged.body, 5)
    assert.equal(paged.headers.get('x-total-count'), '60')

    // 300 ids, most of them unknown (as many as a 12 kB URL holds): the known ones come back
    const many = [...leadIds, ...Array.from({ length: 240 }, () => randomUUID())]
    const full = await call(actors.tokens.admin, 'GET', `/api/leads?${query(many)}`)
    assert.equal(full.status, 200, JSON.stringify(full.body).slice(0, 300))
    assert.lengthOf(full.body, 60)

    // more values than a page holds: refused with a reason, not read as something else
    const over = await call(
      actors.tokens.admin,
      'GET',
      `/api/leads?${query(Array.from({ length: MAX_PAGE_SIZE + 1 }, () => 'x'))}`
    )
    assert.equal(over.status, 422)
    assert.deepEqual(over.body.errors[0], {
      message: `Query parameter "id" is repeated more than ${MAX_PAGE_SIZE} times`,
      field: 'id',
      code: 'E_INVALID_QUERY',
    })
  })
})
