import type { Database } from 'better-sqlite3';
import type { StageLimit } from '../../shared/domain/reports.ts';
import { DomainError } from '../../shared/ipc/result.ts';

/** How long a lead may sit in each open stage before the Time in stage report calls it stale. */
export function createStageLimits(db: Database) {
  const list = db.prepare<[], StageLimit>(`
    SELECT s.key AS stageKey, s.name AS stageName, lim.stale_after_days AS staleAfterDays
    FROM stages s LEFT JOIN report_stage_limits lim ON lim.stage_key = s.key WHERE s.kind = 'open' ORDER BY s.position`);
  const upsert = db.prepare(`
    INSERT INTO report_stage_limits (stage_key, stale_after_days) VALUES (?, ?)
    ON CONFLICT (stage_key) DO UPDATE SET stale_after_days = excluded.stale_after_days`);
  return {
    list: (): StageLimit[] => list.all(),
    /** All or nothing: an unknown stage refuses the whole change. */
    set(changes: { stageKey: string; staleAfterDays: number | null }[]): StageLimit[] {
      const open = new Set(list.all().map((limit) => limit.stageKey));
      db.transaction(() => {
        for (const change of changes) {
          if (!open.has(change.stageKey)) throw new DomainError('not_found', `There is no open stage "${change.stageKey}".`);
          upsert.run(change.stageKey, change.staleAfterDays);
        }
      })();
      return list.all();
    },
  };
}
