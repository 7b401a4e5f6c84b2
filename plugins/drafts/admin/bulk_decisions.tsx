import { useState } from 'react'
import { useCan, useInvalidate } from '@refinedev/core'
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd'
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons'
import { API_URL, http, toHttpError } from '@admin/providers/http'
import type { DraftRecord } from './shared'

type Decision = 'approve' | 'reject' | 'request_changes'

interface BulkResult {
  decided: number
  refused: number
  results: { id: string; result: 'decided' | 'refused'; status?: string; message?: string }[]
}

/** The server's cap on one bulk decision (MAX_BULK_DECISIONS). */
const MAX_DRAFTS = 100

/** What happened, by the drafts' statuses after it: an approval may await a second admin. */
function summarize(action: Decision, data: BulkResult) {
  const decided = data.results.filter((row) => row.result === 'decided')
  const waiting = decided.filter((row) => row.status === 'needs_approval').length
  const done = `${count(decided.length - waiting)} ${DONE[action]}`
  return waiting > 0 ? `${done}; ${count(waiting)} await a second admin's approval` : done
}

const count = (n: number) => `${n} draft${n === 1 ? '' : 's'}`

const DONE: Record<Decision, string> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'sent back for changes',
}

const TITLES: Record<Decision, string> = {
  approve: 'Approve',
  reject: 'Reject',
  request_changes: 'Request changes on',
}

/**
 * One decision on the ticked drafts waiting for approval (admins): approve
 * after confirming, reject with an optional note, or request changes with a
 * note. The server decides each draft as if alone, on the version shown
 * here; the ones it refuses (decided meanwhile, a newer version, a lead on
 * the do-not-contact list) are listed with the reason.
 */
export function DraftBulkDecisions({
  drafts,
  onClear,
}: {
  drafts: Pick<DraftRecord, 'id' | 'current_version' | 'draft_type'>[]
  onClear: () => void
}) {
  const { message, modal } = App.useApp()
  const invalidate = useInvalidate()
  const { data: canDecide } = useCan({ resource: 'drafts', action: 'decide' })
  const [asking, setAsking] = useState<Decision | null>(null)
  const [notes, setNotes] = useState('')
  const [busy, setBusy] = useState(false)
  if (!canDecide?.can || drafts.length === 0) return null
  const what = count(drafts.length)
  const tooMany = drafts.length > MAX_DRAFTS

  const run = async (action: Decision, note?: string) => {
    setBusy(true)
    try {
      const { data } = await http.post<BulkResult>(`${API_URL}/drafts/bulk-decisions`, {
        action,
        ...(note ? { notes: note } : {}),
        drafts: drafts.map((draft) => ({ id: draft.id, version: draft.current_version })),
      })
      const summary = summarize(action, data)
      if (data.refused === 0) {
        message.success(summary)
      } else {
        const name = new Map(drafts.map((draft) => [draft.id, draft.draft_type]))
        modal.warning({
          title: summary,
          content: (
            <div data-testid="bulk-refused">
              <Typography.Paragraph>
                {count(data.refused)} stayed as they were:
              </Typography.Paragraph>
              <ul style={{ maxHeight: '40vh', overflowY: 'auto', paddingLeft: 20 }}>
                {data.results
                  .filter((row) => row.result === 'refused')
                  .map((row) => (
                    <li key={row.id}>
                      <Typography.Text strong>{name.get(row.id) ?? row.id}</Typography.Text>:{' '}
                      {row.message}
                    </li>
                  ))}
              </ul>
            </div>
          ),
        })
      }
      onClear()
    } catch (failure) {
      message.error(toHttpError(failure).message)
    } finally {
      setBusy(false)
      void invalidate({ resource: 'drafts', invalidates: ['list', 'many', 'detail'] })
    }
  }

  const ask = (action: Decision) => {
    setNotes('')
    setAsking(action)
  }

  return (
    <Alert
      type="info"
      data-testid="draft-bulk-bar"
      message={
        <Space wrap size="small" style={{ width: '100%' }}>
          <Typography.Text strong data-testid="draft-bulk-count">
            {what} selected
          </Typography.Text>
          <Button type="link" size="small" onClick={onClear}>
            Clear selection
          </Button>
          {tooMany && (
            <Typography.Text type="warning">
              At most {MAX_DRAFTS} at once: decide them in parts.
            </Typography.Text>
          )}
          <Button
            icon={<CheckOutlined />}
            loading={busy}
            disabled={tooMany}
            onClick={() => ask('approve')}
            data-testid="draft-bulk-approve"
          >
            Approve
          </Button>
          <Button
            icon={<EditOutlined />}
            disabled={busy || tooMany}
            onClick={() => ask('request_changes')}
            data-testid="draft-bulk-changes"
          >
            Request changes
          </Button>
          <Button
            danger
            icon={<CloseOutlined />}
            disabled={busy || tooMany}
            onClick={() => ask('reject')}
            data-testid="draft-bulk-reject"
          >
            Reject
          </Button>
          <Modal
            open={asking !== null}
            title={asking ? `${TITLES[asking]} ${what}?` : ''}
            okText={asking ? `${TITLES[asking].replace(' on', '')} ${what}` : 'OK'}
            okButtonProps={{
              'danger': asking === 'reject',
              'disabled': asking === 'request_changes' && notes.trim() === '',
              'data-testid': 'draft-bulk-confirm',
            }}
            onCancel={() => setAsking(null)}
            onOk={() => {
              const action = asking!
              setAsking(null)
              void run(action, notes.trim() || undefined)
            }}
          >
            <Typography.Paragraph>
              {asking === 'approve'
                ? 'Each draft is approved on the version listed here. Approval is the end of the line: nothing is sent.'
                : asking === 'reject'
                  ? 'Each draft is rejected, and its author sees the note.'
                  : 'Each draft goes back to its author with this note.'}
            </Typography.Paragraph>
            {asking !== 'approve' && (
              <Input.TextArea
                rows={3}
                maxLength={5000}
                value={notes}
                onChange={(event) => setNotes(event.target.value)}
                placeholder={
                  asking === 'request_changes' ? 'What should change (required)' : 'Why (optional)'
                }
                data-testid="draft-bulk-notes"
              />
            )}
          </Modal>
        </Space>
      }
    />
  )
}
