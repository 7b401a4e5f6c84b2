import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useCan } from '@refinedev/core'
import { Alert, App, Popconfirm, Space, Switch, Tooltip, Typography } from 'antd'
import { API_URL, http, toHttpError } from '../providers/http'
import { useEventFeed } from '../realtime/event_feed'
import { formatDateTime } from '../lib/format'

/** GET /api/system/controls → global_pause. */
export interface GlobalPause {
  paused: boolean
  reason: string | null
  updated_by: string | null
  updated_at: string | null
}

/*
| The global pause, shared by the header switch and the banner: loaded once
| from GET /api/system/controls, then kept current by `system.paused` /
| `system.resumed` on the events channel (and reloaded after a reconnect).
*/
let state: GlobalPause | null = null
const listeners = new Set<() => void>()
let loading: Promise<void> | null = null

function set(next: GlobalPause | null) {
  state = next
  listeners.forEach((listener) => listener())
}

function load() {
  loading ??= http
    .get<{ global_pause: GlobalPause }>(`${API_URL}/system/controls`)
    .then(({ data }) => set(data.global_pause))
    .catch(() => undefined)
    .finally(() => {
      loading = null
    })
  return loading
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Only rendered inside the signed-in layout. */
export function useGlobalPause(): GlobalPause | null {
  const read = () => state
  // the same on the server (the board's first frame: src/first_frame.tsx)
  const current = useSyncExternalStore(subscribe, read, read)
  useEffect(() => {
    if (state === null) void load()
  }, [])
  useEventFeed((event) => {
    if (event.type === 'system.paused' || event.type === 'system.resumed') {
      const payload = event.payload as Partial<GlobalPause> & { reason?: string | null }
      set({
        paused: event.type === 'system.paused',
        reason: event.type === 'system.paused' ? (payload.reason ?? null) : null,
        updated_by: event.actor.id,
        updated_at: event.timestamp,
      })
      // The payload is the event's; the controls route has the whole record.
      void load()
    }
  })
  return current
}

/** The header's switch: admins flip it (with confirmation), others see the state. */
export function GlobalPauseSwitch({ compact = false }: { compact?: boolean }) {
  const pause = useGlobalPause()
  const { data: access } = useCan({ resource: 'agents', action: 'control' })
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const canControl = access?.can === true

  const flip = useCallback(async () => {
    if (!pause) return
    setBusy(true)
    try {
      const { data } = await http.post<{ global_pause: GlobalPause }>(
        `${API_URL}/system/${pause.paused ? 'resume' : 'pause'}`,
        pause.paused ? {} : { reason: 'Paused from the admin' }
      )
      set(data.global_pause)
      message.success(data.global_pause.paused ? 'Every agent is paused' : 'Agents resumed')
    } catch (error) {
      message.error(`Could not change the global pause: ${toHttpError(error).message}`)
    } finally {
      setBusy(false)
    }
  }, [pause, message])

  if (!pause) return null
  const label = compact ? null : (
    <Typography.Text type={pause.paused ? 'danger' : 'secondary'}>
      {pause.paused ? 'All agents paused' : 'Agents running'}
    </Typography.Text>
  )
  if (!canControl) {
    return (
      <Space size="small" data-testid="global-pause-state">
        {label}
      </Space>
    )
  }
  return (
    <Space size="small">
      {label}
      <Popconfirm
        title={pause.paused ? 'Resume every agent?' : 'Pause every agent?'}
        description={
          pause.paused
            ? 'Agents may write again (those paused one by one stay paused).'
            : 'Every agent gets 423 on its next write until you resume.'
        }
        okText={pause.paused ? 'Resume' : 'Pause all'}
        okButtonProps={{ danger: !pause.paused }}
        onConfirm={flip}
      >
        <Tooltip title="Global pause">
          <Switch
            data-testid="global-pause-switch"
            checked={pause.paused}
            loading={busy}
            checkedChildren="Paused"
            unCheckedChildren="Pause all"
          />
        </Tooltip>
      </Popconfirm>
    </Space>
  )
}

/** Shown above every page while the global pause is on. */
export function GlobalPauseBanner() {
  const pause = useGlobalPause()
  if (!pause?.paused) return null
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="global-pause-banner"
      message="Every agent is paused"
      description={
        [pause.reason, pause.updated_at && `since ${formatDateTime(pause.updated_at)}`]
          .filter(Boolean)
          .join(' · ') || undefined
      }
      style={{ marginBottom: 16 }}
    />
  )
}
