import * as enums from '../../../backend/enums/agent_status'
import type { components } from '#client/api_types'

/** A row of GET /api/agents (`stale`: no heartbeat for AGENT_STALE_SECONDS, 120 s by default). */
export type AgentRecord = components['schemas']['Agent']

/** The API's statuses; `AgentStatus.Paused` names one (the server's enum, whose members are these strings). */
export type AgentStatus = AgentRecord['status']
export const AgentStatus = enums.AgentStatus
export const AGENT_STATUSES: readonly AgentStatus[] = enums.AGENT_STATUSES

/** antd Badge statuses. */
export const AGENT_STATUS_BADGES: Record<
  AgentStatus,
  'default' | 'processing' | 'warning' | 'error'
> = {
  [AgentStatus.Idle]: 'default',
  [AgentStatus.Running]: 'processing',
  [AgentStatus.Paused]: 'warning',
  [AgentStatus.Blocked]: 'error',
}

export const AGENT_STATUS_OPTIONS = AGENT_STATUSES.map((value) => ({ value, label: value }))
