import { useEffect, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

/** A card's height before it is measured: a one-line title and a row of tags. */
const CARD_ESTIMATE = 84
const GAP = 8
const ON_SERVER = typeof document === 'undefined'
/** How far down a column the server's first frame draws cards: a tall screen's column shows about this much. */
const FIRST_FRAME_PX = 1000

/**
 * A column's cards in a scroll box of its own, only the visible ones (and a
 * few either side) in the page: a column of 5,000 cards lays out a dozen.
 * Each card is measured once drawn (titles wrap, links add a row). Near the
 * end of what is loaded it asks for the next page.
 */
export function VirtualCards<T extends { id: string }>({
  items,
  render,
  hasMore,
  loadingMore,
  onNearEnd,
}: {
  items: readonly T[]
  render: (item: T) => ReactNode
  hasMore: boolean
  loadingMore: boolean
  onNearEnd: () => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (index) => items[index]?.id ?? 'more',
    overscan: 4,
    gap: GAP,
    // the first paint already holds the first screenful, before the box is measured
    initialRect: { width: 240, height: 900 },
  })
  const rows = virtualizer.getVirtualItems()
  const last = rows.at(-1)?.index ?? -1
  useEffect(() => {
    if (hasMore && !loadingMore && last >= items.length - 8) onNearEnd()
  }, [hasMore, loadingMore, last, items.length, onNearEnd])

  if (ON_SERVER) {
    // the server's first frame (src/first_frame.tsx) measures nothing: the same first cards, in flow
    return (
      <div className="mc-column-scroll">
        <div className="mc-column-flow">
          {rows
            .filter((row) => row.index < items.length && row.start < FIRST_FRAME_PX)
            .map((row) => (
              <div key={row.key}>{render(items[row.index])}</div>
            ))}
        </div>
      </div>
    )
  }
  return (
    <div ref={scroller} className="mc-column-scroll">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="mc-column-row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {row.index < items.length ? (
              render(items[row.index])
            ) : (
              <div className="mc-column-more" data-testid="column-loading-more">
                Loading more…
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  )
}
