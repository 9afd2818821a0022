import { DEFAULT_REASONS, REASON_KINDS } from '../../../shared/domain/reasons.ts';
import type { Migration } from './migration.ts';

export const reasons: Migration = {
  version: 4,
  name: 'editable reason lists',
  up(db) {
    db.exec(`
      CREATE TABLE reasons (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('lost', 'disqualified', 'recycled')),
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        UNIQUE (kind, label)
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO reasons (kind, label, position) VALUES (?, ?, ?)');
    for (const kind of REASON_KINDS) {
      DEFAULT_REASONS[kind].forEach((label, index) => insert.run(kind, label, index));
    }
  },
};
