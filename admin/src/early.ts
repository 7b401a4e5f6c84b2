import { fetchMe } from './providers/auth'
import { earlyRequests } from './lib/early_requests'
import { BoardScreen, HomeScreen } from './screens'

/**
 * The app's start, before React renders: the screen's code for the Home and
 * the board, the session (whose request src/boot.ts sent already: fetchMe
 * gets its answer), and the data boot.ts asked for, all at once rather than
 * one after the other (script, then session, then screen code, then data).
 * Resolves when all of them have answered, or failed.
 */
export function startEarly(pathname: string): Promise<void> {
  const asked: Promise<unknown>[] = [fetchMe(), earlyRequests()]
  if (pathname === '/') asked.push(HomeScreen.preload())
  if (pathname === '/board' || pathname === '/board/') asked.push(BoardScreen.preload())
  return Promise.allSettled(asked).then(() => undefined)
}
