import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOf } from '../../../shared/domain/reports.ts';
import { cli } from '../../support/cli.ts';
import { createTestServices, makeTempDir, type TempDir } from '../../support/services.ts';
import { buildMarchFixture, NOW } from './fixture.ts';

/** `report KIND` on the March fixture in a DB file, through the report worker like the app. */
let tmp: TempDir;
let dbFile: string;
beforeAll(() => {
  tmp = makeTempDir('voronka-report-cli-');
  dbFile = tmp.file('cli.db');
  const t = createTestServices({ dbPath: dbFile, now: NOW });
  try {
    buildMarchFixture(t, t.clock);
  } finally {
    t.close();
  }
});
afterAll(() => tmp.remove());

const MARCH = ['--from', '2026-03-01', '--to', '2026-03-31', '--tz', 'Europe/Moscow'];

describe('CLI report', () => {
  it('prints a report as CSV by default', async () => {
    const { code, out, err } = await cli('--db', dbFile, 'report', 'funnel', ...MARCH);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('Stage,Funnel,Reached,New journeys,Recycled journeys,Lost from here,Step conversion,Cumulative conversion');
    expect(lines[4]).toBe('MQL,sales,5,5,0,1,0.8333333333333334,0.625');
  });

  it('as JSON, with the activity count and the previous period', async () => {
    const { code, out } = await cli('--db', dbFile, 'report', 'funnel', ...MARCH, '--mode', 'activity', '--compare', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as ReportOf<'funnel'>;
    expect(report.current.rows.map((row) => row.reached)).toEqual([8, 9, 7, 6, 5, 3, 1]);
    expect(report.previousPeriod).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('every report kind answers', async () => {
    for (const kind of ['time-in-stage', 'win-rate', 'reasons', 'team', 'pipeline', 'sources']) {
      const { code, out } = await cli('--db', dbFile, 'report', kind, ...MARCH, '--currency', 'USD');
      expect(code, kind).toBe(0);
      expect(out.split('\r\n').length, kind).toBeGreaterThan(1);
    }
  });

  it('wrong usage exits 2 with the reason', async () => {
    expect(await cli('--db', dbFile, 'report', 'forecast')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown report "forecast"') });
    expect(await cli('--db', dbFile, 'report', 'funnel', '--from', '2026-03-01')).toMatchObject({ code: 2, err: expect.stringContaining('both --from and --to') });
    expect(await cli('--db', dbFile, 'report', 'funnel', ...MARCH, '--format', 'xml')).toMatchObject({ code: 2 });
    expect(await cli('--db', dbFile, 'report', 'funnel', '--from', '2026-03-31', '--to', '2026-03-01')).toMatchObject({ code: 2, err: expect.stringContaining('ends before') });
    expect(await cli('--db', dbFile, 'report', 'funnel', '--tz', 'Mars/Base')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown time zone') });
  });
});
