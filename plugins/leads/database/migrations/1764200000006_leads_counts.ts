import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `x-total-count` without counting rows. At 1M leads an exact count(*) of
 * one status costs 10-20 ms, all leads 40-60 ms, a niche and a status
 * 115 ms: at 20 concurrent readers on two cores, counting alone would put
 * p99 far above 100 ms. So triggers keep the number of leads per
 * (status, lead_score, niche, region), in the same transaction as the change
 * (exact, never stale), and a list filtered only on these columns sums that
 * table with the same WHERE (services/lead_count.ts). Other filters and `q`
 * count the leads themselves.
 *
 * Statement-level triggers with transition tables: a bulk insert of a
 * million leads updates each combination once. Rows are applied in key
 * order, so concurrent writers lock counters in the same order (no
 * deadlocks); a writer waits for another transaction that changed leads of
 * the same combination until that one commits.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE TABLE leads_counts (
        status lead_status NOT NULL,
        lead_score text NOT NULL,
        niche text NOT NULL,
        region text NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (status, lead_score, niche, region)
      )`)
    // Each branch names only the transition tables its trigger defines.
    const upsert = (changes: string) => `
      INSERT INTO leads_counts AS counts (status, lead_score, niche, region, n)
      SELECT status, lead_score, niche, region, sum(delta) FROM (${changes}) changes
      GROUP BY status, lead_score, niche, region
      HAVING sum(delta) <> 0
      ORDER BY status, lead_score, niche, region
      ON CONFLICT (status, lead_score, niche, region) DO UPDATE SET n = counts.n + EXCLUDED.n`
    const added = 'SELECT status, lead_score, niche, region, 1 AS delta FROM new_rows'
    const removed = 'SELECT status, lead_score, niche, region, -1 AS delta FROM old_rows'
    this.schema.raw(`
      CREATE FUNCTION leads_counts_apply() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsert(added)};
        ELSIF TG_OP = 'DELETE' THEN
          ${upsert(removed)};
        ELSIF TG_OP = 'UPDATE' THEN
          ${upsert(`${added} UNION ALL ${removed}`)};
        ELSE
          DELETE FROM leads_counts;
        END IF;
        RETURN NULL;
      END
      $$`)
    this.schema.raw(`
      CREATE TRIGGER leads_counts_insert AFTER INSERT ON leads
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION leads_counts_apply()`)
    this.schema.raw(`
      CREATE TRIGGER leads_counts_update AFTER UPDATE ON leads
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION leads_counts_apply()`)
    this.schema.raw(`
      CREATE TRIGGER leads_counts_delete AFTER DELETE ON leads
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION leads_counts_apply()`)
    this.schema.raw(`
      CREATE TRIGGER leads_counts_truncate AFTER TRUNCATE ON leads
      FOR EACH STATEMENT EXECUTE FUNCTION leads_counts_apply()`)
    // Leads that exist before this migration.
    this.schema.raw(`
      INSERT INTO leads_counts (status, lead_score, niche, region, n)
      SELECT status, lead_score, niche, region, count(*) FROM leads
      GROUP BY status, lead_score, niche, region`)
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS leads_counts_truncate ON leads')
    this.schema.raw('DROP TRIGGER IF EXISTS leads_counts_delete ON leads')
    this.schema.raw('DROP TRIGGER IF EXISTS leads_counts_update ON leads')
    this.schema.raw('DROP TRIGGER IF EXISTS leads_counts_insert ON leads')
    this.schema.raw('DROP FUNCTION IF EXISTS leads_counts_apply()')
    this.schema.raw('DROP TABLE IF EXISTS leads_counts')
  }
}
