import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import pg from 'pg'
import { DateTime } from 'luxon'
import { call, makeActors, type Actors } from '#tests/helpers/actors'
import Lead from '../models/lead.js'
import { isoFromPgText } from '../services/lead_list.js'
import { newLeadBody } from './helpers.js'

const parseTimestamptz: (text: string) => Date = pg.types.getTypeParser(1184, 'text')

/** PostgreSQL's text for an instant at UTC with `digits` fraction digits (trailing zeros dropped, as it does). */
function pgText(ms: number, micros: number, digits: number) {
  const iso = new Date(ms).toISOString()
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`
    .slice(0, digits)
    .replace(/0+$/, '')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`
}

test.group('Leads list: timestamps', (group) => {
  let actors: Actors
  group.setup(async () => {
    actors = await makeActors()
  })

  test('read from PostgreSQL text, they are what pg and Luxon make of them', ({ assert }) => {
    let seed = 7
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let i = 0; i < 5000; i++) {
      const text = pgText(
        Math.floor(random() * 4_102_444_800_000),
        Math.floor(random() * 1000),
        Math.floor(random() * 7)
      )
      const expected = parseTimestamptz(text).toISOString().replace(/Z$/, '+00:00')
      assert.equal(isoFromPgText(text, true), expected, text)
    }
    // not UTC text, or no UTC server: through pg's parser and Luxon
    assert.equal(isoFromPgText('2026-11-26 11:22:33.5+02', true), '2026-11-26T09:22:33.500+00:00')
    const text = '2026-11-26 09:22:33.123456+00'
    assert.equal(isoFromPgText(text, false), DateTime.fromJSDate(parseTimestamptz(text)).toISO())
    // PostgreSQL's infinities have no ISO form: null, as a Date's JSON would be
    assert.isNull(isoFromPgText('infinity', true))
    assert.isNull(isoFromPgText('-infinity', false))
  })

  test('the list shows each timestamp as the lead itself serializes it', async ({ assert }) => {
    const created = await call(actors.tokens.admin, 'POST', '/api/leads', newLeadBody())
    assert.equal(created.status, 201)
    const id = created.body.id
    for (const [createdAt, updatedAt, lastActionAt] of [
      ['2026-01-01 00:00:00+00', '2026-01-01 00:00:00.999999+00', null],
      ['2025-06-30 23:59:59.000001+00', '2025-12-31 12:00:00.1+00', '2024-02-29 08:15:30.0625+00'],
    ]) {
      await db.from('leads').where('id', id).update({
        created_at: createdAt,
        updated_at: updatedAt,
        last_action_at: lastActionAt,
      })
      const listed = await call(actors.tokens.closer, 'GET', `/api/leads?id=${id}`)
      assert.equal(listed.status, 200)
      const lead = (await Lead.findOrFail(id)).serialize()
      for (const column of ['created_at', 'updated_at', 'last_action_at']) {
        assert.equal(listed.body[0][column], lead[column], column)
      }
    }
  })
})
