import { dataProvider } from './providers/data'
import { API_URL, http } from './providers/http'
import { EARLY_REQUEST, keepEarlyAnswer } from './lib/early_requests'
import { BOARD_AGENTS, boardAnswer, boardColumnQuery } from './pages/board/queries'
import { TASK_COLUMNS } from './lib/tasks'

/**
 * What a page at `pathname` asks for first: the session and, for the Home or
 * the board, its data, each kept for the screen (lib/early_requests.ts).
 * Sent by the page's first script (src/boot.ts); the server asks the same
 * for the board's first frame (src/first_frame.tsx).
 */
export function askEarly(pathname: string): Promise<unknown>[] {
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
