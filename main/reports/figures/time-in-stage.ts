import { leadDisplayName } from '../../../shared/domain/lead.ts';
import type { StageNow, StaleLead, TimeInStageFigures, Velocity } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { DAY_MS, OPEN_STAYS, STAYS_ENDED } from '../day-totals.ts';
import { all, and, one, sql, within, type ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';
import { percentile } from './percentile.ts';

/** Stale leads listed per stage (the oldest); the counts cover all of them. */
export const STALE_LIST_PER_STAGE = 25;

/** Stays that ended in a period, per length in whole quarter-days (ascending). */
interface LengthCount {
  quarterDays: number;
  n: number;
}

/**
 * Days per stay in each open stage, for the stays that ended in the period (a lead still in a stage
 * has no length yet: it shows under "now"), and velocity: MQL → Closed-won for journeys won in the period.
 * The median and 75th percentile are exact: the per-day totals count the stays per length in quarter-days,
 * which says in which length (and at which rank within it) each percentile's values sit; only those
 * are read from the stays, in order.
 */
export function timeInStageFigures(ctx: ReportContext, bounds: PeriodBounds): TimeInStageFigures {
  const open = ctx.stages.filter((stage) => stage.kind === 'open');
  const lengths = stayLengths(ctx, bounds, open.map((stage) => stage.key));
  return {
    stages: open.map((stage) => {
      const counts = lengths.get(stage.key) ?? [];
      const stays = counts.reduce((total, length) => total + length.n, 0);
      const known = new Map<number, number>();
      const valueAt = (rank: number) => known.get(rank) ?? readStayDays(ctx, bounds, stage.key, counts, rank, known);
      return {
        stageKey: stage.key,
        stageName: stage.name,
        funnel: stage.funnel,
        stays,
        medianDays: percentile(stays, 0.5, valueAt),
        p75Days: percentile(stays, 0.75, valueAt),
      };
    }),
    velocity: velocity(ctx, bounds),
  };
}

/** The stages are named, so that the stays at the period's edges are read from their ranges of report_stays_left. */
function stayLengths(ctx: ReportContext, bounds: PeriodBounds, stageKeys: string[]): Map<string, LengthCount[]> {
  const ended = facts(ctx, STAYS_ENDED, bounds, { match: { stage_key: stageKeys } });
  const rows = all<LengthCount & { stageKey: string }>(ctx, {
    sql: `
      SELECT f.stage_key AS stageKey, f.quarter_days AS quarterDays, sum(f.n) AS n FROM (${ended.sql}) f
      GROUP BY f.stage_key, f.quarter_days HAVING sum(f.n) > 0 ORDER BY f.stage_key, f.quarter_days`,
    params: ended.params,
  });
  const byStage = new Map<string, LengthCount[]>();
  for (const { stageKey, ...count } of rows) {
    let list = byStage.get(stageKey);
    if (!list) byStage.set(stageKey, (list = []));
    list.push(count);
  }
  return byStage;
}

/**
 * The length in days of the stay at `rank` (0-based, shortest first) among those `counts` describe,
 * and of the next one if it has the same length in quarter-days (a percentile between two ranks reads both
 * at once): both go into `known`.
 */
function readStayDays(ctx: ReportContext, bounds: PeriodBounds, stageKey: string, counts: LengthCount[], rank: number, known: Map<number, number>): number {
  let through = 0;
  const length = counts.find((count) => (through += count.n) > rank)!;
  const where = and(
    sql('x.stage_key = ? AND CAST(x.days * 4 AS INTEGER) = ? AND x.left_at IS NOT NULL', stageKey, length.quarterDays),
    within('x.left_at', bounds),
    ctx.segment.onRow('x'),
  );
  const days = all<{ days: number }>(ctx, {
    sql: `SELECT x.days FROM report_stays x INDEXED BY report_stays_length WHERE ${where.sql} ORDER BY x.days LIMIT 2 OFFSET ?`,
    params: [...where.params, rank - (through - length.n)],
  });
  days.forEach((row, next) => {
    if (rank + next < through) known.set(rank + next, row.days);
  });
  return days[0]!.days;
}

function velocity(ctx: ReportContext, bounds: PeriodBounds): Velocity {
  const where = and(within('j.closed_at', bounds), sql("j.outcome = 'won' AND j.mql_at IS NOT NULL"), ctx.segment.onRow('j'));
  return one<Velocity>(ctx, {
    sql: `
      SELECT count(*) AS won, median((j.closed_at - j.mql_at) / ${DAY_MS}.0) AS medianDays,
        percentile((j.closed_at - j.mql_at) / ${DAY_MS}.0, 75) AS p75Days
      FROM report_journeys j INDEXED BY report_journeys_won WHERE ${where.sql}`,
    params: where.params,
  });
}

/** Every instant a Date can hold: the current stays, whenever they began. */
const EVER = { startMs: -8.64e15, endMs: 8.64e15 };

/** Leads in each open stage now, and how many of them for longer than the stage's limit. */
export function stagesNow(ctx: ReportContext): StageNow[] {
  const limits = staleLimits(ctx);
  const open = ctx.stages.filter((stage) => stage.kind === 'open');
  const count = (stageKey: string, enteredBefore: number) => {
    const stays = facts(ctx, OPEN_STAYS, { startMs: EVER.startMs, endMs: enteredBefore }, { match: { stage_key: [stageKey] } });
    return one<{ n: number }>(ctx, { sql: `SELECT coalesce(sum(f.n), 0) AS n FROM (${stays.sql}) f`, params: stays.params }).n;
  };
  return open.map((stage) => {
    const limit = limits.get(stage.key) ?? null;
    return {
      stageKey: stage.key,
      stageName: stage.name,
      current: count(stage.key, EVER.endMs),
      staleAfterDays: limit,
      stale: limit === null ? 0 : count(stage.key, ctx.now - limit * DAY_MS),
    };
  });
}

interface StaleRow {
  leadId: number;
  stageKey: string;
  enteredAt: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  ownerName: string | null;
}

/** The oldest stale leads of each stage, sales stages first (the costliest to forget). */
export function staleLeads(ctx: ReportContext): StaleLead[] {
  const limits = staleLimits(ctx);
  const open = ctx.stages.filter((stage) => stage.kind === 'open').reverse();
  const list: StaleLead[] = [];
  for (const stage of open) {
    const limit = limits.get(stage.key);
    if (limit === undefined || limit === null) continue;
    const where = and(sql('s.stage_key = ? AND s.left_at IS NULL AND s.entered_at < ?', stage.key, ctx.now - limit * DAY_MS), ctx.segment.onRow('s'));
    const rows = all<StaleRow>(ctx, {
      sql: `
        SELECT s.lead_id AS leadId, s.stage_key AS stageKey, s.entered_at AS enteredAt,
          l.first_name AS firstName, l.last_name AS lastName, l.email, m.name AS ownerName
        FROM report_stays s JOIN leads l ON l.id = s.lead_id LEFT JOIN team_members m ON m.id = l.owner_id
        WHERE ${where.sql} ORDER BY s.entered_at LIMIT ${STALE_LIST_PER_STAGE}`,
      params: where.params,
    });
    for (const row of rows) {
      list.push({
        leadId: row.leadId,
        name: leadDisplayName(row),
        stageKey: row.stageKey,
        stageName: stage.name,
        ownerName: row.ownerName,
        enteredAt: row.enteredAt,
        days: Math.floor((ctx.now - row.enteredAt) / DAY_MS),
        staleAfterDays: limit,
      });
    }
  }
  return list;
}

function staleLimits(ctx: ReportContext): Map<string, number | null> {
  const rows = all<{ stageKey: string; days: number | null }>(ctx, sql('SELECT stage_key AS stageKey, stale_after_days AS days FROM report_stage_limits'));
  return new Map(rows.map((row) => [row.stageKey, row.days]));
}
