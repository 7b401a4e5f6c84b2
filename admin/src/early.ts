import { dataProvider } from './providers/data'
import { API_URL, http } from './providers/http'
import { fetchMe } from './providers/auth'
import { EARLY_REQUEST, keepEarlyAnswer } from './lib/early_requests'
import { BOARD_AGENTS, boardAnswer, boardColumnQuery } from './pages/board/queries'
import { TASK_COLUMNS } from './lib/tasks'
import { BoardScreen, HomeScreen } from './screens'

/**
 * Started with the app's script, before React renders: the session check,
 * and for the board its code and its data, all at once rather than one
 * after the other (script, then session, then screen code, then data).
 * Requests of a visitor who is not signed in answer 401 and are dropped.
 * Resolves when all of them have answered, or failed.
 */
export function startEarly(pathname: string): Promise<void> {
  const asked: Promise<unknown>[] = [fetchMe()]
  if (pathname === '/') {
    // the Home: its code, and its one summary of every card's numbers
    asked.push(HomeScreen.preload())
    asked.push(http.get(`${API_URL}/summary`, { headers: EARLY_REQUEST }))
  }
  if (pathname === '/board' || pathname === '/board/') {
    asked.push(BoardScreen.preload())
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
  return Promise.allSettled(asked).then(() => undefined)
}
