import Agent from '#models/agent'
import { AgentStatus } from '#enums/agent_status'
import { randomUUID } from 'node:crypto'

export async function makeAgent(type = 'orchestrator') {
  return Agent.create({
    name: `${type}-${randomUUID().slice(0, 8)}`,
    type,
    status: AgentStatus.Idle,
    metadata: {},
  })
}
