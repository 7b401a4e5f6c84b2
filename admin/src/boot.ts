import { dataProvider } from './providers/data'
import { API_URL, http } from './providers/http'
import { EARLY_REQUEST, keepEarlyAnswer, setEarlyRequests } from './lib/early_requests'
import { BOARD_AGENTS, boardAnswer, boardColumnQuery } from './pages/board/queries'
import { TASK_COLUMNS } from './lib/tasks'

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
function askEarly(pathname: string): Promise<unknown>[] {
  const asked: Promise<unknown>[] = [http.get(`${API_URL}/auth/me`, { headers: EARLY_REQUEST })]
  if (pathname === '/') {
    // the Home: its one summary of every card's numbers
    asked.push(http.get(`${API_URL}/summary`, { headers: EARLY_REQUEST }))
  }
  if (pathname === '/board' || pathname === '/board/') {
    // each column's first page and count, and the agents that own cards
    for (const [name, query] of [
      ...TASK_COLUMNS.map((column) => [boardAnswer(column), boardColumnQuery(column)] as const),
      [boardAnswer('agents'), BOARD_AGENTS] as const,
    ]) {
      const answer = dataProvider.getList({ ...query, meta: { headers: EARLY_REQUEST } })
      keepEarlyAnswer(name, answer)
      asked.push(answer)
    }
  }
  return asked
}

setEarlyRequests(Promise.allSettled(askEarly(window.location.pathname)).then(() => undefined))
