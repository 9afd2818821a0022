import { leadDisplayName } from '../../../shared/domain/lead.ts';
import type { StageNow, StaleLead, TimeInStageFigures, Velocity } from '../../../shared/domain/reports.ts';
import type { PeriodBounds } from '../../../shared/domain/report-period.ts';
import { all, and, one, sql, within, type ReportContext } from '../report-context.ts';

const DAY_MS = 86_400_000;
/** Stale leads listed per stage (the oldest); the counts cover all of them. */
export const STALE_LIST_PER_STAGE = 25;

interface StayRow {
  stageKey: string;
  stays: number;
  medianDays: number | null;
  p75Days: number | null;
}

/**
 * Days per stay in each open stage, for the stays that ended in the period (a lead still in a stage
 * has no length yet: it shows under "now"), and velocity: MQL → Closed-won for journeys won in the period.
 */
export function timeInStageFigures(ctx: ReportContext, bounds: PeriodBounds): TimeInStageFigures {
  const open = ctx.stages.filter((stage) => stage.kind === 'open');
  const rows = new Map<string, StayRow>();
  for (const stage of open) {
    const where = and(sql('s.stage_key = ?', stage.key), within('s.left_at', bounds), ctx.segment.onRow('s'));
    const row = all<StayRow>(ctx, {
      sql: `
        SELECT s.stage_key AS stageKey, count(*) AS stays, median(s.days) AS medianDays, percentile(s.days, 75) AS p75Days
        FROM report_stays s WHERE ${where.sql} GROUP BY s.stage_key`,
      params: where.params,
    })[0];
    if (row) rows.set(stage.key, row);
  }
  return {
    stages: open.map((stage) => {
      const row = rows.get(stage.key);
      return {
        stageKey: stage.key,
        stageName: stage.name,
        funnel: stage.funnel,
        stays: row?.stays ?? 0,
        medianDays: row?.medianDays ?? null,
        p75Days: row?.p75Days ?? null,
      };
    }),
    velocity: velocity(ctx, bounds),
  };
}

function velocity(ctx: ReportContext, bounds: PeriodBounds): Velocity {
  const where = and(within('j.closed_at', bounds), sql("j.outcome = 'won' AND j.mql_at IS NOT NULL"), ctx.segment.onRow('j'));
  return one<Velocity>(ctx, {
    sql: `
      SELECT count(*) AS won, median((j.closed_at - j.mql_at) / ${DAY_MS}.0) AS medianDays,
        percentile((j.closed_at - j.mql_at) / ${DAY_MS}.0, 75) AS p75Days
      FROM report_journeys j WHERE ${where.sql}`,
    params: where.params,
  });
}

interface NowRow {
  stageKey: string;
  current: number;
  stale: number;
}

/** Leads in each open stage now, and how many of them for longer than the stage's limit. */
export function stagesNow(ctx: ReportContext): StageNow[] {
  const limits = staleLimits(ctx);
  const open = ctx.stages.filter((stage) => stage.kind === 'open');
  return open.map((stage) => {
    const limit = limits.get(stage.key) ?? null;
    const threshold = limit === null ? -Infinity : ctx.now - limit * DAY_MS;
    const where = and(sql('s.stage_key = ? AND s.left_at IS NULL', stage.key), ctx.segment.onRow('s'));
    const row = one<NowRow>(ctx, {
      sql: `SELECT count(*) AS current, coalesce(sum(s.entered_at < ?), 0) AS stale FROM report_stays s WHERE ${where.sql}`,
      params: [Number.isFinite(threshold) ? threshold : Number.MIN_SAFE_INTEGER, ...where.params],
    });
    return { stageKey: stage.key, stageName: stage.name, current: row.current, staleAfterDays: limit, stale: limit === null ? 0 : row.stale };
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
