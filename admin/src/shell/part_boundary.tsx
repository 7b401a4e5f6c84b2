import { Component, Suspense, type ReactNode } from 'react'

interface Props {
  /** What shows instead when the part's code could not be loaded or it threw (a new deploy, no network). */
  failed: ReactNode
  /** What shows while its code loads. */
  loading?: ReactNode
  children: ReactNode
}

/**
 * A part of the frame whose code loads on first use (the bell's list, a
 * dialog, the palette): its own Suspense and error boundary, so that a part
 * that cannot load shows `failed` rather than blanking the whole app (the
 * frame is outside the screens' error boundary).
 */
export class LazyPart extends Component<Props, { error: boolean }> {
  state = { error: false }

  static getDerivedStateFromError() {
    return { error: true }
  }

  componentDidCatch(error: Error) {
    console.error('A part of the page failed to load', error)
  }

  render() {
    if (this.state.error) return this.props.failed
    return <Suspense fallback={this.props.loading ?? null}>{this.props.children}</Suspense>
  }
}
