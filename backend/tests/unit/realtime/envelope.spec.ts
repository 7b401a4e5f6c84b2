import { test } from '@japa/runner'
import { ActorType } from '#enums/actor_type'
import { toEnvelope, toResourceMessage } from '#services/realtime'
import type { RecordedEvent } from '#services/change_recorder'

const TASK = '5b0f8f0e-8a3e-4a53-9d36-1f1f1f1f1f1f'
const AGENT = '0c8d3f55-3e0d-4d7e-8f43-2a2a2a2a2a2a'

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    seq: 123,
    action: 'task.moved',
    kind: 'updated',
    entityType: 'task',
    resourceType: 'tasks',
    resourceId: TASK,
    taskId: TASK,
    agentId: AGENT,
    actor: { type: ActorType.Agent, id: AGENT, name: 'copywriter' },
    createdAt: new Date('2026-03-01T10:00:00.000Z'),
    payload: { resource: 'tasks', id: TASK, from: 'backlog', to: 'doing' },
    ...overrides,
  }
}

test.group('Realtime: the envelope', () => {
  test('a recorded event becomes the contract envelope', ({ assert }) => {
    assert.deepEqual(toEnvelope(recorded()), {
      seq: 123,
      id: 'evt_123',
      type: 'task.moved',
      entityType: 'task',
      entityId: TASK,
      taskId: TASK,
      agent: 'copywriter',
      actor: { type: ActorType.Agent, id: AGENT },
      timestamp: '2026-03-01T10:00:00.000Z',
      payload: { resource: 'tasks', id: TASK, from: 'backlog', to: 'doing' },
    })
  })

  test('a person or the system acting: no agent name, even when the event is about an agent', ({
    assert,
  }) => {
    const byUser = toEnvelope(
      recorded({
        action: 'agent.paused',
        entityType: 'agent',
        resourceType: 'agents',
        resourceId: AGENT,
        taskId: null,
        actor: { type: ActorType.User, id: 'u-1' },
      })
    )
    assert.isNull(byUser.agent)
    assert.isNull(byUser.taskId)
    assert.deepEqual(byUser.actor, { type: ActorType.User, id: 'u-1' })
    assert.equal(byUser.entityId, AGENT)

    const bySystem = toEnvelope(recorded({ actor: { type: ActorType.System, id: null } }))
    assert.isNull(bySystem.agent)
    assert.deepEqual(bySystem.actor, { type: ActorType.System, id: null })
  })

  test('the actor name never leaks into actor; a string timestamp is normalised', ({ assert }) => {
    const envelope = toEnvelope(recorded({ createdAt: '2026-03-01 10:00:00+00' as any }))
    assert.notProperty(envelope.actor, 'name')
    assert.equal(envelope.timestamp, '2026-03-01T10:00:00.000Z')
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(envelope)))
  })

  test('resources/<name> messages carry the kind and the id', ({ assert }) => {
    assert.deepEqual(toResourceMessage(recorded()), { type: 'updated', ids: [TASK] })
    assert.deepEqual(toResourceMessage(recorded({ kind: 'deleted' })), {
      type: 'deleted',
      ids: [TASK],
    })
  })
})
