// first: the page's early requests, if its own script (src/boot.ts) has not run already
import './boot'
// the board's first frame (drawn by the server) is styled from the page's first stylesheet
import './pages/board/board.css'
import './first_frame.css'
import '@refinedev/antd/dist/reset.css'

/*
| The app itself (React, antd, Refine: most of the page's script) is a module
| of its own, src/start.tsx, fetched at once (vite.config.ts preloads it).
| When the page came with the board's first frame drawn by the server, this
| script is only added once that frame is on screen (admin/theme.js), so
| evaluating the app here cannot hold the frame's first paint back.
*/
void import('./start')
  .then(({ start }) => start())
  .catch((error: unknown) => {
    // its script could not be loaded (a new deploy, no network): say so rather than stay inert
    console.error(error)
    const root = document.getElementById('root')!
    root.textContent = 'Mission Control could not be loaded. Reload the page to try again.'
    root.setAttribute('role', 'alert')
  })
