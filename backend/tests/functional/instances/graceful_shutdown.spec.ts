import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeActors } from '#tests/helpers/actors'
import { exited, freePort, sleep, startInstance } from '#tests/helpers/instances'

test.group('Graceful shutdown', () => {
  test('SIGTERM during a stream of writes: every acknowledged write is stored with its audit row', async ({
    assert,
  }) => {
    const actors = await makeActors()
    const port = await freePort()
    const instance = await startInstance(port)
    const base = `http://127.0.0.1:${port}`
    const acknowledged: string[] = []
    let refused = 0
    let stop = false

    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${base}/api/tasks`, {
            method: 'POST',
            headers: {
              'authorization': `Bearer ${actors.tokens.operator}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ title: `shutdown ${lane}.${i}` }),
          })
          if (response.status === 201)
            acknowledged.push(((await response.json()) as { id: string }).id)
          else await response.arrayBuffer()
        } catch {
          refused++ // the server stopped taking connections: the writer would go to another instance
          if (instance.child.exitCode !== null) return
          await sleep(20)
        }
      }
    }

    const lanes = [0, 1, 2, 3].map(writer)
    await sleep(1500)
    const before = acknowledged.length
    instance.child.kill('SIGTERM')
    const code = await Promise.race([
      exited(instance.child),
      sleep(15_000).then(() => 'hung' as const),
    ])
    stop = true
    await Promise.all(lanes)

    assert.equal(code, 0, instance.output())
    assert.isAbove(before, 5, 'writes were flowing when SIGTERM arrived')
    assert.isAbove(refused, 0, 'the stopped server took no more requests')

    const stored = await db.from('tasks').whereIn('id', acknowledged).count('* as n')
    assert.equal(Number(stored[0].n), acknowledged.length, 'every acknowledged task is stored')
    const audited = await db
      .from('audit_log')
      .where('action', 'task.created')
      .whereIn('resource_id', acknowledged)
      .count('* as n')
    assert.equal(Number(audited[0].n), acknowledged.length, 'and has its audit row')
  }).timeout(90_000)
})
