import type { TeamRow } from '../../../shared/domain/reports.ts';
import { localMidnightMs, weekStart, type PeriodBounds } from '../../../shared/domain/report-period.ts';
import { MOVES } from '../day-totals.ts';
import { all, and, sql, within, type ReportContext } from '../report-context.ts';
import { facts } from '../report-facts.ts';
import { openDeals } from './open-deals.ts';

interface CountRow {
  memberId: number | null;
  n: number;
}

/** Open sales stages: where a seller's opportunities sit. */
function salesStages(ctx: ReportContext): string[] {
  return ctx.stages.filter((stage) => stage.funnel === 'sales' && stage.kind === 'open').map((stage) => stage.key);
}

/** Per team member: open opportunities now, leads touched this week, moves made in the period (and the previous one). */
export function teamFigures(ctx: ReportContext, bounds: PeriodBounds, previous: PeriodBounds | null): { rows: TeamRow[]; weekFrom: string; otherCurrencyDeals: number } {
  const segLead = ctx.segment.onLead('l');
  const open = openDeals(ctx, salesStages(ctx), (group) => String(group.ownerKey));
  const weekFrom = weekStart(ctx.now, ctx.timeZone);
  const week = { startMs: localMidnightMs(weekFrom, ctx.timeZone), endMs: ctx.now + 1 };
  const staysWeek = and(within('s.entered_at', week), sql('s.by_member_id IS NOT NULL'), ctx.segment.onRow('s'));
  const notesWeek = and(within('a.at', week), sql('a.by_member_id IS NOT NULL AND l.deleted_at IS NULL'), segLead);
  const touched = all<CountRow>(ctx, {
    sql: `
      WITH touches (member, lead) AS (
        SELECT s.by_member_id, s.lead_id FROM report_stays s WHERE ${staysWeek.sql}
        UNION
        SELECT a.by_member_id, a.lead_id FROM activities a JOIN leads l ON l.id = a.lead_id WHERE ${notesWeek.sql}
      )
      SELECT member AS memberId, count(*) AS n FROM touches GROUP BY member`,
    params: [...staysWeek.params, ...notesWeek.params],
  });
  const moves = (period: PeriodBounds) => {
    const made = facts(ctx, MOVES, period);
    return all<CountRow>(ctx, {
      sql: `SELECT f.by_member_id AS memberId, sum(f.n) AS n FROM (${made.sql}) f GROUP BY f.by_member_id`,
      params: made.params,
    });
  };
  const members = all<{ id: number; name: string }>(ctx, sql('SELECT id, name FROM team_members ORDER BY name, id'));
  // Members by id; nobody is 0, as in the open deals' owner key.
  const key = (id: number | null) => String(id ?? 0);
  const touchedBy = new Map(touched.map((row) => [key(row.memberId), row.n]));
  const movesBy = new Map(moves(bounds).map((row) => [key(row.memberId), row.n]));
  const previousBy = previous ? new Map(moves(previous).map((row) => [key(row.memberId), row.n])) : null;

  const row = (memberId: number | null, name: string): TeamRow => {
    const k = key(memberId);
    const o = open.byKey.get(k);
    return {
      memberId,
      name,
      openCount: o?.count ?? 0,
      openValueMinor: o?.openValueMinor ?? 0,
      weightedValueMinor: o?.weightedValueMinor ?? 0,
      touchedThisWeek: touchedBy.get(k) ?? 0,
      moves: movesBy.get(k) ?? 0,
      previousMoves: previousBy ? (previousBy.get(k) ?? 0) : null,
    };
  };
  const rows = members.map((member) => row(member.id, member.name));
  const nobody = row(null, 'Unassigned');
  if (nobody.openCount > 0 || nobody.moves > 0 || (nobody.previousMoves ?? 0) > 0) rows.push(nobody);
  return { rows, weekFrom, otherCurrencyDeals: open.otherCurrencyDeals };
}
