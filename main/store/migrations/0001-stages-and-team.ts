import type { Migration } from './migration.ts';

const DEFAULT_STAGES = [
  // key, name, funnel, probability, kind, requires_deal
  ['awareness', 'Awareness (ToFu)', 'marketing', 0.01, 'open', 0],
  ['consideration', 'Consideration (MoFu)', 'marketing', 0.03, 'open', 0],
  ['conversion', 'Conversion (BoFu)', 'marketing', 0.05, 'open', 0],
  ['mql', 'MQL', 'sales', 0.1, 'open', 0],
  ['sal', 'SAL', 'sales', 0.2, 'open', 0],
  ['sql', 'SQL', 'sales', 0.4, 'open', 1],
  ['won', 'Closed-won', 'sales', 1, 'won', 1],
  ['lost', 'Closed-lost', 'sales', 0, 'lost', 0],
] as const;

export const stagesAndTeam: Migration = {
  version: 1,
  name: 'stages, team members and settings',
  up(db) {
    db.exec(`
      CREATE TABLE stages (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        funnel TEXT NOT NULL CHECK (funnel IN ('marketing', 'sales')),
        position INTEGER NOT NULL UNIQUE,
        probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
        kind TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
        requires_deal INTEGER NOT NULL DEFAULT 0 CHECK (requires_deal IN (0, 1))
      ) STRICT;

      CREATE TABLE team_members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        role TEXT NOT NULL CHECK (role IN ('marketing', 'sdr', 'account_executive')),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare(
      'INSERT INTO stages (key, name, funnel, position, probability, kind, requires_deal) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    DEFAULT_STAGES.forEach(([key, name, funnel, probability, kind, requiresDeal], index) =>
      insert.run(key, name, funnel, index, probability, kind, requiresDeal),
    );
  },
};
