import { test } from '@japa/runner'
import pg from 'pg'
import db from '@adonisjs/lucid/services/db'
import { connectionUrl, databaseSettings } from '#config/database'
import {
  DatabaseTimeoutError,
  guardStatements,
  isDatabaseUnavailable,
  unavailableReason,
} from '#services/database_errors'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

test.group('What counts as "the database is unavailable"', () => {
  test('outage errors of every layer: pool, driver, server, network', ({ assert }) => {
    const knexTimeout = Object.assign(
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
      { name: 'KnexTimeoutError' }
    )
    const unavailable = [
      knexTimeout,
      new Error('Connection terminated unexpectedly'),
      new Error('select * from "tasks" - Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout expired'),
      new Error('Query read timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      new DatabaseTimeoutError(5000),
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('ECONNRESET'),
      withCode('ETIMEDOUT'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P02'),
      withCode('57P03', 'the database system is starting up'),
      withCode('53300', 'sorry, too many clients already'),
      withCode('08006'),
      withCode('57014', 'canceling statement due to statement timeout'),
      // wrapped, as Node's happy eyeballs and some libraries do
      Object.assign(new AggregateError([withCode('ECONNREFUSED')], 'connect failed'), {}),
      new Error('session store failed', { cause: new Error('Connection terminated unexpectedly') }),
    ]
    for (const error of unavailable) {
      assert.isTrue(isDatabaseUnavailable(error), `${error.name}: ${error.message}`)
    }
  })

  test('client mistakes and bugs are not outages', ({ assert }) => {
    const others = [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('23503'),
      withCode('22P02', 'invalid input syntax for type uuid'),
      withCode('42P01', 'relation "nope" does not exist'),
      withCode('40P01', 'deadlock detected'),
      withCode('E_ROW_NOT_FOUND'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('Connection terminated unexpectedly in my own words'),
      null,
      'Connection terminated unexpectedly',
    ]
    for (const error of others) assert.isFalse(isDatabaseUnavailable(error), String(error))
  })

  test('the reason logged is the driver message, not the SQL', ({ assert }) => {
    assert.equal(
      unavailableReason(
        new Error('select * from "tasks" where "id" = $1 - Connection terminated unexpectedly')
      ),
      'Connection terminated unexpectedly'
    )
    assert.equal(
      unavailableReason(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')),
      'connect ECONNREFUSED 127.0.0.1:5432'
    )
    assert.equal(unavailableReason(withCode('57P03', 'starting up')), '57P03: starting up')
  })
})

test.group('Statement timeouts', () => {
  test("requests' connections carry PostgreSQL's statement_timeout; the bulk connection has none", async ({
    assert,
  }) => {
    const setting = `SELECT setting FROM pg_settings WHERE name = 'statement_timeout'`
    const [{ setting: value }] = (await db.rawQuery(setting)).rows
    assert.equal(value, String(databaseSettings.statementTimeoutMs))
    // the bulk connection (migrations, seeding) has none
    const [{ setting: bulk }] = (await db.connection('bulk').rawQuery(setting)).rows
    assert.equal(bulk, '0')
  })

  test('the client gives up on a server that says nothing, and closes that connection', async ({
    assert,
  }) => {
    const client = new pg.Client({ connectionString: connectionUrl() })
    client.on('error', () => {})
    await client.connect()
    guardStatements(client, 200)
    const ended = new Promise((resolve) => client.once('end', resolve))
    const started = Date.now()
    const error = await client.query('select pg_sleep(5)').catch((failure) => failure)
    assert.instanceOf(error, DatabaseTimeoutError)
    assert.isBelow(Date.now() - started, 4000)
    await ended
    // a callback-style statement is guarded the same way
    const other = new pg.Client({ connectionString: connectionUrl() })
    other.on('error', () => {})
    await other.connect()
    guardStatements(other, 200)
    const failure = await new Promise((resolve) =>
      other.query('select pg_sleep(5)', [], (err: unknown) => resolve(err))
    )
    assert.instanceOf(failure, DatabaseTimeoutError)
    // and a statement that answers in time is untouched
    const quick = new pg.Client({ connectionString: connectionUrl() })
    await quick.connect()
    guardStatements(quick, 2000)
    assert.deepEqual((await quick.query('select 1 as one')).rows, [{ one: 1 }])
    assert.deepEqual((await quick.query({ text: 'select $1::int as two', values: [2] })).rows, [
      { two: 2 },
    ])
    await quick.end()
  })
})
