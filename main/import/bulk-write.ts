import type { Database } from 'better-sqlite3';
import { indexLeads } from '../store/migrations/0006-search.ts';
import { addLeadsToTotals } from '../store/migrations/0014-lead-totals.ts';

/**
 * How the import writes new leads: set-based, a batch at a time, doing the work of the row triggers
 * on lead and transition inserts itself.
 *
 * New leads are first put in TEMP tables of the import's connection (a row there costs a few
 * microseconds), then `flush` moves them with one INSERT ... SELECT per table. One statement per
 * batch matters: on a table with triggers SQLite keeps a statement journal for every INSERT (a copy
 * of each page the statement changes, in case a trigger fails half way), and a lead row changes a
 * page in each of the dozen indexes of leads, so a statement per row copied some 50 KB per lead.
 *
 * The triggers that index a new lead for search, mark it for the reports, count it in lead_totals
 * and stamp its last activity fire once per row; `flush` does their work once per batch instead:
 * one INSERT ... SELECT into the search index, one into report_dirty, one into lead_totals (the
 * staged leads are all live), and the last activity written in the row. A company renamed by a
 * row (a file that spells it otherwise) re-indexes every lead of it; `end` does that once per
 * batch for each company renamed in it. SQLite cannot switch a trigger off for one connection, so
 * those triggers carry `WHEN NOT EXISTS (SELECT 1 FROM bulk_write)` (migrations 0011 and 0014):
 * `begin` puts a row in bulk_write at the start of the batch's transaction, `end` deletes it as
 * the batch's last write. No other connection ever sees the row (SQLite has one writer at a
 * time, and the row never commits), and a batch that fails rolls back with it.
 *
 * Triggers left firing row by row: those on updates of a lead (they re-index it only when its name,
 * e-mail or company changed, and mark it for the reports only when what they carry changed).
 */

/** A new lead's columns, in the order `stage` takes them. */
export const STAGED_LEAD_COLUMNS = [
  'id', 'first_name', 'last_name', 'email', 'phone', 'role_title', 'role_started_on', 'seniority', 'department', 'persona', 'company_id',
  'source', 'owner_id', 'deal_value_minor', 'currency', 'expected_close_on', 'urgency',
  'stage_key', 'position', 'stage_entered_at', 'created_at', 'updated_at', 'last_activity_at',
] as const;

export interface BulkWrite {
  /** First thing in the batch's transaction. */
  begin(): void;
  /** A new lead (its creation transition is at created_at, by `byMemberId`), with its tags; written by `flush`. */
  stage(values: readonly unknown[], tags: readonly string[], byMemberId: number | null): void;
  /** How many new leads wait for `flush`. */
  readonly staged: number;
  /** Writes the staged leads, their tags, creation transitions and import records, with what the triggers would have done. */
  flush(): void;
  /**
   * Last thing in the batch's transaction: `flush`, then the last activity and report marks of the
   * leads the batch moved (at `movedAt`), and the search documents of the leads of the companies it renamed.
   */
  end(moved: readonly number[], movedAt: number, renamedCompanies: Iterable<number>): void;
}

export function createBulkWrite(db: Database, importId: number): BulkWrite {
  const columns = STAGED_LEAD_COLUMNS.join(', ');

  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_staged_leads (
      id INTEGER PRIMARY KEY, ${STAGED_LEAD_COLUMNS.slice(1).join(', ')}, by_member_id, tags_json
    );
    DELETE FROM temp.import_staged_leads;`);
  const stageLead = db.prepare(`INSERT INTO temp.import_staged_leads VALUES (${Array(STAGED_LEAD_COLUMNS.length + 2).fill('?').join(', ')})`);
  const staged = 'SELECT id FROM temp.import_staged_leads';
  const moveLeads = db.prepare(`INSERT INTO main.leads (${columns}) SELECT ${columns} FROM temp.import_staged_leads ORDER BY id`);
  const moveTags = db.prepare(`
    INSERT INTO main.lead_tags (lead_id, tag)
    SELECT s.id, t.value FROM temp.import_staged_leads s, json_each(s.tags_json) t WHERE s.tags_json IS NOT NULL ORDER BY s.id
    ON CONFLICT DO NOTHING`);
  const moveCreations = db.prepare(`
    INSERT INTO main.stage_transitions (lead_id, from_stage, to_stage, at, by_member_id)
    SELECT id, NULL, stage_key, created_at, by_member_id FROM temp.import_staged_leads ORDER BY id`);
  const record = db.prepare(`INSERT INTO main.import_leads (import_id, lead_id, action) SELECT ?, id, 'created' FROM temp.import_staged_leads WHERE true ON CONFLICT DO NOTHING`);
  const index = db.prepare(indexLeads(`l.id IN (${staged})`));
  // Delete first: the ids are new, but an orphan document left under one must not fail the batch.
  const unindex = db.prepare(`DELETE FROM main.lead_search WHERE rowid IN (${staged})`);
  const total = db.prepare(addLeadsToTotals('temp.import_staged_leads', 'true'));
  const markStaged = db.prepare(`INSERT INTO main.report_dirty (lead_id) ${staged} WHERE true ON CONFLICT (lead_id) DO NOTHING`);
  const clearLeads = db.prepare('DELETE FROM temp.import_staged_leads');
  const raise = db.prepare('INSERT INTO main.bulk_write (since) VALUES (?)');
  const lower = db.prepare('DELETE FROM main.bulk_write');
  const touch = db.prepare('UPDATE main.leads SET last_activity_at = max(coalesce(last_activity_at, ?), ?) WHERE id IN (SELECT value FROM json_each(?))');
  const markMoved = db.prepare('INSERT INTO main.report_dirty (lead_id) SELECT value FROM json_each(?) WHERE true ON CONFLICT (lead_id) DO NOTHING');
  const inCompanies = 'SELECT id FROM main.leads WHERE company_id IN (SELECT value FROM json_each(?))';
  const unindexCompanies = db.prepare(`DELETE FROM main.lead_search WHERE rowid IN (${inCompanies})`);
  const indexCompanies = db.prepare(indexLeads('l.company_id IN (SELECT value FROM json_each(?))'));
  let count = 0;

  function flush(): void {
    if (count === 0) return;
    moveLeads.run();
    moveTags.run();
    moveCreations.run();
    record.run(importId);
    unindex.run();
    index.run();
    markStaged.run();
    total.run();
    clearLeads.run();
    count = 0;
  }

  return {
    begin() {
      raise.run(Date.now());
    },
    stage(values, tags, byMemberId) {
      stageLead.run(...values, byMemberId, tags.length === 0 ? null : JSON.stringify(tags));
      count++;
    },
    get staged() {
      return count;
    },
    flush,
    end(moved, movedAt, renamedCompanies) {
      flush();
      if (moved.length > 0) {
        const json = JSON.stringify(moved);
        touch.run(movedAt, movedAt, json);
        markMoved.run(json);
      }
      const renamed = [...renamedCompanies];
      if (renamed.length > 0) {
        const json = JSON.stringify(renamed);
        unindexCompanies.run(json);
        indexCompanies.run(json);
      }
      lower.run();
    },
  };
}
