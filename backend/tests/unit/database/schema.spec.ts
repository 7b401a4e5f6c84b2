import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { needs } from '#tests/helpers/plugins'

/* Every table and column of SYSTEM_DESIGN.md §2, with its PostgreSQL type. */
const TABLES: Record<string, Record<string, string>> = {
  users: {
    id: 'uuid',
    email: 'text',
    role: 'text',
    password_hash: 'text',
    is_active: 'boolean',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
  },
  agents: {
    id: 'uuid',
    name: 'text',
    type: 'text',
    status: 'text',
    current_task_id: 'uuid',
    last_update_at: 'timestamp with time zone',
    metadata: 'jsonb',
  },
  tasks: {
    id: 'uuid',
    title: 'text',
    description: 'text',
    column: 'text',
    priority: 'text',
    owner_type: 'text',
    owner_id: 'uuid',
    linked_lead_id: 'uuid',
    linked_draft_id: 'uuid',
    created_by: 'uuid',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    done_at: 'timestamp with time zone',
  },
  task_events: {
    id: 'bigint',
    task_id: 'uuid',
    agent_id: 'uuid',
    event_type: 'text',
    payload: 'jsonb',
    created_by: 'uuid',
    created_at: 'timestamp with time zone',
  },
  audit_log: {
    id: 'bigint',
    actor_type: 'text',
    actor_id: 'uuid',
    action: 'text',
    resource_type: 'text',
    resource_id: 'text',
    before_state: 'jsonb',
    after_state: 'jsonb',
    metadata: 'jsonb',
    created_at: 'timestamp with time zone',
  },
  leads: {
    id: 'uuid',
    business_name: 'text',
    niche: 'text',
    region: 'text',
    website: 'text',
    contact_name: 'text',
    contact_role: 'text',
    email: 'text',
    phone: 'text',
    source: 'text',
    lead_score: 'text',
    /* a native enum in funnel order, so sorting by status follows the funnel (plugins/leads) */
    status: 'USER-DEFINED',
    last_action_at: 'timestamp with time zone',
    next_step: 'text',
    notes: 'jsonb',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
  },
  drafts: {
    id: 'uuid',
    lead_id: 'uuid',
    channel: 'text',
    draft_type: 'text',
    status: 'text',
    current_version: 'integer',
    approver_id: 'uuid',
    scheduled_send_at: 'timestamp with time zone',
    created_by: 'uuid',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
  },
  draft_versions: {
    id: 'uuid',
    draft_id: 'uuid',
    version_number: 'integer',
    content: 'text',
    change_note: 'text',
    created_by: 'uuid',
    created_at: 'timestamp with time zone',
  },
  approvals: {
    id: 'uuid',
    draft_id: 'uuid',
    action: 'text',
    version: 'integer',
    notes: 'text',
    editor_content: 'text',
    decided_by: 'uuid',
    decided_at: 'timestamp with time zone',
  },
  system_controls: {
    key: 'text',
    value: 'jsonb',
    updated_by: 'uuid',
    updated_at: 'timestamp with time zone',
  },
  auth_access_tokens: { tokenable_id: 'uuid' },
  agent_access_tokens: { tokenable_id: 'uuid' },
}

/* The enums of the design, enforced by CHECK constraints or native enum types. */
const ENUMS: [string, string, string[]][] = [
  ['users', 'role', ['admin', 'operator', 'closer', 'viewer']],
  ['agents', 'status', ['idle', 'running', 'paused', 'blocked']],
  ['tasks', 'column', ['backlog', 'doing', 'needs_approval', 'done']],
  ['tasks', 'priority', ['low', 'med', 'high']],
  ['tasks', 'owner_type', ['admin', 'agent']],
  ['audit_log', 'actor_type', ['user', 'agent', 'system']],
  ['leads', 'lead_score', ['A', 'B', 'C']],
  [
    'leads',
    'status',
    ['new', 'enriched', 'drafted', 'approved', 'contacted', 'replied', 'booked', 'lost'],
  ],
  [
    'drafts',
    'channel',
    ['email', 'linkedin', 'facebook', 'instagram', 'post', 'script', 'landing_page', 'ad_copy'],
  ],
  ['drafts', 'status', ['draft', 'needs_approval', 'approved', 'rejected']],
  [
    'approvals',
    'action',
    ['approve', 'reject', 'request_changes', 'edit_inline_approve', 'approve_with_notes'],
  ],
]

async function columnsOf(table: string) {
  const { rows } = await db.rawQuery(
    `SELECT column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ?`,
    [table]
  )
  return new Map<string, { data_type: string; is_nullable: string }>(
    rows.map((row: any) => [row.column_name, row])
  )
}

async function constraints(type: 'f' | 'u' | 'c' | 'p') {
  const { rows } = await db.rawQuery(
    `SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE contype = ? AND connamespace = 'public'::regnamespace`,
    [type]
  )
  return rows as { table: string; def: string }[]
}

