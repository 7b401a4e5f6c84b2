/*
| The server's clock, as the browser sees it: times on screen come from the
| server ("last update 10:42:07"), and "how long ago" must be measured on the
| same clock, or a browser whose clock is behind shows "in 12 s".
|
| Every API answer carries the server's `Date` header (to the second); the
| offset is the server's time minus the browser's at the middle of the
| request. One sample is off by up to a second (the header's resolution plus
| the trip), so the median of the last few is used.
*/

const SAMPLES = 7
const samples: number[] = []
let offset = 0

/** Records one answer's `Date` header, sent between `sentAt` and `receivedAt` (browser ms). */
export function recordServerDate(date: string | undefined, sentAt: number, receivedAt: number) {
  if (!date) return
  const server = Date.parse(date)
  if (Number.isNaN(server)) return
  // the header is truncated to the second: its middle is the best guess
  const sample = server + 500 - (sentAt + receivedAt) / 2
  samples.push(sample)
  if (samples.length > SAMPLES) samples.shift()
  const sorted = [...samples].sort((a, b) => a - b)
  offset = sorted[Math.floor(sorted.length / 2)]
}

/** Now, on the server's clock (ms since the epoch). */
export function serverNow(): number {
  return Date.now() + offset
}

/** The browser's clock minus the server's, rounded to the second (for diagnostics). */
export function clockSkewSeconds(): number {
  return Math.round(-offset / 1000)
}
