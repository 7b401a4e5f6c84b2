import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
| task_events and audit_log become tables partitioned by month of
| created_at (UTC months), so a year of history is a dozen tables whose
| old ones can be archived and dropped (`node ace history:archive`,
| docs/HISTORY.md) instead of one table that only grows.
|
| - Every row, its id and the id sequences are kept (rows are copied into
|   the new table in this migration's transaction).
| - The primary key is (id, created_at): PostgreSQL requires the partition
|   key in it. `id` stays unique and monotonic because only the sequence
|   gives ids; lookups by id probe each partition's key index.
| - Append-only on every partition, present and future: the parent keeps its
|   statement trigger; a row trigger on the parent is cloned by PostgreSQL
|   onto every partition; and each partition gets its own statement trigger
|   for UPDATE, DELETE and TRUNCATE (statement triggers are not inherited),
|   from mc_protect_history_partition, called when a partition is created
|   and, as superuser, by an event trigger on any CREATE/ALTER TABLE.
| - ensure_history_partitions(months_ahead) creates the coming months
|   (called here, at boot and daily by the server); a DEFAULT partition
|   takes any row no month partition takes, so an insert never fails.
| - DROP or DETACH of a history partition is refused by event triggers
|   unless the transaction set mission_control.archiving = 'on' and wrote a
|   `system.history_archived` audit row naming that partition: only the
|   archiver does. Event triggers need a superuser; without one they are
|   skipped (a line says so) and the rest still holds.
*/
const TABLES = ['task_events', 'audit_log'] as const

const INDEXES: Record<(typeof TABLES)[number], string[]> = {
  task_events: [
    'CREATE INDEX task_events_task_id_id_index ON task_events (task_id, id)',
    'CREATE INDEX task_events_agent_id_id_index ON task_events (agent_id, id)',
    'CREATE INDEX task_events_event_type_id_index ON task_events (event_type, id)',
    'CREATE INDEX task_events_created_at_index ON task_events (created_at)',
    /* services/replay.ts (migration 1764100000012) */
    `CREATE INDEX task_events_payload_id ON task_events ((payload->>'id'))`,
    `CREATE INDEX task_events_task_snapshots ON task_events ((payload->>'id'), id DESC)
       WHERE event_type LIKE 'task.%'`,
    `CREATE INDEX task_events_agent_snapshots ON task_events ((payload->>'id'), id DESC)
       WHERE event_type LIKE 'agent.%'`,
  ],
  audit_log: [
    'CREATE INDEX audit_log_actor_type_actor_id_index ON audit_log (actor_type, actor_id)',
    'CREATE INDEX audit_log_action_index ON audit_log (action)',
    'CREATE INDEX audit_log_resource_type_resource_id_index ON audit_log (resource_type, resource_id)',
    'CREATE INDEX audit_log_created_at_index ON audit_log (created_at)',
  ],
}

/* The webhook outbox (migration 1764100000015): a statement trigger with a transition table. */
const WEBHOOK_TRIGGER = `
  CREATE TRIGGER task_events_webhook_outbox
  AFTER INSERT ON task_events
  REFERENCING NEW TABLE AS recorded
  FOR EACH STATEMENT EXECUTE FUNCTION mc_webhook_outbox()`

const appendOnlyTrigger = (table: string) => `
  CREATE TRIGGER ${table}_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION mc_refuse_history_rewrite()`

const FUNCTIONS = `
CREATE OR REPLACE FUNCTION mc_history_parents() RETURNS SETOF oid
LANGUAGE sql STABLE AS $$
  SELECT c.oid FROM pg_class c
  WHERE c.relkind = 'p' AND c.relname IN ('task_events', 'audit_log')
$$;

/* The statement trigger a partition needs (statement triggers are not inherited). */
CREATE OR REPLACE FUNCTION mc_protect_history_partition(part regclass) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part AND tgname = 'history_append_only') THEN
    EXECUTE format(
      'CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON %s
       FOR EACH STATEMENT EXECUTE FUNCTION mc_refuse_history_rewrite()', part);
  END IF;
END
$$;

/*
| The partition of one UTC month of one history table. Skipped, with a
| warning, when the DEFAULT partition already holds rows of that month
| (they cannot move: history is not deleted); they stay there, append-only.
*/
CREATE OR REPLACE FUNCTION mc_create_history_partition(parent text, for_month date) RETURNS boolean
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  v_first date := date_trunc('month', for_month::timestamp)::date;
  v_lower timestamptz := v_first::timestamp AT TIME ZONE 'UTC';
  v_upper timestamptz := (v_first + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  v_name text := parent || '_p' || to_char(v_first, 'YYYY_MM');
  held boolean;
BEGIN
  IF to_regclass(v_name) IS NOT NULL THEN
    PERFORM mc_protect_history_partition(v_name::regclass);
    RETURN false;
  END IF;
  IF to_regclass(parent || '_default') IS NOT NULL THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE created_at >= $1 AND created_at < $2)',
      parent || '_default') INTO held USING v_lower, v_upper;
    IF held THEN
      RAISE WARNING '% has rows of %: no partition for that month, they stay in the default partition',
        parent || '_default', to_char(v_first, 'YYYY-MM');
      RETURN false;
    END IF;
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
    v_name, parent, v_lower, v_upper);
  PERFORM mc_protect_history_partition(v_name::regclass);
  RETURN true;
END
$$;

/*
| The partitions of this month and the next months_ahead ones, the DEFAULT
| partitions, and the statement trigger on every partition (a sweep, for
| databases without the event trigger). Returns how many were created.
| Safe to call from several instances at once.
*/
CREATE OR REPLACE FUNCTION ensure_history_partitions(months_ahead int DEFAULT 3) RETURNS int
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  parent text;
  part regclass;
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  created int := 0;
BEGIN
  /*
  | Creating a partition locks the parent: behind a long query it would hold
  | every insert back. Better to fail and try again tomorrow (months ahead).
  */
  IF current_setting('lock_timeout') = '0' THEN
    PERFORM set_config('lock_timeout', '5s', true);
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('mission_control.history_partitions'));
  FOR parent IN SELECT relname FROM pg_class WHERE oid IN (SELECT mc_history_parents()) LOOP
    IF to_regclass(parent || '_default') IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
      created := created + 1;
    END IF;
    FOR i IN 0..greatest(months_ahead, 0) LOOP
      IF mc_create_history_partition(parent, (this_month + make_interval(months => i))::date) THEN
        created := created + 1;
      END IF;
    END LOOP;
  END LOOP;
  FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent IN (SELECT mc_history_parents()) LOOP
    PERFORM mc_protect_history_partition(part);
  END LOOP;
  RETURN created;
END
$$;

/*
| Whether this transaction may remove these history partitions: only the
| archiver's, which sets mission_control.archiving and first records a
| system.history_archived audit row (created_at = now(): this transaction)
| naming every one of them.
*/
CREATE OR REPLACE FUNCTION mc_history_removal_allowed(tables text[]) RETURNS boolean
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  ok boolean;
BEGIN
  IF coalesce(current_setting('mission_control.archiving', true), '') <> 'on'
     OR to_regclass('audit_log') IS NULL THEN
    RETURN false;
  END IF;
  SELECT bool_and(EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.action = 'system.history_archived' AND a.created_at = now()
      AND a.after_state->'partitions' @> jsonb_build_array(t)
  )) INTO ok FROM unnest(tables) AS t;
  RETURN coalesce(ok, false);
END
$$;

/* Before DROP and ALTER: which tables are history partitions now (the drop itself hides it). */
CREATE OR REPLACE FUNCTION mc_history_ddl_start() RETURNS event_trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM set_config('mission_control.history_partitions', coalesce((
    SELECT string_agg(inhrelid::text, ',') FROM pg_inherits
    WHERE inhparent IN (SELECT mc_history_parents())), ''), true);
  PERFORM set_config('mission_control.history_parents', coalesce((
    SELECT string_agg(p::text, ',') FROM mc_history_parents() p), ''), true);
END
$$;

CREATE OR REPLACE FUNCTION mc_history_snapshot() RETURNS oid[]
LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('mission_control.history_partitions', true), ''), ',')::oid[]
$$;

/* A dropped history partition: refused, unless its whole table goes or the archiver drops it. */
CREATE OR REPLACE FUNCTION mc_history_sql_drop() RETURNS event_trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  known oid[] := mc_history_snapshot();
  dropped text[];
BEGIN
  IF known IS NULL THEN
    RETURN;
  END IF;
  SELECT array_agg(object_name) INTO dropped FROM pg_event_trigger_dropped_objects()
  WHERE object_type = 'table' AND objid = ANY (known);
  IF dropped IS NULL THEN
    RETURN;
  END IF;
  /* DROP TABLE task_events (a migration's down) or DROP SCHEMA: not a partition taken out of history */
  IF EXISTS (SELECT 1 FROM pg_event_trigger_dropped_objects()
             WHERE object_type = 'table' AND objid = ANY (string_to_array(nullif(
               current_setting('mission_control.history_parents', true), ''), ',')::oid[])) THEN
    RETURN;
  END IF;
  IF NOT mc_history_removal_allowed(dropped) THEN
    RAISE EXCEPTION 'history partition % may not be dropped: history is removed only by node ace history:archive',
      array_to_string(dropped, ', ')
      USING ERRCODE = 'MC002', HINT = 'See docs/HISTORY.md.';
  END IF;
END
$$;

/* After CREATE/ALTER TABLE: no partition detached outside the archiver; every partition protected. */
CREATE OR REPLACE FUNCTION mc_history_ddl_end() RETURNS event_trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  known oid[] := mc_history_snapshot();
  detached text[];
  part regclass;
BEGIN
  IF known IS NOT NULL THEN
    SELECT array_agg(c.relname) INTO detached FROM pg_class c
    WHERE c.oid = ANY (known)
      AND NOT EXISTS (SELECT 1 FROM pg_inherits i
                      WHERE i.inhrelid = c.oid AND i.inhparent IN (SELECT mc_history_parents()));
    IF detached IS NOT NULL AND NOT mc_history_removal_allowed(detached) THEN
      RAISE EXCEPTION 'history partition % may not be detached: history is removed only by node ace history:archive',
        array_to_string(detached, ', ')
        USING ERRCODE = 'MC002', HINT = 'See docs/HISTORY.md.';
    END IF;
  END IF;
  FOR part IN SELECT inhrelid::regclass FROM pg_inherits
              WHERE inhparent IN (SELECT mc_history_parents()) LOOP
    PERFORM mc_protect_history_partition(part);
  END LOOP;
END
$$;
`

const EVENT_TRIGGERS = [
  `CREATE EVENT TRIGGER mc_history_ddl_start ON ddl_command_start
   WHEN TAG IN ('DROP TABLE', 'DROP SCHEMA', 'DROP OWNED', 'ALTER TABLE', 'CREATE TABLE')
   EXECUTE FUNCTION mc_history_ddl_start()`,
  `CREATE EVENT TRIGGER mc_history_sql_drop ON sql_drop
   WHEN TAG IN ('DROP TABLE', 'DROP SCHEMA', 'DROP OWNED', 'ALTER TABLE')
   EXECUTE FUNCTION mc_history_sql_drop()`,
  `CREATE EVENT TRIGGER mc_history_ddl_end ON ddl_command_end
   WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
   EXECUTE FUNCTION mc_history_ddl_end()`,
]

const EVENT_TRIGGER_NAMES = ['mc_history_ddl_end', 'mc_history_sql_drop', 'mc_history_ddl_start']

/* How many months ahead partitions exist (services/history_archive.ts has the same number). */
const HISTORY_MONTHS_AHEAD = 3

async function isSuperuser(client: QueryClientContract) {
  const { rows } = await client.rawQuery(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user'
  )
  return rows[0]?.rolsuper === true
}

export default class extends BaseSchema {
  async up() {
    this.defer(async (client) => {
      await client.rawQuery(FUNCTIONS)
      for (const table of TABLES) {
        const plain = `${table}_unpartitioned`
        await client.rawQuery(`ALTER TABLE ${table} RENAME TO ${plain}`)
        await client.rawQuery(`ALTER SEQUENCE ${table}_id_seq OWNED BY NONE`)
        await client.rawQuery(`
          CREATE TABLE ${table}
            (LIKE ${plain} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)
          PARTITION BY RANGE (created_at)`)
        await client.rawQuery(`CREATE TABLE ${table}_default PARTITION OF ${table} DEFAULT`)
        /* a partition for every month that has rows; the coming months below */
        await client.rawQuery(
          `SELECT mc_create_history_partition(?, m::date)
           FROM (SELECT DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC') AS m
                 FROM ${plain}) months ORDER BY m`,
          [table]
        )
        /* before the indexes and the triggers: faster, and the outbox does not fire again */
        await client.rawQuery(`INSERT INTO ${table} SELECT * FROM ${plain} ORDER BY id`)
        await client.rawQuery(`DROP TABLE ${plain}`)
        await client.rawQuery(`ALTER SEQUENCE ${table}_id_seq OWNED BY ${table}.id`)
        await client.rawQuery(
          `ALTER TABLE ${table} ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id, created_at)`
        )
        for (const index of INDEXES[table]) await client.rawQuery(index)
        await client.rawQuery(appendOnlyTrigger(table))
        await client.rawQuery(`
          CREATE TRIGGER history_append_only_row
          BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION mc_refuse_history_rewrite()`)
      }
      await client.rawQuery(WEBHOOK_TRIGGER)
      await client.rawQuery('SELECT ensure_history_partitions(?)', [HISTORY_MONTHS_AHEAD])

      if (await isSuperuser(client)) {
        for (const statement of EVENT_TRIGGERS) await client.rawQuery(statement)
      } else {
        console.warn(
          'history: the database user is not a superuser, so the event triggers that refuse ' +
            'DROP/DETACH of history partitions were not created (docs/HISTORY.md); ' +
            'UPDATE, DELETE and TRUNCATE are still refused on every partition'
        )
      }
    })
  }

  async down() {
    this.defer(async (client) => {
      for (const name of EVENT_TRIGGER_NAMES) {
        await client.rawQuery(`DROP EVENT TRIGGER IF EXISTS ${name}`)
      }
      for (const table of TABLES) {
        const plain = `${table}_plain`
        await client.rawQuery(
          `CREATE TABLE ${plain} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)`
        )
        await client.rawQuery(`INSERT INTO ${plain} SELECT * FROM ${table} ORDER BY id`)
        await client.rawQuery(`ALTER SEQUENCE ${table}_id_seq OWNED BY NONE`)
        await client.rawQuery(`DROP TABLE ${table}`)
        await client.rawQuery(`ALTER TABLE ${plain} RENAME TO ${table}`)
        await client.rawQuery(`ALTER SEQUENCE ${table}_id_seq OWNED BY ${table}.id`)
        await client.rawQuery(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id)`)
        for (const index of INDEXES[table]) await client.rawQuery(index)
        await client.rawQuery(appendOnlyTrigger(table))
      }
      await client.rawQuery(WEBHOOK_TRIGGER)
      for (const fn of [
        'mc_history_ddl_end()',
        'mc_history_sql_drop()',
        'mc_history_snapshot()',
        'mc_history_ddl_start()',
        'mc_history_removal_allowed(text[])',
        'ensure_history_partitions(int)',
        'mc_create_history_partition(text, date)',
        'mc_protect_history_partition(regclass)',
        'mc_history_parents()',
      ]) {
        await client.rawQuery(`DROP FUNCTION IF EXISTS ${fn}`)
      }
    })
  }
}