test.group('Database schema', () => {
  needs(
    test('every table and column of the design exists with its type', async ({ assert }) => {
      for (const [table, columns] of Object.entries(TABLES)) {
        const actual = await columnsOf(table)
        assert.isAbove(actual.size, 0, `table ${table} is missing`)
        for (const [column, type] of Object.entries(columns)) {
          assert.equal(actual.get(column)?.data_type, type, `${table}.${column}`)
        }
      }
    }),
    'leads',
    'drafts'
  )

  needs(
    test('nullable columns are exactly the ones the design marks nullable', async ({ assert }) => {
      const nullable = async (table: string) =>
        [...(await columnsOf(table)).entries()]
          .filter(([, c]) => c.is_nullable === 'YES')
          .map(([n]) => n)
          .sort()
      assert.includeMembers(await nullable('tasks'), [
        'owner_id',
        'linked_lead_id',
        'linked_draft_id',
        'done_at',
      ])
      assert.notInclude(await nullable('tasks'), 'title')
      assert.includeMembers(await nullable('leads'), [
        'contact_name',
        'contact_role',
        'email',
        'phone',
        'last_action_at',
        'next_step',
      ])
      assert.notInclude(await nullable('leads'), 'business_name')
      assert.includeMembers(await nullable('drafts'), [
        'lead_id',
        'approver_id',
        'scheduled_send_at',
      ])
      assert.includeMembers(await nullable('audit_log'), [
        'actor_id',
        'before_state',
        'after_state',
      ])
      assert.includeMembers(await nullable('users'), ['password_hash'])
    }),
    'leads',
    'drafts'
  )

  needs(
    test('enum columns accept their values and refuse anything else', async ({ assert }) => {
      const checks = await constraints('c')
      for (const [table, column, values] of ENUMS) {
        const native = await db.rawQuery(
          `SELECT e.enumlabel FROM pg_attribute a JOIN pg_enum e ON e.enumtypid = a.atttypid
         WHERE a.attrelid = ?::regclass AND a.attname = ? ORDER BY e.enumsortorder`,
          [table, column]
        )
        if (native.rows.length) {
          assert.deepEqual(
            native.rows.map((row: { enumlabel: string }) => row.enumlabel),
            values,
            `${table}.${column}`
          )
          continue
        }
        const check = checks.find(
          (c) => c.table === table && c.def.includes(column === 'column' ? '"column"' : column)
        )
        assert.exists(check, `${table}.${column} has no CHECK constraint`)
        for (const value of values) assert.include(check!.def, `'${value}'`)
      }
      await assert.rejects(
        () => db.table('users').insert({ email: 'x@example.com', role: 'superuser' }),
        /check constraint/
      )
    }),
    'leads',
    'drafts'
  )

  needs(
    test('unique keys: users.email, agents.name, draft_versions(draft_id, version_number)', async ({
      assert,
    }) => {
      const defs = (await constraints('u')).map((c) => `${c.table} ${c.def}`)
      assert.include(defs, 'users UNIQUE (email)')
      assert.include(defs, 'agents UNIQUE (name)')
      assert.include(defs, 'draft_versions UNIQUE (draft_id, version_number)')
    }),
    'leads',
    'drafts'
  )

  needs(
    test('foreign keys link the records the design links', async ({ assert }) => {
      const defs = (await constraints('f')).map((c) => `${c.table} ${c.def}`)
      const expected = [
        'tasks FOREIGN KEY (linked_lead_id) REFERENCES leads(id)',
        'tasks FOREIGN KEY (linked_draft_id) REFERENCES drafts(id)',
        'agents FOREIGN KEY (current_task_id) REFERENCES tasks(id)',
        'drafts FOREIGN KEY (lead_id) REFERENCES leads(id)',
        'draft_versions FOREIGN KEY (draft_id) REFERENCES drafts(id)',
        'approvals FOREIGN KEY (draft_id) REFERENCES drafts(id)',
        'approvals FOREIGN KEY (decided_by) REFERENCES users(id)',
        'auth_access_tokens FOREIGN KEY (tokenable_id) REFERENCES users(id)',
        'agent_access_tokens FOREIGN KEY (tokenable_id) REFERENCES agents(id)',
      ]
      for (const fk of expected) {
        assert.isTrue(
          defs.some((def) => def.startsWith(fk)),
          `missing ${fk}`
        )
      }
    }),
    'leads',
    'drafts'
  )

  needs(
    test('indexes back the filters and sorts the contract offers', async ({ assert }) => {
      const { rows } = await db.rawQuery(
        `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`
      )
      const has = (table: string, columns: string) =>
        rows.some((r: any) => r.tablename === table && r.indexdef.includes(`(${columns})`))
      for (const [table, columns] of [
        ['tasks', '"column", priority'],
        ['task_events', 'task_id, id'],
        ['task_events', 'agent_id, id'],
        ['task_events', 'event_type, id'],
        ['audit_log', 'actor_type, actor_id'],
        ['audit_log', 'resource_type, resource_id'],
        ['audit_log', 'created_at'],
        ['leads', 'status, created_at'],
        ['drafts', 'status, updated_at'],
        ['approvals', 'draft_id, decided_at'],
      ]) {
        assert.isTrue(has(table, columns), `no index on ${table}(${columns})`)
      }
    }),
    'leads',
    'drafts'
  )

  test('the global pause control exists and is off', async ({ assert }) => {
    const row = await db.from('system_controls').where('key', 'global_pause').firstOrFail()
    assert.deepEqual(row.value, { paused: false, reason: null })
  })
})
