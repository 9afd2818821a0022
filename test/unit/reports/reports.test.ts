import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marchReports, reachedByStage, type ReportTest } from './support.ts';
import { MARCH, moscow } from './fixture.ts';

/**
 * Every figure of every report against the March fixture (see fixture.ts), counted by hand here.
 * Ladder: awareness 0, consideration 1, conversion 2, MQL 3, SAL 4, SQL 5, won 6.
 * Journeys started in March: A, B, C, E (first), E (recycled), G, I, J — F is deleted, D and H started in February.
 * Highest rung: A 6, B 4, C 1, E₀ 3, E₁ 2, G 1 (its conversion was undone), I 5, J 4.
 */
let r: ReportTest;
beforeAll(() => {
  r = marchReports();
});
afterAll(() => r.t.close());

const stages = ['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won'];
const byStage = (values: number[]) => Object.fromEntries(stages.map((stage, i) => [stage, values[i]]));

describe('funnel conversion', () => {
  it('cohort: journeys started in March, followed to today; skips count as passed; recycled journeys apart', async () => {
    const report = await r.run('funnel', { mode: 'cohort' });
    const rows = report.current.rows;
    expect(reachedByStage(rows)).toEqual(byStage([8, 8, 6, 5, 4, 2, 1]));
    expect(rows.map((row) => row.reachedRecycled)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(rows.map((row) => row.reachedNew)).toEqual([7, 7, 5, 5, 4, 2, 1]);
    expect(rows.map((row) => row.stepConversion)).toEqual([null, 1, 6 / 8, 5 / 6, 4 / 5, 2 / 4, 1 / 2]);
    expect(rows.map((row) => row.cumulativeConversion)).toEqual([1, 1, 6 / 8, 5 / 8, 4 / 8, 2 / 8, 1 / 8]);
    // B was disqualified from SAL, E₀ from MQL, I lost from SQL.
    expect(Object.fromEntries(rows.map((row) => [row.stageKey, row.lostHere]))).toEqual(byStage([0, 0, 0, 1, 1, 1, 0]));
    expect(rows.map((row) => row.funnel)).toEqual(['marketing', 'marketing', 'marketing', 'sales', 'sales', 'sales', 'sales']);
    expect(report.previous).toBeNull();
  });

  it('activity: stages passed in March, Moscow days (D passed consideration to MQL at 03-01 00:30, SAL and SQL at 03-31 23:30)', async () => {
    const report = await r.run('funnel', { mode: 'activity' });
    expect(reachedByStage(report.current.rows)).toEqual(byStage([8, 9, 7, 6, 5, 3, 1]));
    expect(report.current.rows.map((row) => row.reachedRecycled)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    // D's loss at 04-01 00:30 Moscow is April.
    expect(report.current.rows.find((row) => row.stageKey === 'sql')!.lostHere).toBe(1);
  });

  it('the same month in UTC moves D: its MQL move (02-28 21:30 UTC) leaves, its loss (03-31 21:30 UTC) comes in', async () => {
    const report = await r.run('funnel', { mode: 'activity', period: { ...MARCH, timeZone: 'UTC' } });
    expect(reachedByStage(report.current.rows)).toEqual(byStage([8, 8, 6, 5, 5, 3, 1]));
    expect(report.current.rows.find((row) => row.stageKey === 'sql')!.lostHere).toBe(2);
    expect(report.period.startMs).toBe(Date.UTC(2026, 2, 1));
  });

  it('a fixed offset works like the zone it stands for', async () => {
    const zone = await r.run('funnel', { mode: 'activity' });
    const offset = await r.run('funnel', { mode: 'activity', period: { ...MARCH, timeZone: '+03:00' } });
    expect(offset.current).toEqual(zone.current);
  });

  it('compares with February: D and H started then', async () => {
    const report = await r.run('funnel', { mode: 'cohort', compare: true });
    expect(report.previousPeriod).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    // D reached SQL (skipping SAL) and was lost; H never left awareness.
    expect(reachedByStage(report.previous!.rows)).toEqual(byStage([2, 1, 1, 1, 1, 1, 0]));
  });

  it('segments: a source, an owner, a saved view', async () => {
    const referral = await r.run('funnel', { segment: { kind: 'source', value: 'Referral' } });
    expect(reachedByStage(referral.current.rows)).toEqual(byStage([2, 2, 2, 2, 2, 1, 0]));
    const olga = await r.run('funnel', { segment: { kind: 'owner', ownerId: r.fixture.olga } });
    // A, B, C, G.
    expect(reachedByStage(olga.current.rows)).toEqual(byStage([4, 4, 2, 2, 2, 1, 1]));
    const view = r.t.views.save({
      name: 'Referrals', filter: { all: [{ field: 'source', op: 'is_any_of', values: ['Referral'] }] }, columns: [{ key: 'name', width: null }], sort: [],
    });
    const viewed = await r.run('funnel', { segment: { kind: 'view', viewId: view.id } });
    expect(viewed.current).toEqual(referral.current);
    await expect(r.run('funnel', { segment: { kind: 'view', viewId: 999 } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('time in stage', () => {
  it('median and 75th percentile of the stays that ended in March, and MQL → won velocity', async () => {
    const report = await r.run('time-in-stage');
    const mql = report.current.stages.find((s) => s.stageKey === 'mql')!;
    // A 3, B 3, D 30 d 23 h (03-01 00:30 → 03-31 23:30), E₀ 1, J 3.
    expect(mql.stays).toBe(5);
    expect(mql.medianDays).toBeCloseTo(3, 9);
    expect(mql.p75Days).toBeCloseTo(3, 9);
    const awareness = report.current.stages.find((s) => s.stageKey === 'awareness')!;
    // A 3, C 2, D 8 d 14.5 h, E₀ 22 h, G 1: median 2, p75 3 (F is deleted).
    expect(awareness.stays).toBe(5);
    expect(awareness.medianDays).toBeCloseTo(2, 9);
    expect(awareness.p75Days).toBeCloseTo(3, 9);
    const sal = report.current.stages.find((s) => s.stageKey === 'sal')!;
    // A 5 (03-15 → 03-20), B 2; D skipped SAL, J is still there: p75 of [2, 5] is 4.25.
    expect(sal).toMatchObject({ stays: 2, medianDays: 3.5, p75Days: 4.25 });
    expect(report.current.velocity).toEqual({ won: 1, medianDays: 13, p75Days: 13 });
    expect(report.current.stages.map((s) => s.stageKey)).toEqual(['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql']);
  });

  it('now: leads in each stage and the stale ones, past each stage\'s limit', async () => {
    const report = await r.run('time-in-stage');
    const now = Object.fromEntries(report.now.map((s) => [s.stageKey, [s.current, s.stale]]));
    // H 59 days in awareness (limit 60); C 35 and G 33 days in consideration (30); E 30 days in conversion (21); J 23 days in SAL (14).
    expect(now).toEqual({ awareness: [1, 0], consideration: [2, 2], conversion: [1, 1], mql: [0, 0], sal: [1, 1], sql: [0, 0] });
    expect(report.staleLeads.map((lead) => [lead.name, lead.stageKey, lead.days])).toEqual([
      ['Jana', 'sal', 23],
      ['Elena', 'conversion', 30],
      ['Clara', 'consideration', 35],
      ['Galina', 'consideration', 33],
    ]);
    expect(report.staleLeads[0]).toMatchObject({ ownerName: 'James Carter', staleAfterDays: 14 });
  });

  it('limits are set per stage', async () => {
    r.reports.setLimits([{ stageKey: 'awareness', staleAfterDays: 30 }, { stageKey: 'sal', staleAfterDays: null }]);
    try {
      const report = await r.run('time-in-stage');
      expect(report.now.find((s) => s.stageKey === 'awareness')).toMatchObject({ stale: 1, staleAfterDays: 30 });
      expect(report.now.find((s) => s.stageKey === 'sal')).toMatchObject({ stale: 0, staleAfterDays: null });
      expect(report.staleLeads.map((lead) => lead.name)).toEqual(['Elena', 'Clara', 'Galina', 'Hugo']);
      expect(() => r.reports.setLimits([{ stageKey: 'won', staleAfterDays: 3 }])).toThrow(/no open stage/);
    } finally {
      r.reports.setLimits([{ stageKey: 'awareness', staleAfterDays: 60 }, { stageKey: 'sal', staleAfterDays: 14 }]);
    }
  });
});

describe('win rate and reasons', () => {
  it('won / (won + lost) of the journeys closed in March; disqualified apart', async () => {
    const report = await r.run('win-rate');
    // A won; I lost; B and E₀ disqualified. D was lost on 04-01 Moscow.
    expect(report.current.total).toEqual({ won: 1, lost: 1, disqualified: 2, winRate: 0.5 });
    expect(report.current.byOwner).toEqual([
      { ownerId: r.fixture.olga, ownerName: 'Olga Smirnova', won: 1, lost: 0, disqualified: 1, winRate: 1 },
      { ownerId: r.fixture.james, ownerName: 'James Carter', won: 0, lost: 1, disqualified: 1, winRate: 0 },
    ]);
    expect(report.current.bySource).toEqual([
      { source: 'Webinar', won: 1, lost: 0, disqualified: 1, winRate: 1 },
      { source: 'Referral', won: 0, lost: 1, disqualified: 1, winRate: 0 },
    ]);
    // Weeks from Monday, clipped to March: 1 Mar is a Sunday.
    expect(report.current.trend.map((b) => [b.from, b.to, b.won, b.lost, b.disqualified])).toEqual([
      ['2026-03-01', '2026-03-01', 0, 0, 0],
      ['2026-03-02', '2026-03-08', 0, 0, 2],
      ['2026-03-09', '2026-03-15', 0, 0, 0],
      ['2026-03-16', '2026-03-22', 0, 1, 0],
      ['2026-03-23', '2026-03-29', 1, 0, 0],
      ['2026-03-30', '2026-03-31', 0, 0, 0],
    ]);
  });

  it('in UTC, D\'s loss (03-31 21:30 UTC) falls in March', async () => {
    const report = await r.run('win-rate', { period: { ...MARCH, timeZone: 'UTC' } });
    expect(report.current.total).toEqual({ won: 1, lost: 2, disqualified: 2, winRate: 1 / 3 });
  });

  it('lost, disqualification and recycling reasons ranked', async () => {
    const report = await r.run('reasons');
    expect(report.current.lost).toEqual([{ reason: 'Price', count: 1, share: 1 }]);
    expect(report.current.disqualified).toEqual([
      { reason: 'No budget', count: 1, share: 0.5 },
      { reason: 'Not a fit', count: 1, share: 0.5 },
    ]);
    expect(report.current.recycled).toEqual([{ reason: 'Timing was wrong', count: 1, share: 1 }]);
    expect(report.current.totals).toEqual({ lost: 1, disqualified: 2, recycled: 1 });
  });
});

describe('team load', () => {
  it('open opportunities now, leads touched this week, moves made in March and February', async () => {
    const report = await r.run('team', { compare: true });
    expect(report.currency).toBe('USD');
    expect(report.weekFrom).toBe('2026-04-06');
    const rows = Object.fromEntries(report.rows.map((row) => [row.name, row]));
    // Olga: A 6 moves, B 2, C 1, G 1 (the undone conversion and its undo do not count).
    // James: D 2 in March (its loss is April), E 4, I 1, J 1; F's moves went with it.
    expect(rows['Olga Smirnova']).toMatchObject({ openCount: 0, openValueMinor: 0, weightedValueMinor: 0, touchedThisWeek: 0, moves: 10, previousMoves: 0 });
    // J sits in SAL (probability 0.2) with 3,000 USD; James wrote a note on H on 04-08.
    expect(rows['James Carter']).toMatchObject({ openCount: 1, openValueMinor: 300_000, weightedValueMinor: 60_000, touchedThisWeek: 1, moves: 8, previousMoves: 0 });
    expect(report.otherCurrencyDeals).toBe(0);
  });
});

describe('pipeline', () => {
  it('value per open stage in one currency, weighted, beside the win rate observed from each stage', async () => {
    const report = await r.run('pipeline');
    const rows = Object.fromEntries(report.rows.map((row) => [row.stageKey, row]));
    expect(rows.consideration).toMatchObject({ count: 2, valueMinor: 200_000, weightedValueMinor: 6_000, probability: 0.03 });
    expect(rows.conversion).toMatchObject({ count: 1, valueMinor: 1_000_000, weightedValueMinor: 50_000 });
    expect(rows.sal).toMatchObject({ count: 1, valueMinor: 300_000, weightedValueMinor: 60_000 });
    expect(rows.awareness).toMatchObject({ count: 1, valueMinor: 0 });
    // G's 5,000 EUR is not added to dollars.
    expect(report.otherCurrencyDeals).toBe(1);
    // Closed in March: A won (reached won), I lost (SQL), B disqualified (SAL), E₀ disqualified (MQL).
    expect(rows.awareness!.observed).toEqual({ closed: 4, won: 1, rate: 0.25 });
    expect(rows.mql!.observed).toEqual({ closed: 4, won: 1, rate: 0.25 });
    expect(rows.sal!.observed).toEqual({ closed: 3, won: 1, rate: 1 / 3 });
    expect(rows.sql!.observed).toEqual({ closed: 2, won: 1, rate: 0.5 });
    const euros = await r.run('pipeline', { currency: 'EUR' });
    expect(euros.rows.find((row) => row.stageKey === 'consideration')).toMatchObject({ valueMinor: 500_000, weightedValueMinor: 15_000 });
    expect(euros.otherCurrencyDeals).toBe(3);
    expect(euros.currencies).toEqual(['USD', 'EUR']);
  });
});

describe('sources', () => {
  it('cohort: leads, MQLs, SQLs, wins and conversion per source', async () => {
    const report = await r.run('sources');
    expect(report.current.bySource).toEqual([
      { key: 'Webinar', leads: 6, recycled: 1, mqls: 3, sqls: 1, wins: 1, leadToMql: 0.5, mqlToSql: 1 / 3, leadToWin: 1 / 6 },
      { key: 'Referral', leads: 2, recycled: 0, mqls: 2, sqls: 1, wins: 0, leadToMql: 1, mqlToSql: 0.5, leadToWin: 0 },
    ]);
    expect(report.current.byPersona).toEqual([{ key: null, leads: 8, recycled: 1, mqls: 5, sqls: 2, wins: 1, leadToMql: 5 / 8, mqlToSql: 2 / 5, leadToWin: 1 / 8 }]);
  });

  it('activity: journeys started, and MQL, SQL and won passed in March', async () => {
    const report = await r.run('sources', { mode: 'activity' });
    expect(report.current.bySource.map(({ key, leads, recycled, mqls, sqls, wins }) => ({ key, leads, recycled, mqls, sqls, wins }))).toEqual([
      { key: 'Webinar', leads: 6, recycled: 1, mqls: 4, sqls: 2, wins: 1 },
      { key: 'Referral', leads: 2, recycled: 0, mqls: 2, sqls: 1, wins: 0 },
    ]);
  });
});

describe('kept up to date', () => {
  it('follows moves, edits, deletes and restores made after the first report', async () => {
    const local = marchReports();
    try {
      const before = await local.run('funnel');
      expect(before.current.rows[0]!.reached).toBe(8);
      const { C, A, J } = local.fixture.ids;
      // C moves on to conversion (April: not in March's activity, but the cohort follows it to today).
      local.t.clock.set(moscow('04-10 11:00'));
      local.t.leads.move({ leadId: C, toStage: 'conversion', beforeLeadId: null });
      // A is deleted; J changes source.
      local.t.leads.delete(A);
      local.t.leads.update(J, { source: 'Referral' });
      const after = await local.run('funnel');
      expect(reachedByStage(after.current.rows)).toEqual(byStage([7, 7, 6, 4, 3, 1, 0]));
      const sources = await local.run('sources');
      expect(sources.current.bySource.map((row) => [row.key, row.leads])).toEqual([
        ['Webinar', 4],
        ['Referral', 3],
      ]);
      local.t.leads.restore(A);
      const restored = await local.run('funnel');
      expect(restored.current.rows.find((row) => row.stageKey === 'won')!.reached).toBe(1);
    } finally {
      local.t.close();
    }
  });
});
