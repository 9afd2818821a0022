import type { Migration } from './migration.ts';

export const importBy: Migration = {
  version: 10,
  name: 'who ran each import',
  up(db) {
    // Earlier imports stay without a name: nobody recorded who ran them.
    db.exec('ALTER TABLE imports ADD COLUMN by_member_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL');
  },
};
