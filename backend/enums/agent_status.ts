export enum AgentStatus {
  Idle = 'idle',
  Running = 'running',
  Paused = 'paused',
  /** Set by kill: the agent stops until an admin resumes it. */
  Blocked = 'blocked',
}

export const AGENT_STATUSES = Object.values(AgentStatus)
