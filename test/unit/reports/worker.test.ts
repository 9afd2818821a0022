import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportEngine } from '../../../main/reports/report-engine.ts';
import { makeTempDir, type TempDir } from '../../support/services.ts';
import { MARCH, NOW } from './fixture.ts';
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
