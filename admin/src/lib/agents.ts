import { AGENT_STATUSES, AgentStatus } from '../../../backend/enums/agent_status'

export { AGENT_STATUSES, AgentStatus }

/** A row of GET /api/agents. */
export interface AgentRecord {
  id: string
  name: string
  type: string
  status: AgentStatus
  current_task_id: string | null
  last_update_at: string | null
  metadata: Record<string, unknown>
  created_at: string
  updated_at: string
  /** No heartbeat for AGENT_STALE_SECONDS (a server setting, 120 s by default). */
  stale: boolean
}

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
