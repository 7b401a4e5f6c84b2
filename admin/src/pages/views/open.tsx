import { useEffect, useRef, useState } from 'react'
import { useLocation, useParams } from 'react-router'
import { useGetIdentity, useGo } from '@refinedev/core'
import { Button, Result } from 'antd'
import { Link } from 'react-router'
import { API_URL, http, toHttpError } from '../../providers/http'
import type { Me } from '../../providers/auth'
import { installed } from '../../registry'
import { Loading } from '../../components/states'
import { viewQuery, writeHiddenColumns, type SavedView } from '../../lib/saved_views'

/** Where a resource's list is (its `list` route), if its screens are installed. */
function listPath(resource: string) {
  return installed()
    .flatMap((plugin) => plugin.resources ?? [])
    .find((entry) => entry.name === resource)?.list?.path
}

/**
 * /views/open/:id: sets the view's columns, then replaces itself with the
 * list's URL carrying the view's filters, sort and page size, so the list
 * starts afresh from them (a link to share, too).
 */
export default function OpenSavedView() {
  const { id } = useParams()
  const { state } = useLocation() as { state: { view?: SavedView } | null }
  const { data: me } = useGetIdentity<Me>()
  const go = useGo()
  const [error, setError] = useState<string | null>(null)
  // what the effect reads without restarting on it: a re-render (a live update, a new `go`)
  // must not cancel a load under way and start it again
  const latest = useRef({ go, state })
  latest.current = { go, state }

  useEffect(() => {
    if (!me || !id) return
    let cancelled = false
    const { state } = latest.current
    const known = state?.view?.id === id ? state.view : null
    const load = known
      ? Promise.resolve(known)
      : http.get<SavedView>(`${API_URL}/saved-views/${encodeURIComponent(id)}`).then((r) => r.data)
    load
      .then((view) => {
        if (cancelled) return
        const path = listPath(view.resource)
        if (!path) {
          setError(`The list of this view (${view.resource}) is not installed here`)
          return
        }
        writeHiddenColumns(me.id, view.resource, view.hidden_columns)
        latest.current.go({ to: path, query: viewQuery(view), type: 'replace' })
      })
      .catch((failure) => !cancelled && setError(toHttpError(failure).message))
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per view and person (see `latest`)
  }, [id, me?.id])

  if (error) {
    return (
      <Result
        status="warning"
        title="This view cannot be opened"
        subTitle={error}
        extra={
          <Link to="/views">
            <Button>All saved views</Button>
          </Link>
        }
      />
    )
  }
  return <Loading />
}
