import { useGetIdentity } from '@refinedev/core'
import { Link } from 'react-router'
import { allows } from '../providers/access_control'
import type { Me } from '../providers/auth'
import { useNames } from '../lib/use_names'
import { shortId } from '../lib/format'

export type ActorType = 'user' | 'agent' | 'system'

export interface ActorNames {
  agent: (id: string) => string | undefined
  user: (id: string) => string | undefined
  /** Whether the viewer may read people's records (users.read). */
  seesPeople: boolean
  /** Whether the viewer may open a person's record (users.manage: the edit page). */
  opensPeople: boolean
}

/**
 * The names of the people and agents who did the listed things: one lookup
 * for each kind, however many rows. People's names (their e-mail) only for
 * those who may read users; agents' for everyone who reads records.
 */
export function useActorNames(actors: readonly { type: string; id: string | null }[]): ActorNames {
  const { data: me } = useGetIdentity<Me>()
  const seesPeople = !!me && allows(me.permissions, 'users', 'show').can
  const opensPeople = !!me && allows(me.permissions, 'users', 'edit').can
  const agent = useNames(
    'agents',
    actors.map((a) => (a.type === 'agent' ? a.id : null)),
    'name'
  )
  const user = useNames(
    'users',
    actors.map((a) => (a.type === 'user' ? a.id : null)),
    'email',
    seesPeople
  )
  return { agent, user, seesPeople, opensPeople }
}

/** Who did it, by name, linking to the person or agent: "copywriter-1", "ann@example.com", "system". */
export function ActorName({
  type,
  id,
  names,
  known,
}: {
  type: ActorType
  id: string | null
  names: ActorNames
  /** A name the row already carries (a live event's agent). */
  known?: string | null
}) {
  if (type === 'system' || !id) return <span>system</span>
  if (type === 'agent') {
    const name = names.agent(id) ?? known ?? `agent ${shortId(id)}`
    return (
      <Link to={`/agents/show/${id}`} data-testid="actor-name">
        {name}
      </Link>
    )
  }
  if (!names.seesPeople) return <span data-testid="actor-name">a person</span>
  const name = names.user(id) ?? `person ${shortId(id)}`
  if (!names.opensPeople) return <span data-testid="actor-name">{name}</span>
  return (
    <Link to={`/users/edit/${id}`} data-testid="actor-name">
      {name}
    </Link>
  )
}
