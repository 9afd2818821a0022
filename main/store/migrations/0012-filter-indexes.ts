import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';

/**
 * Indexes that let the table's filters and quick search read narrow indexes instead of the wide
 * leads rows (main/store/repositories/lead-query-repository.ts names them).
 *
 * leads_role_company replaces leads_role_title (same first column, same live leads): a prospect
 * filter (contact role, matching companies, time in role) then counts and sorts its newest leads
 * from the index alone, one range per company, with no lead row read.
 *
 * leads_live holds a live lead's id and creation time: a search's matches (FTS rowids) are checked
 * for deletion and ordered newest first through it rather than through the leads rows.
 *
 * leads_deleted holds the (few) deleted leads: a search counts its matches in the FTS index alone,
 * less those of deleted leads, which stay indexed.
 */
export const filterIndexes: Migration = {
  version: 12,
  name: 'covering indexes for the prospect filter and quick search',
  up(db) {
    db.exec(`
      DROP INDEX leads_role_title;
      CREATE INDEX leads_role_company ON leads (role_title, company_id, role_started_on, created_at) WHERE deleted_at IS NULL;
      CREATE INDEX leads_live ON leads (id, created_at) WHERE deleted_at IS NULL;
      CREATE INDEX leads_deleted ON leads (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
    // In a DB with statistics, indexes without any mislead the planner: it then reads the leads of
    // a filter on companies alone through leads_company, row by row, rather than walking
    // leads_created for the first page (1 s instead of 10 ms at 1M leads). A DB never analyzed
    // stays so: its indexes are all alike.
    if (analyzed(db)) db.exec('ANALYZE leads_role_company; ANALYZE leads_live; ANALYZE leads_deleted;');
  },
};

function analyzed(db: Database): boolean {
  const hasStats = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() !== undefined;
  return hasStats && db.prepare("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'leads'").get() !== undefined;
}
