import { useState } from 'react'
import type { CrudFilters } from '@refinedev/core'
import { useCan, useInvalidate } from '@refinedev/core'
import { generateFilter } from '@refinedev/simple-rest'
import type { AxiosError } from 'axios'
import { Alert, App, Button, Dropdown, Input, Modal, Space, Typography } from 'antd'
import { DeleteOutlined, DownloadOutlined, DownOutlined, EditOutlined } from '@ant-design/icons'
import { API_URL, http, toHttpError } from '@admin/providers/http'
import { LEAD_STATUSES, type LeadStatus } from './shared'

/** The rows a person ticked, or every lead the filters match ("all N matching"). */
export interface LeadSelection {
  ids: string[]
  allMatching: boolean
}

export const NOTHING_SELECTED: LeadSelection = { ids: [], allMatching: false }

/** The server's cap on one action (MAX_BULK_ACTION_ROWS). */
const MAX_ROWS = 10_000

type Action =
  | { action: 'set_status'; status: LeadStatus }
  | { action: 'set_next_step'; next_step: string | null }
  | { action: 'delete' }

interface ActionResult {
  matched: number
  changed: number
  unchanged: number
}

const count = (n: number) => `${n.toLocaleString('en-US')} lead${n === 1 ? '' : 's'}`

function describe(action: Action) {
  if (action.action === 'set_status') return `set the status to "${action.status}"`
  if (action.action === 'set_next_step') {
    return action.next_step ? `set the next step to "${action.next_step}"` : 'clear the next step'
  }
  return 'delete'
}

function done(action: Action, result: ActionResult) {
  const unchanged = result.unchanged ? ` (${result.unchanged} already had it)` : ''
  if (action.action === 'delete') return `${count(result.changed)} deleted`
  if (action.action === 'set_status') {
    return `Status "${action.status}" set on ${count(result.changed)}${unchanged}`
  }
  return `Next step ${action.next_step ? 'set' : 'cleared'} on ${count(result.changed)}${unchanged}`
}

