import { test } from '@japa/runner'
import { parse } from 'csv-parse/sync'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Lead from '../models/lead.js'
import { LeadScore, LeadStatus } from '../enums.js'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import { EXPORT_COLUMNS, sqlLiteral } from '../services/lead_export.js'

const TEXT = [
  'business_name',
  'niche',
  'region',
  'website',
  'contact_name',
  'contact_role',
  'email',
  'phone',
  'source',
  'next_step',
] as const

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r']

/** What the CSV must hold for a text cell: the value, guarded, or nothing for null. */
function cell(value: string | null) {
  if (value === null) return ''
  return FORMULA_STARTS.includes(value[0]) ? `'${value}` : value
}

async function exportCsv(token: string | null, query = '') {
  const response = await fetch(
    `http://${process.env.HOST}:${process.env.PORT}/api/leads/export.csv${query ? `?${query}` : ''}`,
    { headers: token ? { authorization: `Bearer ${token}` } : {} }
  )
  const text = await response.text()
  const rows =
    response.status === 200
      ? (parse(text, { columns: true, bom: true, relax_quotes: false }) as Record<string, string>[])
      : []
  return { response, text, rows }
}

async function listIds(token: string | null, query: string) {
  const response = await call(token, 'GET', `/api/leads?${query}&_start=0&_end=1000`)
  if (response.status !== 200) throw new Error(`list ${query}: ${response.status}`)
  return (response.body as { id: string }[]).map((lead) => lead.id)
}

