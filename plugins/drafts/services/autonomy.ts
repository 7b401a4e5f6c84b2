/**
 * Earned autonomy: an agent's record, computed from its drafts and the
 * decisions people took on them (docs/AUTONOMY.md), and whether it
 * qualifies under the approval policy of its type and a draft's kind.
 *
 * The record counts outcomes, not rows: each stay of a draft in the queue
 * ends in one (approved untouched, approved with notes, edited by the
 * approver, changes requested, rejected). In a kind that needs two admins,
 * the first approval and the second make one outcome. Decisions of a
 * policy never count: autonomy is earned from people only.
 */
import { diffChars, diffLines } from 'diff'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { StrictValues } from '@adonisjs/lucid/types/querybuilder'
import { DateTime } from 'luxon'
import ApprovalPolicy from '../models/approval_policy.js'
import AgentAutonomy from '../models/agent_autonomy.js'
import { ApprovalAction, DraftChannel, PolicyMode } from '../enums.js'

export type Client = QueryClientContract

/** A policy as an approval and its evidence quote it (the rule applied, as it stood). */
export interface PolicyRules {
  id: string
  agent_type: string
  channel: DraftChannel | null
  mode: PolicyMode
  min_decided: number
  min_clean_rate: number
  no_rejection_in_last: number
  required_approvals: number
}

export function policyRules(policy: ApprovalPolicy): PolicyRules {
  return {
    id: policy.id,
    agent_type: policy.agentType,
    channel: policy.channel,
    mode: policy.mode,
    min_decided: policy.minDecided,
    min_clean_rate: policy.minCleanRate,
    no_rejection_in_last: policy.noRejectionInLast,
    required_approvals: policy.requiredApprovals,
  }
}

/** The policy for a draft of this agent type and kind: the kind's own, else the type's "any kind", else none. */
export async function policyFor(client: Client, agentType: string, channel: DraftChannel) {
  return ApprovalPolicy.query({ client })
    .where('agent_type', agentType)
    .where((q) => q.where('channel', channel).orWhereNull('channel'))
    .orderByRaw('(channel IS NULL)')
    .first()
}

/** How many different admins must approve a draft of this author type and kind (1 without a policy). */
export async function requiredApprovals(
  client: Client,
  agentType: string | null,
  channel: DraftChannel
) {
  if (!agentType) return 1
  return (await policyFor(client, agentType, channel))?.requiredApprovals ?? 1
}

export interface AgentRecord {
  /** Decisions after this moment count (the last demotion); null: all of them. */
  since: string | null
  /** The drafts it covers: one kind, or null for every kind. */
  channel: DraftChannel | null
  /** Outcomes decided by people. */
  decided: number
  /** Approved with no inline edit and no requested change (notes or not). */
  clean_approvals: number
  /** clean_approvals / decided; null before any decision. */
  clean_rate: number | null
  /** Of the clean approvals, those with notes for the writer. */
  approved_with_notes: number
  /** Approved after an admin edited the text. */
  inline_edits: number
  /**
   * How much the admins' inline edits changed its text, on average: the
   * share of characters not kept (0 untouched, 1 rewritten); null without edits.
   */
  avg_edit_share: number | null
  changes_requested: number
  rejections: number
  /** Its latest rejection, whenever it was (also before `since`). */
  last_rejection_at: string | null
  /** Rejections among the last `recent_window` outcomes. */
  recent_rejections: number
  recent_window: number
  /** Approved by a policy since `since` (shown, never counted). */
  auto_approved: number
}

/** Approvals of a kind that needs several admins count once, with the one that completed them. */
const FINAL = `(a.action IN ('reject', 'request_changes') OR a.approvals_required IS NULL OR a.approval_count >= a.approvals_required)`

