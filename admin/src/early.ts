import { dataProvider } from './providers/data'
import { API_URL, http } from './providers/http'
import { fetchMe } from './providers/auth'
import { EARLY_REQUEST } from './lib/early_requests'
import { BOARD_AGENTS, BOARD_COLUMN_QUERIES } from './pages/board/queries'
import { BoardScreen, HomeScreen } from './screens'

/**
 * Started with the app's script, before React renders: the session check,
 * and for the board its code and its data, all at once rather than one
 * after the other (script, then session, then screen code, then data).
 * Requests of a visitor who is not signed in answer 401 and are dropped.
 */
export function startEarly(pathname: string) {
  void fetchMe().catch(() => undefined)
  if (pathname === '/') {
    // the Home: its code, and its one summary of every card's numbers
    void HomeScreen.preload()
    http.get(`${API_URL}/summary`, { headers: EARLY_REQUEST }).catch(() => undefined)
  }
  if (pathname === '/board' || pathname === '/board/') {
    void BoardScreen.preload()
    // each column's first page and count, and the agents that own cards
    for (const query of [...BOARD_COLUMN_QUERIES, BOARD_AGENTS]) {
      dataProvider.getList({ ...query, meta: { headers: EARLY_REQUEST } }).catch(() => undefined)
    }
  }
}
