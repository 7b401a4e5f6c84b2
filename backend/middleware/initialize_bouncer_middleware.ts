import { policies } from '#policies/main'
import * as abilities from '#abilities/main'
import pluginHost from '#plugin_host/running'
import { Bouncer } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/* The host's and the plugins' policies in one object, rebuilt only when a plugin adds one. */
let merged: { from: object; policies: typeof policies } | undefined

function allPolicies() {
  const fromPlugins = pluginHost.policies()
  if (merged?.from !== fromPlugins) {
    merged = { from: fromPlugins, policies: { ...fromPlugins, ...policies } as typeof policies }
  }
  return merged.policies
}

/** ctx.bouncer knows the host's policies and every plugin's. */
export default class InitializeBouncerMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    ctx.bouncer = new Bouncer(
      () => ctx.auth.user || null,
      abilities,
      allPolicies()
    ).setContainerResolver(ctx.containerResolver)

    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    bouncer: Bouncer<
      Exclude<HttpContext['auth']['user'], undefined>,
      typeof abilities,
      typeof policies
    >
  }
}
