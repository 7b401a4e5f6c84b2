import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Role } from '#enums/roles'
import { makeUser, PASSWORD } from '#tests/helpers/users'
import { BrowserSession } from '#tests/helpers/browser_session'
import { exited, freePort, startInstance } from '#tests/helpers/instances'

const TWO_HOURS = 2 * 3600_000

/** The session id inside the signed `mc_session` cookie (`s:<base64url JSON>.<signature>`). */
function sessionId(browser: BrowserSession) {
  const signed = decodeURIComponent(browser.cookie('mc_session')!).slice(2).split('.')[0]
  return JSON.parse(Buffer.from(signed, 'base64url').toString()).message as string
}

async function expiresAt(id: string) {
  const row = await db.from('sessions').where('id', id).select('expires_at').first()
  return row ? new Date(row.expires_at).getTime() : null
}

/* an API instance with the production session store (PostgreSQL; the tests' own is in memory) */
test.group('Session expiry', (group) => {
  let base: string
  group.setup(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const { child } = await startInstance(port, { SESSION_DRIVER: 'database' })
    return async () => {
      child.kill('SIGKILL')
      await exited(child)
    }
  })

  /** A browser signed in as `email` on that instance, and its session's id. */
  async function signedIn(email: string) {
    const browser = new BrowserSession(base)
    const login = await browser.post('/api/auth/login', { email, password: PASSWORD })
    if (login.status !== 200) throw new Error(`login answered ${login.status}`)
    return { browser, id: sessionId(browser) }
  }

  test('requests move a session on at most once a minute; an idle one ends two hours after its last move', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Viewer)
    const { browser, id } = await signedIn(user.email)
    const first = await expiresAt(id)
    assert.closeTo(first!, Date.now() + TWO_HOURS, 10_000)

    // within the minute: answered, the row left as it was (the library wrote it on every request)
    for (let i = 0; i < 3; i++) assert.equal((await browser.get('/api/auth/me')).status, 200)
    assert.equal(await expiresAt(id), first)

    // last moved two minutes ago: the next request moves it on to two hours from now
    await db
      .from('sessions')
      .where('id', id)
      .update({ expires_at: new Date(first! - 120_000) })
    const before = Date.now()
    assert.equal((await browser.get('/api/auth/me')).status, 200)
    const moved = await expiresAt(id)
    assert.isAtLeast(moved!, before + TWO_HOURS)
    assert.isAtMost(moved!, Date.now() + TWO_HOURS)

    // past its expiry: refused, and for good (the next request finds no signed-in session either)
    await db
      .from('sessions')
      .where('id', id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    for (let i = 0; i < 2; i++) {
      const late = await browser.get('/api/auth/me')
      assert.equal(late.status, 401)
      assert.equal(late.body.errors[0].code, 'E_UNAUTHORIZED')
    }
  })

  test('a session that changes is still written at once, and logout still ends it', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Admin)
    const { browser, id } = await signedIn(user.email)
    const data = async () =>
      (await db.from('sessions').where('id', id).select('data').first())?.data

    // a password change writes the session's new credentials stamp within the minute (left unwritten,
    // the session would be ended as one from before the change: 401 E_SESSION_ENDED)
    const stamped = await data()
    const changed = await browser.post('/api/auth/password', {
      current_password: PASSWORD,
      password: 'a quiet harbour at dawn',
    })
    assert.equal(changed.status, 204)
    assert.notEqual(await data(), stamped)
    assert.equal((await browser.get('/api/auth/me')).status, 200)

    // logout is a change too: written at once, so the cookie as it was is worthless right away
    const cookie = browser.cookie('mc_session')!
    assert.equal((await browser.post('/api/auth/logout')).status, 204)
    assert.equal((await browser.get('/api/auth/me')).status, 401)
    const replayed = new BrowserSession(base)
    replayed.setCookie('mc_session', cookie)
    assert.equal((await replayed.get('/api/auth/me')).status, 401)
  })

  test('a session whose stored data was altered, or that belongs to another id, signs no one in', async ({
    assert,
  }) => {
    const user = await makeUser(Role.Operator)
    const { browser, id } = await signedIn(user.email)
    assert.equal((await browser.get('/api/auth/me')).status, 200)

    // another signed-in session's data put under this id: its purpose (the id it was made for) differs
    const other = await signedIn(user.email)
    const theirs = await db.from('sessions').where('id', other.id).select('data').first()
    await db.from('sessions').where('id', id).update({ data: theirs.data })
    assert.equal((await browser.get('/api/auth/me')).status, 401)
    assert.equal((await other.browser.get('/api/auth/me')).status, 200)

    const again = await signedIn(user.email)
    await db.from('sessions').where('id', again.id).update({ data: 'not a session' })
    assert.equal((await again.browser.get('/api/auth/me')).status, 401)
  })
})
