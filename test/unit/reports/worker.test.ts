import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportEngine } from '../../../main/reports/report-engine.ts';
import { createTestServices, makeTempDir, type TempDir } from '../../support/services.ts';
import { buildMarchFixture, MARCH, NOW } from './fixture.ts';
import { marchReports, request, type ReportTest } from './support.ts';

/** The same reports through the worker thread, on a file, as the app, the harness and the CLI run them. */
let tmp: TempDir;
let r: ReportTest;
beforeAll(() => {
  tmp = makeTempDir('voronka-reports-');
  r = marchReports({ dbPath: tmp.file('voronka.db') });
});
afterAll(async () => {
  await r.reports.close();
  r.t.close();
  tmp.remove();
});

describe('the report worker', () => {
  it('answers every report like the in-process engine, and sees writes made since', async () => {
    for (const report of ['funnel', 'time-in-stage', 'win-rate', 'reasons', 'team', 'pipeline', 'sources'] as const) {
      const viaWorker = await r.reports.run(request(report, MARCH, { compare: true }));
      const inProcess = createReportEngine(r.t.db).run(request(report, MARCH, { compare: true }), { now: NOW });
      expect(viaWorker).toEqual(inProcess);
    }
    r.t.leads.delete(r.fixture.ids.A);
    const after = await r.reports.run(request('funnel', MARCH));
    if (after.report !== 'funnel') throw new Error('funnel expected');
    expect(after.current.rows.at(-1)!.reached).toBe(0);
    expect(r.reports.status().running).toBe(false);
  });

  it('passes refusals back with their code', async () => {
    await expect(r.reports.run(request('funnel', MARCH, { segment: { kind: 'view', viewId: 4242 } }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(r.reports.run(request('funnel', { ...MARCH, timeZone: 'Nowhere/City' }))).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('closing the reports', () => {
  it('stops the worker with the other workers, refusing the reports still waiting and any later one', async () => {
    const own = makeTempDir('voronka-reports-close-');
    const t = createTestServices({ now: NOW, dbPath: own.file('voronka.db') });
    try {
      buildMarchFixture(t, t.clock);
      // One report runs in the worker, so there is a worker to stop.
      await expect(t.services.reports.run(request('funnel', MARCH))).resolves.toMatchObject({ report: 'funnel' });
      // Queued, not yet started, when the workers are stopped.
      const waiting = [request('win-rate', MARCH), request('team', MARCH)].map((queued) =>
        expect(t.services.reports.run(queued)).rejects.toMatchObject({ code: 'internal', message: 'Reports were closed.' }),
      );
      await t.services.stopWorkers();
      await Promise.all(waiting);
      await expect(t.services.reports.run(request('funnel', MARCH))).rejects.toMatchObject({ message: 'Reports were closed.' });
      await expect(t.services.reports.prepare()).rejects.toMatchObject({ message: 'Reports were closed.' });
    } finally {
      t.close();
      own.remove();
    }
  });
});
