import type { ReportKind, ReportOf, ReportRequest, ReportSegment, CountingMode } from '../../../shared/domain/reports.ts';
import type { ReportPeriod } from '../../../shared/domain/report-period.ts';
import { createReportService, type ReportService } from '../../../main/reports/report-service.ts';
import { createTestServices, type TestServices } from '../../support/services.ts';
import { buildMarchFixture, MARCH, NOW, type MarchFixture } from './fixture.ts';

export interface ReportTest {
  t: TestServices;
  reports: ReportService;
  fixture: MarchFixture;
  run<K extends ReportKind>(report: K, options?: Partial<Omit<ReportRequest, 'report'>>): Promise<ReportOf<K>>;
}

/** The real services on ':memory:' with the March fixture, and reports over the same connection. */
export function marchReports(options: { dbPath?: string } = {}): ReportTest {
  const t = createTestServices({ now: NOW, ...options });
  const fixture = buildMarchFixture(t, t.clock);
  const reports = createReportService({ db: t.db, dbPath: options.dbPath ?? ':memory:', now: t.clock.now });
  return {
    t,
    reports,
    fixture,
    async run(report, overrides = {}) {
      const request: ReportRequest = { report, period: MARCH, compare: false, segment: null, currency: null, mode: 'cohort', ...overrides };
      return (await reports.run(request)) as ReportOf<typeof report>;
    },
  };
}

export function request(report: ReportKind, period: ReportPeriod, extra: { mode?: CountingMode; segment?: ReportSegment | null; compare?: boolean } = {}): ReportRequest {
  return { report, period, compare: extra.compare ?? false, segment: extra.segment ?? null, currency: null, mode: extra.mode ?? 'cohort' };
}

/** Rows of a funnel as [stage, reached] pairs: the shape the hand counts are written in. */
export function reachedByStage(rows: { stageKey: string; reached: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.stageKey, row.reached]));
}
