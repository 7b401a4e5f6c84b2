import { useOne } from '@refinedev/core'
import { Link } from 'react-router'
import { Typography } from 'antd'
import { shortId } from '../../lib/format'

/**
 * A task's linked lead by name. Only rendered when the leads plugin's
 * screens are installed (hasResource('leads')); each row asks for its own
 * lead, and react-query shares repeats.
 */
export function LinkedLead({ id }: { id: string | null }) {
  const { result, query } = useOne<{ id: string; business_name: string }>({
    resource: 'leads',
    id: id ?? undefined,
    queryOptions: { enabled: Boolean(id) },
    errorNotification: false,
  })
  if (!id) return <>—</>
  if (query.isError) return <Typography.Text type="secondary">{shortId(id)}</Typography.Text>
  return <Link to={`/leads/show/${id}`}>{result?.business_name ?? shortId(id)}</Link>
}

/** The agent owning a task, by name. */
export function OwnerAgent({ id }: { id: string }) {
  const { result } = useOne<{ id: string; name: string }>({
    resource: 'agents',
    id,
    errorNotification: false,
  })
  return <Link to={`/agents/show/${id}`}>{result?.name ?? shortId(id)}</Link>
}
