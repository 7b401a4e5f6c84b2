import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { connectionUrl } from '#config/database'
import { SYSTEM } from '#services/change_recorder'
import { generateLeads } from '../seed/lead_generator.js'
import { seedLeads } from '../actions/seed_leads.js'
import { createLeadValidator } from '../validators/lead.js'
import demoLeads, { DEMO_LEADS } from '../seed/demo_leads.js'
import { countersMatchLeads } from './helpers.js'

const run = promisify(execFile)

async function ace(argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['ace', ...argv, '--no-ansi'], {
      cwd: app.makePath(),
      env: { ...process.env, NODE_ENV: 'test', TEST_DATABASE_URL: connectionUrl() },
    })
    return { code: 0, output: `${stdout}\n${stderr}` }
  } catch (error: any) {
    return { code: Number(error.code ?? 1), output: `${error.stdout}\n${error.stderr}` }
  }
}

const seededEvents = () => db.from('task_events').where('event_type', 'leads.seeded').orderBy('id')

test.group('Leads: generated leads and seeding', () => {
  test('the generator is deterministic and its leads pass the API validator', async ({
    assert,
  }) => {
    const now = new Date('2025-06-01T00:00:00Z')
    const a = [...generateLeads({ count: 300, seed: 7, now })]
    const b = [...generateLeads({ count: 300, seed: 7, now })]
    const c = [...generateLeads({ count: 300, seed: 8, now })]
    assert.deepEqual(a, b)
    assert.notDeepEqual(a, c)
    for (const lead of a) {
      await createLeadValidator.validate({ ...lead, last_action_at: undefined })
    }
    assert.equal(new Set(a.map((lead) => lead.website)).size, a.length)
  })

  test('seedLeads inserts in bulk and records one leads.seeded event and audit row', async ({
    assert,
  }) => {
    const source = `seed-${randomUUID().slice(0, 8)}`
    const eventsBefore = (await seededEvents()).length
    const result = await seedLeads(SYSTEM, { count: 2_500, seed: 5, source, batchSize: 1_000 })
    assert.equal(result.inserted, 2_500)
    const [{ n }] = await db.from('leads').where('source', source).count('* as n')
    assert.equal(Number(n), 2_500)

    const events = await seededEvents()
    assert.lengthOf(events, eventsBefore + 1)
    assert.containSubset(events.at(-1).payload, { count: 2_500, requested: 2_500, seed: 5, source })
    const audit = await db
      .from('audit_log')
      .where('action', 'leads.seeded')
      .orderBy('id', 'desc')
      .first()
    assert.equal(audit.actor_type, 'system')
    assert.equal(audit.resource_id, result.batchId)
    assert.isTrue(await countersMatchLeads())

    // a generated lead whose website is already there is skipped, not fatal
    const [{ n: total }] = await db.from('leads').count('* as n')
    // +1: the lead inserted below is counted when seeding starts
    const upcoming = [...generateLeads({ count: 10, seed: 77, from: Number(total) + 1, source })]
    await db.table('leads').insert({ ...upcoming[3], notes: JSON.stringify(upcoming[3].notes) })
    const again = await seedLeads(SYSTEM, { count: 10, seed: 77, source })
    assert.deepEqual([again.inserted, again.skipped], [9, 1])
    assert.isTrue(await countersMatchLeads())
  }).timeout(60_000)

  test('rebuilding the indexes: the same leads, the same indexes, the leads already there skipped', async ({
    assert,
  }) => {
    const indexes = async () =>
      (
        await db.rawQuery(
          `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'leads' ORDER BY indexname`
        )
      ).rows
    const before = await indexes()
    const source = `rebuild-${randomUUID().slice(0, 8)}`
    const [{ total }] = await db.from('leads').count('* as total')
    // the lead the seed is about to generate third is already there
    const upcoming = [...generateLeads({ count: 5, seed: 31, from: Number(total) + 1, source })]
    await db.table('leads').insert({ ...upcoming[2], notes: JSON.stringify(upcoming[2].notes) })

    const result = await seedLeads(SYSTEM, { count: 300, seed: 31, source, rebuildIndexes: true })
    assert.isTrue(result.rebuiltIndexes)
    assert.deepEqual([result.inserted, result.skipped], [299, 1])
    assert.deepEqual(await indexes(), before)
    const [{ n }] = await db.from('leads').where('source', source).count('* as n')
    assert.equal(Number(n), 300)
    assert.isTrue(await countersMatchLeads())
    // the unique indexes are back: a duplicate is refused again
    await assert.rejects(() =>
      db.table('leads').insert({ ...upcoming[2], notes: JSON.stringify(upcoming[2].notes) })
    )
  }).timeout(60_000)

  test('the demo seeder fills an empty table once', async ({ assert }) => {
    await db.rawQuery('DELETE FROM leads')
    assert.isTrue(await countersMatchLeads())
    const before = (await seededEvents()).length

    await demoLeads({} as any)
    const [{ n }] = await db.from('leads').count('* as n')
    assert.equal(Number(n), DEMO_LEADS)
    await demoLeads({} as any)
    const [{ n: again }] = await db.from('leads').count('* as n')
    assert.equal(Number(again), DEMO_LEADS)
    assert.lengthOf(await seededEvents(), before + 1)
  })

  test('node ace seed:leads is found through the plugin and seeds', async ({ assert }) => {
    const source = `cli-${randomUUID().slice(0, 8)}`
    const list = await ace(['list'])
    assert.include(list.output, 'seed:leads')

    const seeded = await ace(['seed:leads', '--count', '1200', '--seed', '3', '--source', source])
    assert.equal(seeded.code, 0, seeded.output)
    assert.match(seeded.output, /Inserted 1,200 leads/)
    assert.match(seeded.output, /100% 1,200\/1,200/)
    const [{ n }] = await db.from('leads').where('source', source).count('* as n')
    assert.equal(Number(n), 1200)

    const refused = await ace(['seed:leads', '--count', '0'])
    assert.equal(refused.code, 1)
    assert.include(refused.output, '--count must be a whole number')
  }).timeout(120_000)
})
