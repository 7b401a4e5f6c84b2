import { createElement, lazy, useState, type ComponentType } from 'react'

/**
 * `React.lazy` with a `preload()`: a screen whose code arrived before its
 * first render (the app's start asks for it, src/early.ts) renders at once,
 * in the same pass as the layout, instead of suspending: a lazy component
 * always suspends on its first render, and React then holds the fallback
 * it revealed for up to 300 ms before showing the screen.
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | undefined
  let pending: Promise<{ default: ComponentType }> | undefined
  const preload = () =>
    (pending ??= load().then((module) => {
      loaded = module.default
      return module
    }))
  const Lazy = lazy(preload)
  function Screen() {
    // chosen once per mount: switching from Lazy to the loaded one would remount the screen
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy)
    return createElement(Component)
  }
  return Object.assign(Screen, { preload })
}
