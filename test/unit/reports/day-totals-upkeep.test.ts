import { describe, expect, it } from 'vitest';
import { createCatchUp } from '../../../main/reports/catch-up.ts';
import { ALL_DAY_TOTALS } from '../../../main/reports/day-totals.ts';
import type { TestServices } from '../../support/services.ts';
import { randomHistories, RANDOM_NOW, servicesAtRandomStart } from './random-histories.ts';

const services = servicesAtRandomStart();

/** Every totals row with a count above zero (a count that dropped to zero keeps its row). */
function totalsNow(t: TestServices): Record<string, string[]> {
  return Object.fromEntries(ALL_DAY_TOTALS.map(({ table }) => [table, t.db.prepare(`SELECT * FROM ${table} WHERE n <> 0`).all().map((row) => JSON.stringify(row)).sort()]));
}

describe('per-day report totals', () => {
  it('kept batch by batch, through moves, undos, edits of past moves, deletes, restores and recycling, equal a count from scratch', () => {
    const t = services();
    const { more } = randomHistories(t, 7);
    const catchUp = createCatchUp(t.db);
    catchUp.run(RANDOM_NOW, { batchSize: 7 });
    more();
    catchUp.run(RANDOM_NOW, { batchSize: 5 });
    const kept = totalsNow(t);
    expect(kept.report_day_starts!.length).toBeGreaterThan(0);
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('reports.day_totals_stale', '1')").run();
    catchUp.run(RANDOM_NOW);
    expect(totalsNow(t)).toEqual(kept);
  });

  it('a bulk build counts the same totals as the batches', () => {
    const bulk = services();
    const plain = services();
    randomHistories(bulk, 11);
    randomHistories(plain, 11);
    createCatchUp(bulk.db).run(RANDOM_NOW, { bulkFrom: 1, batchSize: 9 });
    createCatchUp(plain.db).run(RANDOM_NOW, { batchSize: 9 });
    expect(totalsNow(bulk)).toEqual(totalsNow(plain));
    expect(bulk.db.prepare("SELECT count(*) FROM settings WHERE key = 'reports.day_totals_stale'").pluck().get()).toBe(0);
  });
});