const RECORD_SQL = `
WITH decisions AS (
  SELECT a.id, a.draft_id, a.action, a.decided_at, ${FINAL} AS final
  FROM approvals a JOIN drafts d ON d.id = a.draft_id
  WHERE d.created_by = ? AND NOT a.auto
    AND (?::text IS NULL OR d.channel = ?::text)
    AND (?::timestamptz IS NULL OR a.decided_at > ?::timestamptz)
), staged AS (
  -- each stay in the queue: the rows up to the final one that ended it (a pending first approval has 0)
  SELECT *, count(*) FILTER (WHERE final)
    OVER (PARTITION BY draft_id ORDER BY decided_at DESC, id DESC) AS stay
  FROM decisions
), outcomes AS (
  SELECT max(decided_at) AS at,
    CASE WHEN bool_or(action = 'reject') THEN 'rejected'
         WHEN bool_or(action = 'request_changes') THEN 'changes_requested'
         WHEN bool_or(action = 'edit_inline_approve') THEN 'edited'
         WHEN bool_or(action = 'approve_with_notes') THEN 'with_notes'
         ELSE 'clean' END AS outcome
  FROM staged WHERE stay > 0 GROUP BY draft_id, stay
), ranked AS (
  SELECT *, row_number() OVER (ORDER BY at DESC) AS recent FROM outcomes
)
SELECT count(*)::int AS decided,
  count(*) FILTER (WHERE outcome IN ('clean', 'with_notes'))::int AS clean,
  count(*) FILTER (WHERE outcome = 'with_notes')::int AS with_notes,
  count(*) FILTER (WHERE outcome = 'edited')::int AS edited,
  count(*) FILTER (WHERE outcome = 'changes_requested')::int AS changes_requested,
  count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected,
  count(*) FILTER (WHERE outcome = 'rejected' AND recent <= ?)::int AS recent_rejections,
  (SELECT count(*)::int FROM approvals a JOIN drafts d ON d.id = a.draft_id
    WHERE d.created_by = ? AND a.auto
      AND (?::text IS NULL OR d.channel = ?::text)
      AND (?::timestamptz IS NULL OR a.decided_at > ?::timestamptz)) AS auto_approved,
  (SELECT max(a.decided_at) FROM approvals a JOIN drafts d ON d.id = a.draft_id
    WHERE d.created_by = ? AND a.action = 'reject'
      AND (?::text IS NULL OR d.channel = ?::text)) AS last_rejection_at
FROM ranked`

/* The inline edits measured for avg_edit_share: the latest ones, each diff cut short if slow. */
const EDITS_MEASURED = 20
const DIFF_TIMEOUT_MS = 100

/**
 * The share of `before`'s and `after`'s characters that the edit did not
 * keep: 1 - kept / the longer text's length.
 */
export function editShare(before: string, after: string): number {
  const longest = Math.max(before.length, after.length)
  if (longest === 0) return 0
  // a character diff of long, very different texts is slow: past the timeout, by lines
  const parts =
    diffChars(before, after, { timeout: DIFF_TIMEOUT_MS }) ?? diffLines(before, after) ?? []
  const kept = parts
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.value.length, 0)
  return Math.min(1, Math.max(0, 1 - kept / longest))
}

const iso = (value: Date | string | null | undefined) =>
  value ? DateTime.fromJSDate(new Date(value)).toUTC().toISO() : null

/**
 * An agent's record since `since` (null: ever), over one kind of draft or
 * all of them, with the rejections among its last `recentWindow` outcomes.
 * `edits`: also measure how much admins' inline edits changed its text.
 */
export async function agentRecord(
  client: Client,
  agentId: string,
  options: {
    since: DateTime | null
    channel: DraftChannel | null
    recentWindow: number
    edits?: boolean
  }
): Promise<AgentRecord> {
  const since = options.since?.toISO() ?? null
  const channel = options.channel
  const {
    rows: [row],
  } = await client.rawQuery(RECORD_SQL, [
    agentId,
    channel,
    channel,
    since,
    since,
    options.recentWindow,
    agentId,
    channel,
    channel,
    since,
    since,
    agentId,
    channel,
    channel,
  ] as StrictValues[])
  let avgEditShare: number | null = null
  if (options.edits && row.edited > 0) {
    const edits = await client
      .from('approvals as a')
      .join('drafts as d', 'd.id', 'a.draft_id')
      .join('draft_versions as v', (join) =>
        join.on('v.draft_id', 'a.draft_id').andOn('v.version_number', 'a.version')
      )
      .where('d.created_by', agentId)
      .where('a.action', ApprovalAction.EditInlineApprove)
      .where('a.auto', false)
      .whereNotNull('a.editor_content')
      .if(channel, (q) => q.where('d.channel', channel!))
      .if(since, (q) => q.where('a.decided_at', '>', since!))
      .orderBy('a.decided_at', 'desc')
      .limit(EDITS_MEASURED)
      .select('v.content as before', 'a.editor_content as after')
    if (edits.length) {
      const shares = edits.map((edit) => editShare(edit.before, edit.after))
      avgEditShare = round(shares.reduce((sum, share) => sum + share, 0) / shares.length)
    }
  }
  return {
    since: iso(since),
    channel,
    decided: row.decided,
    clean_approvals: row.clean,
    clean_rate: row.decided ? round(row.clean / row.decided) : null,
    approved_with_notes: row.with_notes,
    inline_edits: row.edited,
    avg_edit_share: avgEditShare,
    changes_requested: row.changes_requested,
    rejections: row.rejected,
    last_rejection_at: iso(row.last_rejection_at),
    recent_rejections: row.recent_rejections,
    recent_window: options.recentWindow,
    auto_approved: row.auto_approved,
  }
}

