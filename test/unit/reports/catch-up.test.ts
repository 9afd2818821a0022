import { afterEach, describe, expect, it } from 'vitest';
import { createCatchUp } from '../../../main/reports/catch-up.ts';
import { createReportEngine } from '../../../main/reports/report-engine.ts';
import { createTestServices, type TestServices } from '../../support/services.ts';
import { buildMarchFixture, MARCH, NOW } from './fixture.ts';
import { request } from './support.ts';

const open: TestServices[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function fixture(): TestServices {
  const t = createTestServices({ now: NOW });
  open.push(t);
  buildMarchFixture(t, t.clock);
  return t;
}

const reportIndexes = (t: TestServices) =>
  (t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'report_%' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('catch-up', () => {
  it('a bulk build (indexes dropped, then created again) gives the same figures', async () => {
    const bulk = fixture();
    const plain = fixture();
    const indexes = reportIndexes(plain);
    const phases: string[] = [];
    createCatchUp(bulk.db).run(NOW, { bulkFrom: 1, batchSize: 3, progress: (_d, _t, phase) => phases.push(phase ?? '') });
    expect(phases).toContain('indexing');
    expect(reportIndexes(bulk)).toEqual(indexes);
    const a = createReportEngine(bulk.db).run(request('funnel', MARCH, { compare: true }), { now: NOW });
    const b = createReportEngine(plain.db).run(request('funnel', MARCH, { compare: true }), { now: NOW });
    expect(a).toEqual(b);
  });

  it('gets the indexes back after a build that stopped half-way, cancelled or killed', () => {
    const t = fixture();
    const indexes = reportIndexes(t);
    const catchUp = createCatchUp(t.db);
    let batches = 0;
    expect(() =>
      catchUp.run(NOW, {
        bulkFrom: 1,
        batchSize: 2,
        checkCancelled: () => {
          if (++batches === 3) throw new Error('cancelled');
        },
      }),
    ).toThrow('cancelled');
    expect(reportIndexes(t)).toEqual(indexes);
    expect(catchUp.pending()).toBeGreaterThan(0);
    // Killed: the dropped indexes' SQL is in settings and they are gone.
    const saved = t.db.prepare("SELECT name, sql FROM sqlite_schema WHERE name = 'report_stays_left'").all();
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('reports.dropped_indexes', ?)").run(JSON.stringify(saved));
    t.db.exec('DROP INDEX report_stays_left');
    catchUp.run(NOW);
    expect(reportIndexes(t)).toEqual(indexes);
    expect(catchUp.pending()).toBe(0);
  });
});
