import { Component, type ReactNode } from 'react'
import { Button } from 'antd'
import { ResultPage } from '../components/result_page'

interface Props {
  /** Changing it (the route) clears the error: moving on to another screen works again. */
  resetKey: string
  children: ReactNode
}

interface State {
  error: Error | null
  resetKey: string
}

/** A screen that throws while rendering shows this instead of blanking the whole app. */
export class ScreenErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null
  }

  componentDidCatch(error: Error) {
    console.error('Screen failed to render', error)
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <ResultPage
        kind="error"
        title="This screen failed to load"
        subTitle={this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      />
    )
  }
}