const round = (value: number) => Math.round(value * 10_000) / 10_000

export interface Check {
  rule: 'min_decided' | 'min_clean_rate' | 'no_rejection_in_last'
  required: number
  actual: number | null
  ok: boolean
}

/** Each threshold of an auto-approve policy against a record (computed with its kind and window). */
export function evaluate(rules: PolicyRules, record: AgentRecord) {
  const clean = record.decided ? record.clean_approvals / record.decided : null
  const checks: Check[] = [
    {
      rule: 'min_decided',
      required: rules.min_decided,
      actual: record.decided,
      ok: record.decided >= rules.min_decided,
    },
    {
      rule: 'min_clean_rate',
      required: rules.min_clean_rate,
      actual: record.clean_rate,
      ok: clean !== null && clean >= rules.min_clean_rate,
    },
  ]
  if (rules.no_rejection_in_last > 0) {
    checks.push({
      rule: 'no_rejection_in_last',
      required: rules.no_rejection_in_last,
      actual: record.recent_rejections,
      ok: record.recent_rejections === 0,
    })
  }
  return { qualifies: checks.every((check) => check.ok), checks }
}

/** What a check says, in words (the admin's record panel, the docs). */
export function describeCheck(check: Check): string {
  switch (check.rule) {
    case 'min_decided':
      return `${check.actual} of ${check.required} decisions needed`
    case 'min_clean_rate':
      return `clean approvals ${pct(check.actual)}, ${pct(check.required)} needed`
    case 'no_rejection_in_last':
      return `${check.actual} rejected in the last ${check.required}`
  }
}

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`)

/** The agent's autonomy state, or null (never demoted nor revoked). */
export function autonomyState(client: Client, agentId: string) {
  return AgentAutonomy.query({ client }).where('agent_id', agentId).first()
}

/* The advisory lock space of agents' autonomy (the second key is the agent). */
const LOCK_SPACE = 0x4d43_0a01

/**
 * Serializes what decides an agent's autonomy: a submit reads it (shared),
 * a revocation, a restore or a demotion changes it (exclusive). A draft
 * submitted while an admin revokes is decided after the revocation commits.
 */
export async function lockAutonomy(client: Client, agentId: string, exclusive: boolean) {
  await client.rawQuery(
    `SELECT ${exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}(?, hashtext(?))`,
    [LOCK_SPACE, agentId]
  )
}

export interface PolicyStanding {
  policy: PolicyRules
  record: AgentRecord | null
  qualifies: boolean
  checks: Check[]
}

/** Each policy of the agent's type and how its record stands against it. */
export async function standings(
  client: Client,
  agent: { id: string; type: string },
  since: DateTime | null,
  options: { edits?: boolean } = {}
): Promise<PolicyStanding[]> {
  const policies = await ApprovalPolicy.query({ client })
    .where('agent_type', agent.type)
    .orderByRaw('channel NULLS FIRST')
  const out: PolicyStanding[] = []
  for (const policy of policies) {
    const rules = policyRules(policy)
    if (policy.mode !== PolicyMode.AutoApprove) {
      out.push({ policy: rules, record: null, qualifies: false, checks: [] })
      continue
    }
    const record = await agentRecord(client, agent.id, {
      since,
      channel: policy.channel,
      recentWindow: policy.noRejectionInLast,
      edits: options.edits,
    })
    out.push({ policy: rules, record, ...evaluate(rules, record) })
  }
  return out
}

/**
 * Whether the agent's record qualifies it under any auto-approve policy of
 * its type (revocation aside): a human correction then demotes it.
 */
export async function holdsAutonomy(
  client: Client,
  agent: { id: string; type: string },
  since: DateTime | null
) {
  return (await standings(client, agent, since)).some((standing) => standing.qualifies)
}
