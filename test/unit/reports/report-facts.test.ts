import { describe, expect, it } from 'vitest';
import type { CountingMode, ReportKind, ReportSegment } from '../../../shared/domain/reports.ts';
import { REPORT_KINDS } from '../../../shared/domain/reports.ts';
import type { LeadFilter } from '../../../shared/domain/filter.ts';
import { createReportEngine, type ReportEngine } from '../../../main/reports/report-engine.ts';
import { request } from './support.ts';
import type { TestServices } from '../../support/services.ts';
import { randomHistories, RANDOM_NOW, servicesAtRandomStart } from './random-histories.ts';

const services = servicesAtRandomStart();

/** A saved view with this filter: a segment the totals have no slice for, so its figures are counted from the derived rows. */
function view(t: TestServices, name: string, filter: LeadFilter): ReportSegment {
  const id = Number(
    t.db.prepare("INSERT INTO saved_views (name, filter_json, columns_json, sort_json, position) VALUES (?, ?, '[]', '[]', 99)").run(name, JSON.stringify(filter))
      .lastInsertRowid,
  );
  return { kind: 'view', viewId: id };
}

const PERIODS = [
  // Whole UTC days inside, edges at local midnights off UTC (one with a half-hour offset, one with a daylight-saving change).
  { from: '2026-01-12', to: '2026-02-11', timeZone: 'Europe/Moscow' },
  { from: '2026-01-20', to: '2026-03-05', timeZone: 'Asia/Kolkata' },
  { from: '2026-02-20', to: '2026-03-14', timeZone: 'America/New_York' },
  { from: '2026-01-05', to: '2026-03-15', timeZone: 'UTC' },
  // A single day: no whole UTC day inside.
  { from: '2026-02-02', to: '2026-02-02', timeZone: '+05:45' },
];

function figuresAlike(engine: ReportEngine, report: ReportKind, segment: ReportSegment | null, reference: ReportSegment, mode: CountingMode) {
  for (const period of PERIODS) {
    const summed = engine.run({ ...request(report, period, { mode, compare: true }), segment }, { now: RANDOM_NOW });
    const counted = engine.run({ ...request(report, period, { mode, compare: true }), segment: reference }, { now: RANDOM_NOW });
    expect({ ...summed, segment: null }, `${report} ${mode} ${period.timeZone} ${JSON.stringify(segment)}`).toEqual({ ...counted, segment: null });
  }
}

describe('reports from the per-day totals', () => {
  it.each([3, 5])('every report summed from the totals equals the same report counted from the derived rows (seed %i)', (seed) => {
    const t = services();
    const { more } = randomHistories(t, seed);
    const engine = createReportEngine(t.db);
    engine.catchUp({ now: RANDOM_NOW });
    more();
    const everyone = view(t, 'Everyone', { all: [] });
    const webinar = view(t, 'Webinar', { all: [{ field: 'source', op: 'is_any_of', values: ['Webinar'] }] });
    const noPersona = view(t, 'No persona', { all: [{ field: 'persona', op: 'is_empty' }] });
    const olga = t.db.prepare("SELECT id FROM team_members WHERE name = 'Olga'").pluck().get() as number;
    const olgas = view(t, 'Olga', { all: [{ field: 'ownerId', op: 'is_any_of', values: [String(olga)] }] });
    for (const report of REPORT_KINDS) {
      for (const mode of ['cohort', 'activity'] as const) {
        figuresAlike(engine, report, null, everyone, mode);
        figuresAlike(engine, report, { kind: 'source', value: 'Webinar' }, webinar, mode);
        figuresAlike(engine, report, { kind: 'persona', value: null }, noPersona, mode);
        figuresAlike(engine, report, { kind: 'owner', ownerId: olga }, olgas, mode);
      }
    }
  });

  it("time in stage: the median and 75th percentile are SQLite's own over the same stays", () => {
    const t = services();
    randomHistories(t, 13);
    const engine = createReportEngine(t.db);
    for (const period of PERIODS) {
      const report = engine.run(request('time-in-stage', period), { now: RANDOM_NOW });
      if (report.report !== 'time-in-stage') throw new Error(report.report);
      const bounds = report.period;
      const expected = t.db
        .prepare(
          `SELECT stage_key AS stageKey, count(*) AS stays, median(days) AS medianDays, percentile(days, 75) AS p75Days
           FROM report_stays WHERE left_at >= ? AND left_at < ? GROUP BY stage_key`,
        )
        .all(bounds.startMs, bounds.endMs) as { stageKey: string; stays: number; medianDays: number; p75Days: number }[];
      const byKey = (a: { stageKey: string }, b: { stageKey: string }) => a.stageKey.localeCompare(b.stageKey);
      const openStages = new Set(report.current.stages.map((stage) => stage.stageKey));
      const shown = report.current.stages.filter((stage) => stage.stays > 0).map(({ stageKey, stays, medianDays, p75Days }) => ({ stageKey, stays, medianDays, p75Days }));
      expect(shown.sort(byKey)).toEqual(expected.filter((row) => openStages.has(row.stageKey)).sort(byKey));
      expect(shown.length).toBeGreaterThan(0);
    }
  });
});
