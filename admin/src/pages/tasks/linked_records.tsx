import { useOne } from '@refinedev/core'
import { Link } from 'react-router'
import { shortId } from '../../lib/format'

/** The agent owning a task, by name. */
export function OwnerAgent({ id }: { id: string }) {
  const { result } = useOne<{ id: string; name: string }>({
    resource: 'agents',
    id,
    errorNotification: false,
  })
  return <Link to={`/agents/show/${id}`}>{result?.name ?? shortId(id)}</Link>
}
