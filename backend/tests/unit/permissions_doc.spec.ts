import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { renderRoleTable, ROLE_TABLE, Permission } from '#policies/permissions'
import { START, END } from '#commands/docs_permissions'

test.group('Role table', () => {
  test('docs/PERMISSIONS.md shows the role table the server enforces', async ({ assert }) => {
    const text = await readFile(app.makePath('docs/PERMISSIONS.md'), 'utf8')
    const table = text.slice(text.indexOf(START) + START.length, text.indexOf(END)).trim()
    assert.equal(table, renderRoleTable(), 'run `node ace docs:permissions`')
  })

  test('matches the contract on the rules that matter most', ({ assert }) => {
    assert.deepEqual(ROLE_TABLE[Permission.DecideDrafts], ['admin'])
    assert.deepEqual(ROLE_TABLE[Permission.FinishTasks], ['admin'])
    assert.notInclude(ROLE_TABLE[Permission.ExportLeads], 'agent')
    assert.notInclude(ROLE_TABLE[Permission.ExportLeads], 'viewer')
    assert.includeMembers(
      [...ROLE_TABLE[Permission.ReadRecords]],
      ['admin', 'operator', 'closer', 'viewer', 'agent']
    )
  })
})
