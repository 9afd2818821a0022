import type { Database, Statement } from 'better-sqlite3';
import type { Funnel, StageKind } from '../../shared/domain/stage.ts';
import type { PeriodBounds } from '../../shared/domain/report-period.ts';
import type { Sql, SqlValue } from '../store/filter/compile-filter.ts';
import type { SegmentSql } from './segment.ts';

export interface ReportStage {
  key: string;
  name: string;
  funnel: Funnel;
  kind: StageKind;
  position: number;
  probability: number;
  requiresDeal: boolean;
  /** Index among open and won stages by position (the ladder); null for lost stages. */
  rung: number | null;
}

/** What every report's SQL needs: the statement cache, the stages, the segment and the clock. */
export interface ReportContext {
  statement(sql: string): Statement;
  stages: ReportStage[];
  /** The ladder: open and won stages by position, index = rung. */
  rungs: ReportStage[];
  /** Rungs of MQL (first sales rung), SQL (first deal rung) and won (first won rung); -1 when missing. */
  mqlRung: number;
  sqlRung: number;
  wonRung: number;
  segment: SegmentSql;
  currency: string | null;
  timeZone: string;
  now: number;
}

/** `a AND b AND ...` with the parameters in order. */
export function and(...parts: Sql[]): Sql {
  return { sql: parts.map((part) => `(${part.sql})`).join(' AND '), params: parts.flatMap((part) => part.params) };
}

export function sql(text: string, ...params: SqlValue[]): Sql {
  return { sql: text, params };
}

/** `x.<column> >= start AND x.<column> < end`: the half-open UTC bounds of a period. */
export function within(column: string, bounds: Pick<PeriodBounds, 'startMs' | 'endMs'>): Sql {
  return { sql: `${column} >= ? AND ${column} < ?`, params: [bounds.startMs, bounds.endMs] };
}

export function all<T>(ctx: ReportContext, query: Sql): T[] {
  return ctx.statement(query.sql).all(...query.params) as T[];
}

export function one<T>(ctx: ReportContext, query: Sql): T {
  return ctx.statement(query.sql).get(...query.params) as T;
}

export function loadStages(db: Database): ReportStage[] {
  const rows = db
    .prepare<[], Omit<ReportStage, 'rung' | 'requiresDeal'> & { requiresDeal: number }>(
      'SELECT key, name, funnel, kind, position, probability, requires_deal AS requiresDeal FROM stages ORDER BY position',
    )
    .all();
  let rung = 0;
  return rows.map((row) => ({ ...row, requiresDeal: row.requiresDeal === 1, rung: row.kind === 'lost' ? null : rung++ }));
}
