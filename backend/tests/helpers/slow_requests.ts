import net from 'node:net'

/**
 * A raw request that sends its headers, then its body a piece every
 * `everyMs` (a slow link, or a client holding the connection on purpose).
 */
export function trickle(head: string, pieces: string[], everyMs: number, keepAlive = false) {
  const socket = net.connect(Number(process.env.PORT), process.env.HOST!)
  let answer = ''
  socket.on('data', (chunk) => (answer += chunk.toString()))
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  const length = pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0)
  socket.write(
    `${head}Content-Length: ${length}\r\nConnection: ${keepAlive ? 'keep-alive' : 'close'}\r\n\r\n`
  )
  let next = 0
  const timer = setInterval(() => {
    if (next >= pieces.length || socket.destroyed) return clearInterval(timer)
    socket.write(pieces[next++])
  }, everyMs)
  return { closed, answer: () => answer, stop: () => clearInterval(timer) }
}

/** Sets HTTP_BODY_TIMEOUT_SECONDS for one test (read on each request). */
export function bodyTimeout(seconds: string, cleanup: (fn: () => void) => void) {
  const previous = process.env.HTTP_BODY_TIMEOUT_SECONDS
  process.env.HTTP_BODY_TIMEOUT_SECONDS = seconds
  cleanup(() => {
    if (previous === undefined) delete process.env.HTTP_BODY_TIMEOUT_SECONDS
    else process.env.HTTP_BODY_TIMEOUT_SECONDS = previous
  })
}
