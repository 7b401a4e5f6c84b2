import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useCan, useCustom, useList, useOne, type HttpError } from '@refinedev/core'
import { List } from '@refinedev/antd'
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  List as AntdList,
  Modal,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { Link } from 'react-router'
import './inbox.css'
import { Loading, QueryError } from '@admin/components/states'
import { TextDiff } from '@admin/components/text_diff'
import { hasResource } from '@admin/registry'
import { API_URL, http, type ApiHttpError } from '@admin/providers/http'
import { formatDateTime, formatDuration, shortId, useNow } from '@admin/lib/format'
import type { components } from '#client/api_types'
import { ApprovalAction } from '../enums'
import {
  CHANNEL_LABELS,
  DraftStatus,
  waitingSeconds,
  type DraftRecord,
  type DraftVersion,
} from './shared'
import { ACTION_LABELS, DecisionHistory } from './decision_history'

/** The draft's lead (the leads plugin, which this one depends on). */
type LeadRecord = components['schemas']['Lead']

/** The notes dialog of each decision that takes notes: its title and its button, in full. */
const NOTES_DIALOGS: Partial<Record<ApprovalAction, { title: string; ok: string }>> = {
  [ApprovalAction.ApproveWithNotes]: { title: 'Approve with notes', ok: 'Approve' },
  [ApprovalAction.RequestChanges]: { title: 'Request changes', ok: 'Request changes' },
  [ApprovalAction.Reject]: { title: 'Reject this draft', ok: 'Reject' },
}

/** Below antd's lg breakpoint the inbox is one column: the queue, then the draft. */
const ONE_COLUMN = '(max-width: 991.98px)'

