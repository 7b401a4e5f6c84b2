import { createElement, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react'

/**
 * `React.lazy` with a `preload()`: a screen whose code the app's start asked
 * for (src/early.ts) never suspends. If the code is there at its first
 * render, it renders at once, in the same pass as the layout; if it is still
 * on its way, `placeholder` shows until it arrives, as a plain state update.
 * Suspending instead would reveal the Suspense fallback, and React holds a
 * revealed fallback for 300 ms before it shows what replaced it: measured,
 * the board's code arrived 20 ms after the screen's first render and the
 * board showed 300 ms later. A screen nobody preloaded is `React.lazy`.
 */
export function preloadable(
  load: () => Promise<{ default: ComponentType }>,
  placeholder: () => ReactNode = () => null
) {
  let loaded: ComponentType | undefined
  let pending: Promise<{ default: ComponentType }> | undefined
  const preload = () =>
    (pending ??= load().then((module) => {
      loaded = module.default
      return module
    }))
  const Lazy = lazy(preload)
  function Screen() {
    // chosen once per mount, never switched from Lazy to the loaded one (that would remount the screen)
    const [Component, setComponent] = useState<ComponentType | undefined>(
      () => loaded ?? (pending ? undefined : Lazy)
    )
    useEffect(() => {
      if (Component) return
      let mounted = true
      // on arrival the screen; on failure Lazy, which throws the error to the screen's error boundary
      pending!.then(
        () => mounted && setComponent(() => loaded),
        () => mounted && setComponent(() => Lazy)
      )
      return () => {
        mounted = false
      }
    }, [Component])
    return Component ? createElement(Component) : placeholder()
  }
  return Object.assign(Screen, { preload })
}
