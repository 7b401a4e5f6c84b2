import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useMenu, type TreeMenuItem } from '@refinedev/core'
import { Empty, Input, Modal, Spin, Tag, Typography, theme, type InputRef } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { API_URL, http } from '../providers/http'
import { checkAccess } from '../providers/access_control'
import { paletteResources, type PaletteResource } from '../registry'
import type { ApiRecord } from '../plugin_api'

/*
| The command palette (Ctrl/Cmd+K): go to any page of the menu, or find a
| record by name through the free-text search (`q`) of every list the
| person may read that declares `palette` (plugin_api.ts). Arrows move,
| Enter opens, Escape closes. Loaded on first use: no weight on first load.
*/

interface Item {
  key: string
  /** A page's resource name (its `list` rights decide whether it is offered). */
  resource?: string
  group: string
  label: string
  detail?: string | null
  path: string
  icon?: ReactNode
}

const PER_RESOURCE = 5
const DEBOUNCE_MS = 200

/** The menu as a flat list of pages (a parent's children after it). */
function pagesOf(items: TreeMenuItem[], into: (Item & { resource: string })[] = []) {
  for (const item of items) {
    if (item.route && item.label) {
      into.push({
        key: `page:${item.route}`,
        resource: item.name,
        group: 'Pages',
        label: item.label,
        path: item.route,
        icon: item.icon,
      })
    }
    pagesOf(item.children ?? [], into)
  }
  return into
}

/** Which of these the person may open (`list` rights), asked once per opening. */
function useAllowed<T extends { resource: string }>(entries: T[], open: boolean) {
  const [allowed, setAllowed] = useState<T[] | null>(null)
  useEffect(() => {
    if (!open) return
    let cancelled = false
    void Promise.all(entries.map((entry) => checkAccess(entry.resource, 'list'))).then(
      (answers) => !cancelled && setAllowed(entries.filter((_, i) => answers[i].can))
    )
    return () => {
      cancelled = true
    }
  }, [entries, open])
  return allowed
}

/** Each searchable list's first matches for `text`, as the person types. */
function useRecordSearch(sources: PaletteResource[] | null, text: string) {
  const [found, setFound] = useState<Item[]>([])
  const [searching, setSearching] = useState(false)
  useEffect(() => {
    const q = text.trim()
    if (!sources || q.length < 2) {
      setFound([])
      setSearching(false)
      return
    }
    const abort = new AbortController()
    setSearching(true)
    const timer = setTimeout(() => {
      void Promise.all(
        sources.map(async (source) => {
          try {
            const { data } = await http.get<ApiRecord[]>(`${API_URL}/${source.resource}`, {
              params: { q, _start: 0, _end: PER_RESOURCE },
              signal: abort.signal,
            })
            return data.map((record): Item => ({
              key: `${source.resource}:${String(record.id)}`,
              group: source.label,
              label: source.title(record) || String(record.id),
              detail: source.detail?.(record),
              path: source.showPath.replace(':id', encodeURIComponent(String(record.id))),
            }))
          } catch {
            return []
          }
        })
      ).then((lists) => {
        if (abort.signal.aborted) return
        setFound(lists.flat())
        setSearching(false)
      })
    }, DEBOUNCE_MS)
    return () => {
      abort.abort()
      clearTimeout(timer)
    }
  }, [sources, text])
  return { found, searching }
}

export default function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const { menuItems } = useMenu()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<InputRef>(null)

  // useMenu hands out a new tree on every render: keep the pages while they are the same
  const menuPages = pagesOf(menuItems)
  const signature = JSON.stringify(menuPages.map((page) => [page.key, page.label, page.resource]))
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const pages = useMemo(() => menuPages, [signature])
  const allowedPages = useAllowed(pages, open)
  const sources = useAllowed(
    useMemo(() => paletteResources(), []),
    open
  )
  const { found: records, searching } = useRecordSearch(sources, text)

  const items = useMemo(() => {
    const q = text.trim().toLowerCase()
    const matchingPages = (allowedPages ?? []).filter(
      (page) => !q || page.label.toLowerCase().includes(q)
    )
    return [...matchingPages, ...records]
  }, [allowedPages, records, text])

  useEffect(() => setActive(0), [text, records.length])
  useEffect(() => {
    if (!open) setText('')
  }, [open])

  const go = (item: Item | undefined) => {
    if (!item) return
    onClose()
    navigate(item.path)
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((i) => Math.min(items.length - 1, i + 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(0, i - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      go(items[active])
    }
  }

  useEffect(() => {
    document.querySelector(`[data-palette-index="${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active])

  let lastGroup = ''
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      closable={false}
      width={600}
      destroyOnHidden
      afterOpenChange={(visible) => visible && input.current?.focus()}
      styles={{ body: { padding: 0 } }}
    >
      <Input
        ref={input}
        size="large"
        variant="borderless"
        prefix={<SearchOutlined />}
        suffix={searching ? <Spin size="small" /> : <Tag>Esc</Tag>}
        placeholder="Go to a page, or find a record by name…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label="Search pages and records"
        data-testid="palette-input"
        autoFocus
      />
      <div
        role="listbox"
        aria-label="Results"
        data-testid="command-palette"
        style={{
          maxHeight: 420,
          overflowY: 'auto',
          borderTop: `1px solid ${token.colorSplit}`,
          padding: 8,
        }}
      >
        {items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              searching ? 'Searching…' : text.trim().length < 2 ? 'Type to search' : 'Nothing found'
            }
          />
        ) : (
          items.map((item, index) => {
            const header = item.group !== lastGroup
            lastGroup = item.group
            return (
              <div key={item.key}>
                {header && (
                  <Typography.Text
                    type="secondary"
                    style={{ display: 'block', fontSize: 12, padding: '6px 8px 2px' }}
                  >
                    {item.group}
                  </Typography.Text>
                )}
                <div
                  role="option"
                  aria-selected={index === active}
                  data-palette-index={index}
                  data-testid="palette-item"
                  data-group={item.group}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => go(item)}
                  style={{
                    display: 'flex',
                    gap: 8,
                    alignItems: 'baseline',
                    padding: '6px 8px',
                    borderRadius: token.borderRadius,
                    cursor: 'pointer',
                    background: index === active ? token.controlItemBgActive : undefined,
                  }}
                >
                  {item.icon && <span>{item.icon}</span>}
                  <span>{item.label}</span>
                  {item.detail && (
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                      {item.detail}
                    </Typography.Text>
                  )}
                </div>
              </div>
            )
          })
        )}
      </div>
    </Modal>
  )
}
