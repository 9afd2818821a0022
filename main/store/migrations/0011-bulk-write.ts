import type { Migration } from './migration.ts';
import { indexLeads } from './0006-search.ts';

/** Fires only when no bulk writer holds the flag. */
const NO_BULK_WRITE = 'NOT EXISTS (SELECT 1 FROM bulk_write)';
const markDirty = (expr: string) => `INSERT INTO report_dirty (lead_id) VALUES (${expr}) ON CONFLICT (lead_id) DO NOTHING;`;

/**
 * Lets the CSV import do the per-row work of five insert triggers once per batch, set-based
 * (main/import/bulk-write.ts): a row in bulk_write exists only inside the import's own write
 * transaction, and while it does those triggers stand aside. No other connection ever sees the row
 * (SQLite has one writer at a time and the row never commits); a batch that fails rolls it back with
 * the rest. SQLite cannot switch a trigger off for one connection, hence the flag table.
 * Each trigger is re-created with the same body as in 0005, 0006 and 0008, plus the WHEN.
 */
export const bulkWrite: Migration = {
  version: 11,
  name: 'insert triggers stand aside for a bulk writer',
  up(db) {
    db.exec(`
      CREATE TABLE bulk_write (since INTEGER NOT NULL) STRICT;

      DROP TRIGGER transitions_touch_lead;
      CREATE TRIGGER transitions_touch_lead AFTER INSERT ON stage_transitions WHEN ${NO_BULK_WRITE} BEGIN
        UPDATE leads SET last_activity_at = max(coalesce(last_activity_at, NEW.at), NEW.at) WHERE id = NEW.lead_id;
      END;

      DROP TRIGGER lead_search_insert;
      CREATE TRIGGER lead_search_insert AFTER INSERT ON leads WHEN ${NO_BULK_WRITE} BEGIN
        ${indexLeads('l.id = NEW.id')}
      END;

      DROP TRIGGER lead_search_company;
      CREATE TRIGGER lead_search_company AFTER UPDATE OF name, domain ON companies
      WHEN (OLD.name IS NOT NEW.name OR OLD.domain IS NOT NEW.domain) AND ${NO_BULK_WRITE}
      BEGIN
        DELETE FROM lead_search WHERE rowid IN (SELECT id FROM leads WHERE company_id = NEW.id);
        ${indexLeads('l.company_id = NEW.id')}
      END;

      DROP TRIGGER report_dirty_transition_insert;
      CREATE TRIGGER report_dirty_transition_insert AFTER INSERT ON stage_transitions WHEN ${NO_BULK_WRITE} BEGIN ${markDirty('NEW.lead_id')} END;

      DROP TRIGGER report_dirty_lead_insert;
      CREATE TRIGGER report_dirty_lead_insert AFTER INSERT ON leads WHEN ${NO_BULK_WRITE} BEGIN ${markDirty('NEW.id')} END;
    `);
  },
};
