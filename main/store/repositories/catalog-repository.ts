import type { Database } from 'better-sqlite3';
import type { Stage } from '../../../shared/domain/stage.ts';
import type { Reason, ReasonKind } from '../../../shared/domain/reasons.ts';

/** Stages and reason lists: the small, rarely edited tables the rules read. */
export function createCatalogRepository(db: Database) {
  const allStages = db.prepare<[], Omit<Stage, 'requiresDeal'> & { requiresDeal: number }>(`
    SELECT key, name, funnel, position, probability, kind, requires_deal AS requiresDeal FROM stages ORDER BY position`);
  const allReasons = db.prepare<[], Reason>('SELECT id, kind, label, position FROM reasons ORDER BY kind, position, id');
  const reasonById = db.prepare<[number], Reason>('SELECT id, kind, label, position FROM reasons WHERE id = ?');
  const reasonsOfKind = db.prepare<[ReasonKind], Reason>(
    'SELECT id, kind, label, position FROM reasons WHERE kind = ? ORDER BY position, id',
  );
  const insertReason = db.prepare(`
    INSERT INTO reasons (kind, label, position)
    VALUES (@kind, @label, (SELECT coalesce(max(position), -1) + 1 FROM reasons WHERE kind = @kind))`);
  const deleteReason = db.prepare('DELETE FROM reasons WHERE id = ?');

  return {
    stages(): Stage[] {
      return allStages.all().map((row) => ({ ...row, requiresDeal: row.requiresDeal === 1 }));
    },
    reasons(): Reason[] {
      return allReasons.all();
    },
    reason(id: number): Reason | undefined {
      return reasonById.get(id);
    },
    /** Case-insensitive, Cyrillic included (SQLite's NOCASE folds ASCII only); an exact match wins. */
    reasonByLabel(kind: ReasonKind, label: string): Reason | undefined {
      const list = reasonsOfKind.all(kind);
      const folded = label.toLowerCase();
      return list.find((reason) => reason.label === label) ?? list.find((reason) => reason.label.toLowerCase() === folded);
    },
    addReason(kind: ReasonKind, label: string): Reason {
      return reasonById.get(Number(insertReason.run({ kind, label }).lastInsertRowid))!;
    },
    removeReason(id: number): boolean {
      return deleteReason.run(id).changes > 0;
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
