import type User from '#models/user'
import type Agent from '#models/agent'

/** Who acts: a person (User) or an agent (Agent). Policies, actions and timeline sources take one. */
export type Actor = User | Agent