test.group('Leads export: CSV', (group) => {
  let actors: Actors
  const tag = randomUUID().slice(0, 8)
  const source = `nasty-${tag}`
  let nasty: Lead[] = []

  group.setup(async () => {
    actors = await makeActors()
    const base = {
      niche: 'Dentists',
      region: 'Austin, TX',
      source,
      leadScore: LeadScore.A,
      status: LeadStatus.New,
      lastActionAt: null,
      contactRole: null,
      phone: null,
      nextStep: null,
      notes: [] as string[],
    }
    const at = (minutes: number) => DateTime.fromISO('2025-03-01T12:00:00.123Z').plus({ minutes })
    // Written straight to the table: the API trims, so it cannot store a leading tab or CR.
    nasty = await Lead.createMany([
      {
        ...base,
        businessName: `Smith, Jones & "Partners" ${tag}`,
        website: `https://smith-${tag}.example/a,b?x="1"`,
        contactName: 'Jean "JJ" Dupont',
        email: `jj-${tag}@example.com`,
        nextStep: 'Line one\nLine two\r\nLine three',
        region: 'Zürich, CH',
        notes: ['Loves 🍕, hates "spam"', 'multi\nline note', '=HYPERLINK("http://evil")'],
        status: LeadStatus.Contacted,
        lastActionAt: at(5),
        createdAt: at(1),
      },
      {
        ...base,
        businessName: `=cmd|' /C calc'!A0 ${tag}`,
        website: `https://formula-${tag}.example`,
        contactName: '+1 555 0100',
        contactRole: '-2',
        email: null,
        phone: '@x',
        nextStep: '\tTabbed step',
        createdAt: at(2),
        leadScore: LeadScore.B,
      },
      {
        ...base,
        businessName: `\rCarriage ${tag}`,
        niche: '👩‍⚕️ Clinics',
        region: 'São Paulo, BR',
        website: `https://emoji-${tag}.example/🚀`,
        contactName: 'Zoë Müller-Łukasiewicz',
        email: `zoe-${tag}@example.com`,
        phone: '+55 11 91234-5678',
        notes: ['@mention first', '- dash first', '+ plus first', '\tTab first'],
        status: LeadStatus.Booked,
        createdAt: at(3),
      },
      {
        ...base,
        businessName: `O'Brien's 100% Pure \\ Back_slash ${tag}`,
        website: `https://obrien-${tag}.example`,
        contactName: null,
        email: `obrien-${tag}@example.com`,
        nextStep: "It's \\N not null; also 'quoted'",
        notes: ['single'],
        createdAt: at(4),
        leadScore: LeadScore.C,
      },
      {
        ...base,
        businessName: `Plain Bakery ${tag}`,
        website: `https://plain-${tag}.example`,
        contactName: 'Plain Person',
        email: `plain-${tag}@example.com`,
        createdAt: at(4),
        status: LeadStatus.Lost,
      },
    ])
    for (const lead of nasty) await lead.refresh()
  })

  test('every value comes back exactly, guarded against formulas, notes as bullets', async ({
    assert,
  }) => {
    const { response, rows, text } = await exportCsv(actors.tokens.closer, `source=${source}`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8')
    assert.match(
      response.headers.get('content-disposition')!,
      /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/
    )
    assert.equal(
      text.split('\n')[0],
      EXPORT_COLUMNS.map(([name]) => name).join(','),
      'a header row'
    )
    assert.lengthOf(rows, nasty.length)

    const byId = new Map(rows.map((row) => [row.id, row]))
    for (const lead of nasty) {
      const row = byId.get(lead.id)!
      assert.exists(row, lead.businessName)
      const stored = await db.from('leads').where('id', lead.id).firstOrFail()
      for (const column of TEXT) {
        assert.equal(row[column], cell(stored[column]), `${column} of ${lead.businessName}`)
      }
      assert.equal(row.lead_score, stored.lead_score)
      assert.equal(row.status, stored.status)
      assert.equal(
        row.notes,
        (stored.notes as string[]).map((note) => `• ${note}`).join('\n'),
        `notes of ${lead.businessName}`
      )
      assert.equal(row.created_at, stored.created_at.toISOString())
      assert.equal(row.updated_at, stored.updated_at.toISOString())
      assert.equal(
        row.last_action_at,
        stored.last_action_at ? stored.last_action_at.toISOString() : ''
      )
    }
    // the guard is visible where it matters
    const formula = byId.get(nasty[1].id)!
    assert.isTrue(formula.business_name.startsWith(`'=cmd`))
    assert.equal(formula.contact_name, `'+1 555 0100`)
    assert.equal(formula.contact_role, `'-2`)
    assert.equal(formula.phone, `'@x`)
    assert.equal(formula.next_step, `'\tTabbed step`)
    assert.equal(formula.email, '')
    assert.isTrue(byId.get(nasty[2].id)!.business_name.startsWith(`'\r`))
  })

  test('the same rows in the same order as the list, for filters, sorts and q', async ({
    assert,
  }) => {
    const queries = [
      `source=${source}`,
      `source=${source}&_sort=business_name&_order=desc`,
      `source=${source}&_sort=business_name&_order=asc`,
      `source=${source}&_sort=status,created_at&_order=desc,asc`,
      `source=${source}&_sort=lead_score,last_action_at&_order=asc,desc`,
      `source=${source}&status_ne=lost&lead_score_lte=B&_sort=created_at`,
      `source=${source}&created_at_gte=2025-03-01T12:02:30Z&_sort=region`,
      `source=${source}&status=new&status=booked&_sort=niche&_order=desc`,
      `q=${encodeURIComponent(`100% Pure \\ Back_slash ${tag}`)}`,
      `q=${encodeURIComponent(`O'Brien's`)}&source=${source}`,
      `q=${encodeURIComponent('"Partners"')}&source=${source}`,
      `q=${encodeURIComponent('%')}&source=${source}`,
      `q=${encodeURIComponent('\\')}&source=${source}`,
      `q=${encodeURIComponent('_')}&source=${source}&_sort=business_name`,
      `business_name_like=${encodeURIComponent("'")}&source=${source}`,
      `q=${encodeURIComponent("'); DROP TABLE leads; --")}`,
      `q=${encodeURIComponent("$1 $$ E'\\'' \\x00")}`,
      `region=${encodeURIComponent('Zürich, CH')}`,
      `niche=${encodeURIComponent('👩‍⚕️ Clinics')}`,
    ]
    for (const query of queries) {
      const expected = await listIds(actors.tokens.closer, query)
      const { response, rows } = await exportCsv(actors.tokens.closer, query)
      assert.equal(response.status, 200, query)
      assert.deepEqual(
        rows.map((row) => row.id),
        expected,
        query
      )
    }
    // what those searches should find, to be sure they were not vacuous
    const find = async (query: string) =>
      (await exportCsv(actors.tokens.admin, query)).rows.map((row) => row.business_name)
    assert.deepEqual(await find(`q=${encodeURIComponent('100%')}&source=${source}`), [
      `O'Brien's 100% Pure \\ Back_slash ${tag}`,
    ])
    assert.deepEqual(await find(`q=${encodeURIComponent('\\')}&source=${source}`), [
      `O'Brien's 100% Pure \\ Back_slash ${tag}`,
    ])
    assert.lengthOf(await find(`q=${encodeURIComponent("O'Brien's")}&source=${source}`), 1)
    assert.lengthOf(await find(`q=${encodeURIComponent('"Partners"')}&source=${source}`), 1)
    assert.lengthOf(await find(`q=${encodeURIComponent("'); DROP TABLE leads; --")}`), 0)
    const [{ n }] = await db.from('leads').where('source', source).count('* as n')
    assert.equal(Number(n), nasty.length, 'the table is still there')
  })

  test('paging does not apply: the export has every matching row', async ({ assert }) => {
    const { rows } = await exportCsv(actors.tokens.admin, `source=${source}&_start=0&_end=2`)
    assert.lengthOf(rows, nasty.length)
  })

  test('bad queries answer like the list: 422, in the JSON error shape', async ({ assert }) => {
    for (const query of ['color=red', '_sort=notes', 'status=won', 'created_at_gte=yesterday']) {
      const { response, text } = await exportCsv(actors.tokens.admin, query)
      assert.equal(response.status, 422, query)
      assert.match(response.headers.get('content-type')!, /application\/json/)
      assert.isArray(JSON.parse(text).errors)
    }
    const nul = await exportCsv(actors.tokens.admin, 'q=a%00b')
    assert.equal(nul.response.status, 422)
  })

  test('values are inlined as escaped SQL literals', ({ assert }) => {
    assert.equal(sqlLiteral("O'Brien"), `'O''Brien'`)
    assert.equal(sqlLiteral('back\\slash'), ` E'back\\\\slash'`)
    assert.equal(sqlLiteral(42), '42')
    assert.equal(sqlLiteral(true), 'TRUE')
    assert.equal(sqlLiteral(null), 'NULL')
    assert.throws(() => sqlLiteral(Number.NaN))
  })
})