/** The lead a draft is for, beside it. */
function LeadPanel({ id }: { id: string }) {
  const { result: lead, query } = useOne<LeadRecord, HttpError>({
    resource: 'leads',
    id,
    errorNotification: false,
  })
  if (query.isLoading) return <Loading minHeight={120} />
  if (query.isError || !lead)
    return <QueryError title="The lead could not be loaded" error={query.error} />
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="Business">
        {hasResource('leads') ? (
          <Link to={`/leads/show/${lead.id}`}>{lead.business_name}</Link>
        ) : (
          lead.business_name
        )}
      </Descriptions.Item>
      <Descriptions.Item label="Status">
        <Tag>{lead.status}</Tag> {lead.lead_score && <Tag color="blue">{lead.lead_score}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="Niche / region">
        {[lead.niche, lead.region].filter(Boolean).join(' · ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="Contact">
        {[lead.contact_name, lead.contact_role].filter(Boolean).join(', ') || '—'}
        {lead.email && <div>{lead.email}</div>}
      </Descriptions.Item>
      {lead.website && <Descriptions.Item label="Website">{lead.website}</Descriptions.Item>}
      {lead.next_step && <Descriptions.Item label="Next step">{lead.next_step}</Descriptions.Item>}
      {lead.notes && lead.notes.length > 0 && (
        <Descriptions.Item label="Notes">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {lead.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </Descriptions.Item>
      )}
    </Descriptions>
  )
}

type Decide = (
  action: ApprovalAction,
  extra?: { notes?: string; content?: string }
) => Promise<void>

/** The selected draft: its content as a diff against the previous version, and the decisions. */
function DraftPanel({
  draft,
  canDecide,
  decide,
  busy,
  editing,
  setEditing,
  askNotes,
}: {
  draft: DraftRecord
  canDecide: boolean
  decide: Decide
  busy: boolean
  editing: boolean
  setEditing: (on: boolean) => void
  askNotes: (action: ApprovalAction) => void
}) {
  const { result, query } = useCustom<DraftVersion[]>({
    url: `${API_URL}/drafts/${draft.id}/versions`,
    method: 'get',
    config: { query: { _start: 0, _end: 1000 } },
    queryOptions: { queryKey: ['draft-versions', draft.id, draft.current_version] },
    errorNotification: false,
  })
  const versions = Array.isArray(result.data) ? result.data : []
  const current = versions.find((v) => v.version_number === draft.current_version) ?? null
  const previous =
    versions
      .filter((v) => v.version_number < draft.current_version)
      .sort((a, b) => b.version_number - a.version_number)[0] ?? null
  const content = current?.content ?? draft.content ?? ''
  const [edited, setEdited] = useState(content)
  useEffect(() => setEdited(content), [content, editing])

  return (
    <Card
      size="small"
      data-testid="inbox-draft"
      // scrolled to on a phone: below the sticky header, not under it
      style={{ scrollMarginTop: 72 }}
      title={
        <Space wrap>
          <span>
            {CHANNEL_LABELS[draft.channel] ?? draft.channel} · {draft.draft_type}
          </span>
          <Link to={`/drafts/show/${draft.id}`}>#{shortId(draft.id)}</Link>
          <Tag>v{draft.current_version}</Tag>
          {draft.approvals_required > 1 && (
            <Tag color="blue" data-testid="approvals-count">
              {draft.approvals_given} of {draft.approvals_required} approvals
            </Tag>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {query.isError && (
          <QueryError title="The versions could not be loaded" error={query.error} />
        )}
        {editing ? (
          <Input.TextArea
            data-testid="inline-editor"
            autoFocus
            value={edited}
            onChange={(e) => setEdited(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 20 }}
          />
        ) : query.isLoading ? (
          <Loading minHeight={80} />
        ) : (
          <>
            <Typography.Text type="secondary">
              {previous ? `Changes since version ${previous.version_number}` : 'First version'}
              {current?.change_note && ` — “${current.change_note}”`}
            </Typography.Text>
            <TextDiff before={previous?.content ?? null} after={content} />
          </>
        )}
        {canDecide && (
          <Space wrap>
            {editing ? (
              <>
                <Button
                  type="primary"
                  loading={busy}
                  disabled={!edited.trim()}
                  onClick={() => decide(ApprovalAction.EditInlineApprove, { content: edited })}
                >
                  Save and approve
                </Button>
                <Button onClick={() => setEditing(false)}>Cancel</Button>
              </>
            ) : (
              <>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => decide(ApprovalAction.Approve)}
                  data-testid="approve"
                >
                  Approve <Typography.Text keyboard>a</Typography.Text>
                </Button>
                <Button loading={busy} onClick={() => askNotes(ApprovalAction.ApproveWithNotes)}>
                  Approve with notes
                </Button>
                <Button loading={busy} onClick={() => askNotes(ApprovalAction.RequestChanges)}>
                  Request changes <Typography.Text keyboard>c</Typography.Text>
                </Button>
                <Button danger loading={busy} onClick={() => askNotes(ApprovalAction.Reject)}>
                  Reject <Typography.Text keyboard>r</Typography.Text>
                </Button>
                <Button loading={busy} onClick={() => setEditing(true)}>
                  Edit and approve <Typography.Text keyboard>e</Typography.Text>
                </Button>
              </>
            )}
          </Space>
        )}
      </Space>
    </Card>
  )
}

/**
 * The approval inbox: drafts waiting for a decision, oldest first, with how
 * long they have waited; the selected one beside its lead, as a diff
 * against its previous version; keyboard j/k to move, a/r/c/e to decide.
 */
export default function ApprovalInbox() {
  const { message } = App.useApp()
  const now = useNow(30_000)
  const { data: access } = useCan({ resource: 'drafts', action: 'decide' })
  const canDecide = access?.can === true
  const { result, query } = useList<DraftRecord, HttpError>({
    resource: 'drafts',
    filters: [{ field: 'status', operator: 'eq', value: DraftStatus.NeedsApproval }],
    sorters: [{ field: 'submitted_at', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 200 },
  })
  const drafts = useMemo(() => result.data ?? [], [result.data])
  // a notification links to one draft: /inbox?draft=<id>
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('draft')
  )
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState(false)
  const [notesFor, setNotesFor] = useState<ApprovalAction | null>(null)
  const [notes, setNotes] = useState('')
  const selected = drafts.find((d) => d.id === selectedId) ?? drafts[0] ?? null
  // Picking an item shows its draft where the eye is: on a phone (one column,
  // the draft below the queue) the page scrolls to it; on a desktop it is sticky.
  const [reveal, setReveal] = useState(0)
  const pick = (id: string) => {
    setSelectedId(id)
    setReveal((n) => n + 1)
  }
  useEffect(() => {
    if (!reveal || !window.matchMedia(ONE_COLUMN).matches) return
    document.querySelector('[data-testid="inbox-draft"]')?.scrollIntoView({ block: 'start' })
  }, [reveal, selected?.id])
  const index = selected ? drafts.indexOf(selected) : -1

  useEffect(() => setEditing(false), [selected?.id])

  const decide: Decide = useCallback(
    async (action, extra = {}) => {
      if (!selected) return
      setBusy(true)
      const next = drafts[index + 1] ?? drafts[index - 1] ?? null
      try {
        const { data: after } = await http.post<DraftRecord>(
          `${API_URL}/drafts/${selected.id}/decision`,
          {
            action,
            version: selected.current_version,
            ...(extra.notes ? { notes: extra.notes } : {}),
            ...(extra.content !== undefined ? { content: extra.content } : {}),
          }
        )
        message.success(
          after.status === DraftStatus.NeedsApproval
            ? `Your approval is recorded (${after.approvals_given} of ${after.approvals_required}): draft #${shortId(selected.id)} waits for another admin`
            : `${ACTION_LABELS[action]}: draft #${shortId(selected.id)}`
        )
        setNotesFor(null)
        setNotes('')
        setEditing(false)
        setSelectedId(next?.id ?? null)
      } catch (failure) {
        const error = failure as ApiHttpError
        if (error.statusCode === 409 && error.code === 'E_ALREADY_DECIDED') {
          message.warning(
            'Someone else decided first: this draft is no longer waiting. The inbox is refreshed.'
          )
          setNotesFor(null)
          setSelectedId(next?.id ?? null)
        } else if (error.statusCode === 409) {
          message.warning(`${error.message} The inbox is refreshed.`)
        } else {
          message.error(`The decision was not saved: ${error.message}`)
        }
      } finally {
        setBusy(false)
        void query.refetch()
      }
    },
    [selected, drafts, index, message, query]
  )

  const notesRef = useRef<TextAreaRef>(null)
  const askNotes = (action: ApprovalAction) => {
    setNotes('')
    setNotesFor(action)
  }

  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined)
  keys.current = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null
    if (
      event.metaKey ||
      event.ctrlKey ||
      event.altKey ||
      notesFor ||
      editing ||
      busy ||
      (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
    )
      return
    if (event.key === 'j' && drafts.length) {
      setSelectedId(drafts[Math.min(drafts.length - 1, index + 1)].id)
    } else if (event.key === 'k' && drafts.length) {
      setSelectedId(drafts[Math.max(0, index - 1)].id)
    } else if (!canDecide || !selected) {
      return
    } else if (event.key === 'a') {
      void decide(ApprovalAction.Approve)
    } else if (event.key === 'r') {
      askNotes(ApprovalAction.Reject)
    } else if (event.key === 'c') {
      askNotes(ApprovalAction.RequestChanges)
    } else if (event.key === 'e') {
      setEditing(true)
    } else return
    event.preventDefault()
  }
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const notesRequired = notesFor !== ApprovalAction.Reject

  return (
    <List
      title="Approval inbox"
      headerButtons={
        <Typography.Text type="secondary">
          <Typography.Text keyboard>j</Typography.Text>/
          <Typography.Text keyboard>k</Typography.Text> move
        </Typography.Text>
      }
    >
      {query.isLoading ? (
        <Loading />
      ) : query.isError ? (
        <QueryError
          title="The inbox could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : drafts.length === 0 ? (
        <Empty description="Nothing waits for approval. Inbox zero." />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <AntdList
              size="small"
              bordered
              data-testid="inbox-queue"
              header={
                <Typography.Text strong>{drafts.length} waiting, oldest first</Typography.Text>
              }
              dataSource={drafts}
              rowKey="id"
              renderItem={(draft) => {
                const waited = waitingSeconds(draft, now)
                const active = draft.id === selected?.id
                return (
                  <AntdList.Item
                    data-testid={`inbox-item-${draft.id}`}
                    aria-selected={active}
                    onClick={() => pick(draft.id)}
                    style={{
                      cursor: 'pointer',
                      background: active ? 'rgba(22,119,255,0.08)' : undefined,
                    }}
                  >
                    <Space direction="vertical" size={0} style={{ width: '100%' }}>
                      <Space size={4} wrap>
                        <Typography.Text strong>
                          {CHANNEL_LABELS[draft.channel] ?? draft.channel}
                        </Typography.Text>
                        <Typography.Text type="secondary">{draft.draft_type}</Typography.Text>
                        {draft.overdue && <Tag color="red">overdue</Tag>}
                        {draft.approvals_required > 1 && (
                          <Tag color="blue">
                            {draft.approvals_given} of {draft.approvals_required}
                          </Tag>
                        )}
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        waiting {waited === null ? '—' : formatDuration(waited)} · since{' '}
                        {formatDateTime(draft.submitted_at)}
                      </Typography.Text>
                      <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: '100%' }}>
                        {draft.content}
                      </Typography.Text>
                    </Space>
                  </AntdList.Item>
                )
              }}
            />
          </Col>
          {selected && (
            <>
              <Col xs={24} lg={11} className="mc-inbox-sticky">
                <DraftPanel
                  key={selected.id}
                  draft={selected}
                  canDecide={canDecide}
                  decide={decide}
                  busy={busy}
                  editing={editing}
                  setEditing={setEditing}
                  askNotes={askNotes}
                />
              </Col>
              <Col xs={24} lg={6} className="mc-inbox-sticky">
                <Card size="small" title="Lead">
                  {selected.lead_id ? (
                    <LeadPanel id={selected.lead_id} />
                  ) : (
                    <Typography.Text type="secondary">Not linked to a lead</Typography.Text>
                  )}
                </Card>
              </Col>
            </>
          )}
        </Row>
      )}
      {/* what was decided lately, by people and by approval policies (with why) */}
      <div style={{ marginTop: 16 }}>
        <DecisionHistory title="Recently decided" />
      </div>
      <Modal
        open={notesFor !== null}
        title={notesFor ? NOTES_DIALOGS[notesFor]?.title : ''}
        okText={(notesFor && NOTES_DIALOGS[notesFor]?.ok) ?? 'Approve'}
        okButtonProps={{
          danger: notesFor === ApprovalAction.Reject,
          disabled: notesRequired && !notes.trim(),
          loading: busy,
        }}
        onOk={() => notesFor && decide(notesFor, { notes: notes.trim() || undefined })}
        onCancel={() => setNotesFor(null)}
        // the notes take the focus once the dialog is open: typing goes there, Escape closes it
        afterOpenChange={(open) => open && notesRef.current?.focus()}
        destroyOnHidden
      >
        <Input.TextArea
          ref={notesRef}
          autoFocus
          data-testid="decision-notes"
          placeholder={notesRequired ? 'Notes for the writer (required)' : 'Why (optional)'}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          autoSize={{ minRows: 3 }}
        />
      </Modal>
    </List>
  )
}
