import { useCallback, useContext } from 'react'
import { matchPath, useLocation, useParams } from 'react-router'
import {
  matchResourceFromRoute,
  QS_PARSE_DEPTH,
  ResourceContext,
  type IResourceItem,
  type RouterProvider,
} from '@refinedev/core'
import routerProvider from '@refinedev/react-router'
import qs from 'qs'

/*
| Refine's router binding (@refinedev/react-router), with the route matched
| once per address instead of once per component.
|
| Every Refine hook a component uses (a list, a record, a name, the logout
| on a 401, a link, an access check) asks the router which resource and
| action the address is, and the binding answers by matching the address
| against every route of every resource, in each component that asks: on
| the board, a few hundred times per render, about a quarter of drawing it
| (measured in the server's first frame, src/first_frame.tsx). The answer
| depends on the resources and the path alone, so it is kept for both.
| What parse returns is the binding's own, field for field.
*/

type Match = ReturnType<typeof matchResourceFromRoute> & {
  /** The route's parameters read from the path (`:id`). */
  routeParams: Record<string, string | undefined>
}

/** The last few paths matched against each list of resources (it changes only with the plugins). */
const matched = new WeakMap<IResourceItem[], Map<string, Match>>()
const KEPT_PATHS = 20

function matchOnce(pathname: string, resources: IResourceItem[]): Match {
  let paths = matched.get(resources)
  if (!paths) matched.set(resources, (paths = new Map()))
  let match = paths.get(pathname)
  if (!match) {
    const found = matchResourceFromRoute(pathname, resources)
    const routeParams = found.matchedRoute
      ? (matchPath(found.matchedRoute, pathname)?.params ?? {})
      : {}
    match = { ...found, routeParams }
    if (paths.size >= KEPT_PATHS) paths.delete(paths.keys().next().value!)
    paths.set(pathname, match)
  }
  return match
}

/** "3" → 3, as the binding gives page numbers and sizes (anything else as it came). */
function numberIfPossible(value: unknown): number | undefined {
  if (typeof value === 'undefined') return value
  const number = Number(value)
  return (`${number}` === value ? number : value) as number
}

const parse: RouterProvider['parse'] = () => {
  let params: Record<string, string | undefined> = useParams()
  const { pathname, search } = useLocation()
  const { resources } = useContext(ResourceContext)
  const { resource, action, matchedRoute, routeParams } = matchOnce(pathname, resources)
  if (Object.keys(params).length === 0 && matchedRoute) params = routeParams
  return useCallback(() => {
    const combined: Record<string, unknown> = {
      ...params,
      ...qs.parse(search, { ignoreQueryPrefix: true, depth: QS_PARSE_DEPTH }),
    }
    return {
      ...(resource && { resource }),
      ...(action && { action }),
      ...(params?.id && { id: decodeURIComponent(params.id) }),
      pathname,
      params: {
        ...combined,
        currentPage: numberIfPossible(combined.currentPage),
        pageSize: numberIfPossible(combined.pageSize),
        to: combined.to ? decodeURIComponent(combined.to as string) : undefined,
      },
    }
  }, [pathname, search, params, resource, action])
}

export const router: RouterProvider = { ...routerProvider, parse }