/** Saves a CSV answer as a download. */
function download(data: Blob, name: string) {
  const url = URL.createObjectURL(data)
  const link = Object.assign(document.createElement('a'), { href: url, download: name })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * What can be done with the ticked leads, or with all that match the
 * filters: set a status, set or clear the next step, export, delete (with
 * leads.delete). Each is one request and one recorded change; a confirmed
 * count that no longer holds (leads arrived) changes nothing and says so.
 */
export function LeadBulkBar({
  selection,
  pageCount,
  total,
  filters,
  exportHref,
  onSelectAll,
  onClear,
}: {
  selection: LeadSelection
  /** Rows on the current page, to offer "all N matching" once they are all ticked. */
  pageCount: number
  total: number | undefined
  filters: CrudFilters
  /** The export of every lead the filters match (the list's own export link). */
  exportHref: string
  onSelectAll: () => void
  onClear: () => void
}) {
  const { message, modal } = App.useApp()
  const invalidate = useInvalidate()
  const { data: canEdit } = useCan({ resource: 'leads', action: 'edit' })
  const { data: canDelete } = useCan({ resource: 'leads', action: 'delete' })
  const { data: canExport } = useCan({ resource: 'leads', action: 'export' })
  const [busy, setBusy] = useState(false)
  const [nextStep, setNextStep] = useState<string | null>(null)

  const selected = selection.allMatching ? (total ?? 0) : selection.ids.length
  if (selected === 0 && !selection.allMatching) return null
  const tooMany = selected > MAX_ROWS
  const what = selection.allMatching
    ? `all ${count(selected)} matching the filters`
    : `${count(selected)} selected`

  const run = async (action: Action) => {
    setBusy(true)
    try {
      const body = {
        ...action,
        ...(selection.allMatching
          ? { filter: generateFilter(filters), expected_count: selected }
          : { ids: selection.ids, expected_count: selected }),
      }
      const { data } = await http.post<ActionResult>(`${API_URL}/leads/bulk-actions`, body)
      message.success(done(action, data))
      onClear()
    } catch (failure) {
      const answer = (failure as AxiosError<{ errors?: { code?: string; matched?: number }[] }>)
        .response?.data?.errors?.[0]
      if (answer?.code === 'E_SELECTION_CHANGED') {
        modal.warning({
          title: 'The selection changed',
          content: `It now holds ${count(answer.matched ?? 0)}, not ${count(selected)}: nothing was changed. Look at the list again, then act.`,
        })
      } else {
        message.error(toHttpError(failure).message)
      }
    } finally {
      setBusy(false)
      void invalidate({ resource: 'leads', invalidates: ['list'] })
    }
  }

  const confirm = (action: Action) =>
    modal.confirm({
      title: action.action === 'delete' ? `Delete ${what}?` : `Change ${what}?`,
      content:
        action.action === 'delete'
          ? 'They are removed for everyone, and tasks linked to them lose the link. This cannot be undone.'
          : `This will ${describe(action)} for ${what}.`,
      okText: action.action === 'delete' ? `Delete ${count(selected)}` : 'Apply',
      okButtonProps: {
        'danger': action.action === 'delete',
        'data-testid': 'bulk-confirm',
      },
      onOk: () => run(action),
    })

  const exportSelected = async () => {
    setBusy(true)
    try {
      const { data } = await http.post<Blob>(
        `${API_URL}/leads/export.csv`,
        { ids: selection.ids },
        { responseType: 'blob' }
      )
      download(data, `leads-selected-${new Date().toISOString().slice(0, 10)}.csv`)
    } catch (failure) {
      message.error(toHttpError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Alert
      type="info"
      data-testid="bulk-bar"
      message={
        <Space wrap size="small" style={{ width: '100%' }}>
          <Typography.Text strong data-testid="bulk-count">
            {what}
          </Typography.Text>
          {!selection.allMatching &&
            total !== undefined &&
            total > selected &&
            selected >= pageCount && (
              <Button type="link" size="small" onClick={onSelectAll} data-testid="bulk-select-all">
                Select all {count(total)} matching
              </Button>
            )}
          <Button type="link" size="small" onClick={onClear} data-testid="bulk-clear">
            Clear selection
          </Button>
          {tooMany && (
            <Typography.Text type="warning">
              At most {count(MAX_ROWS)} at once: narrow the filters.
            </Typography.Text>
          )}
          {canEdit?.can && (
            <Dropdown
              trigger={['click']}
              disabled={busy || tooMany}
              menu={{
                items: LEAD_STATUSES.map((status) => ({
                  key: status,
                  label: <span data-testid={`bulk-status-${status}`}>{status}</span>,
                })),
                onClick: ({ key }) => confirm({ action: 'set_status', status: key as LeadStatus }),
              }}
            >
              <Button icon={<EditOutlined />} loading={busy} data-testid="bulk-status">
                Set status <DownOutlined />
              </Button>
            </Dropdown>
          )}
          {canEdit?.can && (
            <Button
              disabled={busy || tooMany}
              onClick={() => setNextStep('')}
              data-testid="bulk-next-step"
            >
              Set next step
            </Button>
          )}
          {canExport?.can &&
            (selection.allMatching ? (
              <Button icon={<DownloadOutlined />} href={exportHref} download>
                Export
              </Button>
            ) : (
              <Button
                icon={<DownloadOutlined />}
                disabled={busy}
                onClick={exportSelected}
                data-testid="bulk-export"
              >
                Export
              </Button>
            ))}
          {canDelete?.can && (
            <Button
              danger
              icon={<DeleteOutlined />}
              disabled={busy || tooMany}
              onClick={() => confirm({ action: 'delete' })}
              data-testid="bulk-delete"
            >
              Delete
            </Button>
          )}
          <Modal
            open={nextStep !== null}
            title={`Next step for ${what}`}
            okText={nextStep ? 'Set' : 'Clear the next step'}
            okButtonProps={{ 'data-testid': 'bulk-next-step-ok' }}
            onCancel={() => setNextStep(null)}
            onOk={() => {
              const value = nextStep?.trim() || null
              setNextStep(null)
              void run({ action: 'set_next_step', next_step: value })
            }}
          >
            <Input
              autoFocus
              maxLength={500}
              placeholder="e.g. Call on Monday (empty clears it)"
              value={nextStep ?? ''}
              onChange={(event) => setNextStep(event.target.value)}
              data-testid="bulk-next-step-input"
            />
          </Modal>
        </Space>
      }
    />
  )
}
