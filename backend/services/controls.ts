import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Agent from '#models/agent'
import { AgentStatus } from '#enums/agent_status'

export const GLOBAL_PAUSE = 'global_pause'

export interface GlobalPause {
  paused: boolean
  reason: string | null
  updated_by: string | null
  updated_at: string | null
}

export async function getGlobalPause(client?: QueryClientContract): Promise<GlobalPause> {
  const row = await (client ?? db.connection())
    .from('system_controls')
    .where('key', GLOBAL_PAUSE)
    .first()
  return {
    paused: row?.value?.paused === true,
    reason: row?.value?.reason ?? null,
    updated_by: row?.updated_by ?? null,
    updated_at: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
  }
}

/** What an agent is told about itself: may it write, and if not, why. */
export async function controlsFor(agent: Agent, client?: QueryClientContract) {
  const global = await getGlobalPause(client)
  if (global.paused) {
    return {
      paused: true,
      reason: global.reason ?? 'All agents are paused by an admin',
      scope: 'global' as const,
    }
  }
  if (agent.status === AgentStatus.Paused) {
    return {
      paused: true,
      reason: agent.pauseReason ?? 'This agent is paused by an admin',
      scope: 'agent' as const,
    }
  }
  if (agent.status === AgentStatus.Blocked) {
    return {
      paused: true,
      reason: agent.pauseReason ?? 'This agent was killed by an admin',
      scope: 'agent' as const,
    }
  }
  return { paused: false, reason: null, scope: null }
}
