// first: the page's early requests, if its own script (src/boot.ts) has not run already
import './boot'
import '@ant-design/v5-patch-for-react-19'
import '@refinedev/antd/dist/reset.css'
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

const ready = startEarly(window.location.pathname)
void Promise.race([ready, new Promise((resolve) => setTimeout(resolve, FIRST_PASS_WAIT_MS))]).then(
  () =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>
    )
)
