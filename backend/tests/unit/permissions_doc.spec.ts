import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { roleTable, Permission, RoleTable } from '#policies/permissions'
import { START, END, shippedRoleTable } from '#commands/docs_permissions'
import { needs } from '#tests/helpers/plugins'

test.group('Role table', () => {
  test('docs/PERMISSIONS.md shows the role table the server enforces', async ({ assert }) => {
    const text = await readFile(app.makePath('docs/PERMISSIONS.md'), 'utf8')
    const table = text.slice(text.indexOf(START) + START.length, text.indexOf(END)).trim()
    const shipped = (await shippedRoleTable()).render()
    assert.equal(table, shipped, 'run `node ace docs:permissions`')
    // with every plugin enabled (as here), the server enforces that same table
    if (!process.env.PLUGINS) assert.equal(roleTable.render(), shipped)
  })

  needs(
    test('matches the contract on the rules that matter most', ({ assert }) => {
      assert.deepEqual(roleTable.rolesOf('drafts.decide'), ['admin'])
      assert.deepEqual(roleTable.rolesOf(Permission.FinishTasks), ['admin'])
      assert.notInclude(roleTable.rolesOf('leads.export'), 'agent')
      assert.notInclude(roleTable.rolesOf('leads.export'), 'viewer')
      assert.includeMembers(
        [...roleTable.rolesOf(Permission.ReadRecords)],
        ['admin', 'operator', 'closer', 'viewer', 'agent']
      )
    }),
    'leads',
    'drafts'
  )

  needs(
    test("each plugin's permissions join the table under the plugin's name", ({ assert }) => {
      assert.equal(roleTable.ownerOf('leads.write'), 'leads')
      assert.equal(roleTable.ownerOf('drafts.decide'), 'drafts')
      assert.equal(roleTable.ownerOf(Permission.WriteTasks), 'host')
      // writing every field of a lead includes the follow-up fields
      assert.isTrue(roleTable.grants(['leads.write'], 'leads.write_follow_up'))
      assert.isFalse(roleTable.grants(['leads.write_follow_up'], 'leads.write'))
    }),
    'leads',
    'drafts'
  )

  test('a permission another owner declared, a bad name or an unknown role is refused', ({
    assert,
  }) => {
    const table = new RoleTable()
    table.define('a', [{ name: 'a.write', description: 'write a', roles: ['admin'] }])
    // declaring the same again (an app booted twice in one process) changes nothing
    table.define('a', [{ name: 'a.write', description: 'write a', roles: ['admin'] }])
    assert.throws(
      () => table.define('b', [{ name: 'a.write', description: 'write a', roles: ['admin'] }]),
      'permission "a.write" is already declared by "a"'
    )
    assert.throws(
      () => table.define('b', [{ name: 'Write', description: 'x', roles: ['admin'] }]),
      /must be "<area>.<verb>"/
    )
    assert.throws(
      () => table.define('b', [{ name: 'b.x', description: 'x', roles: ['boss' as any] }]),
      /"roles" must list some of admin, operator, closer, viewer, agent/
    )
    assert.throws(
      () =>
        table.define('b', [{ name: 'b.x', description: 'x', roles: ['admin'], includes: ['b.y'] }]),
      'permission "b.x" includes unknown "b.y"'
    )
    assert.deepEqual(table.names(), ['a.write'])
  })
})
