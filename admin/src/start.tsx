import '@ant-design/v5-patch-for-react-19'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { startEarly } from './early'

/*
| The first pass waits a moment for what the page needs (the session, the
| screen's code, its data: src/early.ts), so that it draws the page whole
| instead of a spinner, the frame, then the screen, each a pass over the
| tree while the rest arrives; never longer than FIRST_PASS_WAIT_MS.
*/
const FIRST_PASS_WAIT_MS = 400

/** Starts the app: renders it into #root (over the server's first frame, if the page has one). */
export function start() {
  const ready = startEarly(window.location.pathname)
  // the server's first frame shows the page meanwhile: it is replaced by the page, not a spinner
  const framed = !!document.getElementById('mc-first-frame')
  const waited = framed
    ? ready
    : Promise.race([ready, new Promise((resolve) => setTimeout(resolve, FIRST_PASS_WAIT_MS))])
  void waited.then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>
    )
  )
}
