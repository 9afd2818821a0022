import type { Migration } from './migration.ts';

export const history: Migration = {
  version: 3,
  name: 'stage transitions and activities',
  up(db) {
    db.exec(`
      CREATE TABLE stage_transitions (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        from_stage TEXT REFERENCES stages (key) ON UPDATE CASCADE,
        to_stage TEXT NOT NULL REFERENCES stages (key) ON UPDATE CASCADE,
        at INTEGER NOT NULL,
        by_member_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL,
        reason TEXT,
        undoes_transition_id INTEGER REFERENCES stage_transitions (id)
      ) STRICT;
      CREATE INDEX transitions_by_lead ON stage_transitions (lead_id, at, id);
      CREATE INDEX transitions_by_time ON stage_transitions (at);

      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('note', 'call', 'email', 'meeting')),
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        by_member_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX activities_by_lead ON activities (lead_id, at);
    `);
  },
};
