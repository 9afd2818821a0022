import type { Migration } from './migration.ts';

export const leads: Migration = {
  version: 2,
  name: 'leads',
  up(db) {
    db.exec(`
      CREATE TABLE leads (
        id INTEGER PRIMARY KEY,
        first_name TEXT,
        last_name TEXT,
        email TEXT,
        phone TEXT,
        role_title TEXT,
        role_started_on TEXT,
        company_name TEXT,
        company_domain TEXT,
        industry TEXT,
        employee_count INTEGER CHECK (employee_count >= 0),
        source TEXT,
        owner_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL,
        deal_value_minor INTEGER CHECK (deal_value_minor >= 0),
        currency TEXT NOT NULL DEFAULT 'USD',
        expected_close_on TEXT,
        urgency TEXT CHECK (urgency IN ('low', 'medium', 'high')),
        stage_key TEXT NOT NULL REFERENCES stages (key) ON UPDATE CASCADE,
        position TEXT NOT NULL,
        stage_entered_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;

      -- A column of the board, in order, read page by page with a keyset cursor.
      CREATE INDEX leads_by_stage_position ON leads (stage_key, position, id) WHERE deleted_at IS NULL;
      -- Column header figures (count, value per currency) without touching the table rows.
      CREATE INDEX leads_stage_value ON leads (stage_key, currency, deal_value_minor) WHERE deleted_at IS NULL;
      CREATE INDEX leads_owner ON leads (owner_id) WHERE deleted_at IS NULL;
      CREATE INDEX leads_email ON leads (email COLLATE NOCASE) WHERE email IS NOT NULL;
    `);
  },
};
