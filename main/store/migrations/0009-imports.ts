import type { Migration } from './migration.ts';

/**
 * CSV imports and what each one did, so that an import can be undone as a whole:
 * - imports: one row per run, its settings, counts and status (a cancelled or failed import keeps
 *   the batches it committed, and is undoable like any other);
 * - import_leads: each lead an import created, or updated with its row before the update (its
 *   before-image, with its tags) and the stage move it made, if any;
 * - import_companies: each company an import created, or changed (before-image), or removed as an
 *   orphan, so undo puts companies back as they were too;
 * - import_rejects: the rows that were not stored, as read, with the reason (the rejected-rows CSV);
 * - import_mappings: the column mapping last used for a set of headers (normalized signature).
 * Lead and company ids carry no foreign key: undo deletes the created ones and the record must stay.
 */
export const imports: Migration = {
  version: 9,
  name: 'CSV imports, their undo records and remembered mappings',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        header_json TEXT NOT NULL CHECK (json_valid(header_json)),
        settings_json TEXT NOT NULL CHECK (json_valid(settings_json)),
        on_duplicate TEXT NOT NULL CHECK (on_duplicate IN ('skip', 'update', 'create')),
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'undone')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        undone_at INTEGER,
        read_count INTEGER NOT NULL DEFAULT 0,
        created_count INTEGER NOT NULL DEFAULT 0,
        duplicate_count INTEGER NOT NULL DEFAULT 0,
        updated_count INTEGER NOT NULL DEFAULT 0,
        skipped_count INTEGER NOT NULL DEFAULT 0,
        rejected_count INTEGER NOT NULL DEFAULT 0,
        existing_company_count INTEGER NOT NULL DEFAULT 0,
        message TEXT
      ) STRICT;

      CREATE TABLE import_leads (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        lead_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        transition_id INTEGER,
        PRIMARY KEY (import_id, lead_id)
      ) STRICT, WITHOUT ROWID;
      -- "Did a later import touch this lead?" before an undo.
      CREATE INDEX import_leads_by_lead ON import_leads (lead_id, import_id);

      CREATE TABLE import_companies (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        company_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        PRIMARY KEY (import_id, company_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_companies_by_company ON import_companies (company_id, import_id);

      CREATE TABLE import_rejects (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        fields_json TEXT NOT NULL CHECK (json_valid(fields_json)),
        error TEXT NOT NULL,
        PRIMARY KEY (import_id, line)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE import_mappings (
        signature TEXT PRIMARY KEY,
        columns_json TEXT NOT NULL CHECK (json_valid(columns_json)),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
