import { REPORT_KINDS, type ReportKind } from '../../shared/domain/reports.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { createServices } from '../../main/services/index.ts';
import { openDatabase } from '../../main/store/open-database.ts';
import type { Measurement } from '../lib/results.ts';
import { summarize, timeMs } from '../lib/stats.ts';
import { BENCH_NOW, workingCopy } from '../lib/datasets.ts';
import type { SuiteContext } from './suite.ts';

/** The last full quarter before BENCH_NOW (1 Nov 2026): July to September, compared with April to June. */
const PERIOD = { from: '2026-07-01', to: '2026-09-30', timeZone: 'Europe/Moscow' };

/**
 * Every report through the IPC handler and the report worker, as the Reports screen asks for it:
 * last quarter compared with the one before, all leads. The first build of the derived tables is
 * measured once, apart (it happens once per DB, in the worker, with progress).
 */
export async function reportsSuite({ leads, runs, tempDir, dataset }: SuiteContext & { runs: number }): Promise<Measurement[]> {
  const dbPath = workingCopy(dataset(leads), tempDir);
  const db = openDatabase(dbPath);
  const services = createServices(db, { dbPath, version: 'bench', now: () => BENCH_NOW, rescoreOnOpen: false });
  try {
    const handlers = createHandlerTable(services);
    const build = await timeMs(() => services.reports.prepare());
    const measurements: Measurement[] = [
      {
        suite: 'reports', name: 'first build of the derived report tables (once per DB)', leads, unit: 'ms', stat: 'once',
        value: build, summary: summarize([build]),
      },
    ];
    for (const report of REPORT_KINDS as readonly ReportKind[]) {
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        samples.push(
          await timeMs(async () => {
            const result = await handlers['reports.run']({ report, period: PERIOD, compare: true, segment: null, currency: null, mode: 'cohort' });
            if (!result.ok) throw new Error(`${report}: ${result.error.message}`);
          }),
        );
      }
      const summary = summarize(samples);
      measurements.push({ suite: 'reports', name: `${report}, last quarter vs previous`, leads, unit: 'ms', stat: 'median', value: summary.median, summary, target: 300 });
    }
    return measurements;
  } finally {
    await services.reports.close();
    db.close();
  }
}
