import { setEarlyRequests, setPageAnswers, type PageAnswer } from './lib/early_requests'
import { askEarly } from './first_asks'

/*
| The page's first script: the HTTP client and the board's queries (no React,
| no antd; 24 kB compressed, most of it axios), built as an entry of its own and placed before
| the app's script (vite.config.ts). It asks for what the page will need, the
| session and, for the Home or the board, its data, while the app's script
| still loads and starts (about a second on a small machine), instead of
| after it. The app's start (src/early.ts) waits for these answers, and the
| screens take them (lib/early_requests.ts): nothing is asked for twice.
| Requests of a visitor who is not signed in answer 401 and are dropped.
*/
/*
| A signed-in load of the board comes with its first frame drawn by the
| server, and the answers it was drawn from (backend/services/first_frame.ts),
| in the page before this script: those requests are answered from them, not
| sent again.
*/
const inPage = document.getElementById('mc-page-answers')
if (inPage?.textContent) {
  try {
    setPageAnswers(JSON.parse(inPage.textContent) as Record<string, PageAnswer>)
  } catch {
    /* not ours to fail on: the requests go to the server */
  }
}

setEarlyRequests(Promise.allSettled(askEarly(window.location.pathname)).then(() => undefined))
