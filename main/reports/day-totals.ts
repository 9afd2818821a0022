/**
 * What each per-day totals table of migration 0013 counts: which derived rows, by which instant,
 * with which columns. The upkeep (day-totals-upkeep.ts) and the report side (report-facts.ts) both
 * read these, so that a figure summed from the totals and the same figure counted from the rows
 * are one definition.
 */

/** A slice of the leads: all of them (''), or by their value of a column copied onto every derived row. */
export type SliceColumn = '' | 'source' | 'owner' | 'persona';

/** The derived row's column for a slice. */
export const ROW_COLUMN: Record<Exclude<SliceColumn, ''>, string> = { source: 'source', owner: 'owner_id', persona: 'persona' };

export interface DayTotals {
  table: string;
  /** The derived table counted, read as alias `x`. */
  rows: 'report_journeys' | 'report_rung_entries' | 'report_stays';
  /** The instant (epoch ms) that puts a row on a day. */
  time: string;
  /** Which rows count (SQL on `x`). */
  when: string;
  /** Column of the totals table → its value on a row (SQL on `x`). */
  dims: Record<string, string>;
  /**
   * Columns the rows are also counted by, besides all leads: those a report groups these rows by.
   * Each costs a pass over the derived rows in the first build, so the stays (the most rows) have none.
   */
  slices: readonly Exclude<SliceColumn, ''>[];
}

/** Journeys by the day they started: how far they got (funnel and sources, cohort). */
export const STARTS: DayTotals = {
  table: 'report_day_starts', rows: 'report_journeys', time: 'started_at', when: '1',
  dims: { max_rung: 'x.max_rung', start_kind: 'x.start_kind' }, slices: ['source', 'persona'],
};

/** Journeys by the day they started: how they ended or came back (lost from, recycling reasons). */
export const START_ENDS: DayTotals = {
  table: 'report_day_start_ends', rows: 'report_journeys', time: 'started_at', when: '1',
  dims: { start_kind: 'x.start_kind', start_reason: 'x.start_reason', outcome: 'x.outcome', lost_from_stage: 'x.lost_from_stage' }, slices: [],
};

/** Journeys by the day they closed: outcome and how far they got (win rate, observed win rate). */
export const CLOSES: DayTotals = {
  table: 'report_day_closes', rows: 'report_journeys', time: 'closed_at', when: 'x.closed_at IS NOT NULL',
  dims: { outcome: 'x.outcome', max_rung: 'x.max_rung' }, slices: ['owner', 'source'],
};

/** Journeys closed lost or disqualified, by day: reasons and the stage they were lost from. */
export const LOSSES: DayTotals = {
  table: 'report_day_losses', rows: 'report_journeys', time: 'closed_at', when: "x.closed_at IS NOT NULL AND x.outcome IN ('lost', 'disqualified')",
  dims: { outcome: 'x.outcome', lost_from_stage: 'x.lost_from_stage', lost_reason: 'x.lost_reason' }, slices: [],
};

/** Rungs passed, by day (funnel and sources, activity). */
export const RUNGS: DayTotals = {
  table: 'report_day_rungs', rows: 'report_rung_entries', time: 'entered_at', when: '1',
  dims: { rung: 'x.rung', start_kind: 'x.start_kind' }, slices: ['source', 'persona'],
};

/**
 * Finished stays by the day they ended and their length in whole quarter-days: a histogram for
 * medians, fine enough that the stays of one length in a period are a few thousand.
 */
export const STAYS_ENDED: DayTotals = {
  // quarter_days is the report_stays_length index's expression, so that the stays of one length are read from it.
  table: 'report_day_stays_ended', rows: 'report_stays', time: 'left_at', when: 'x.left_at IS NOT NULL',
  dims: { stage_key: 'x.stage_key', quarter_days: 'CAST(x.days * 4 AS INTEGER)' }, slices: [],
};

/** Moves (stays entered by a move), by day and by who made them (team). */
export const MOVES: DayTotals = {
  table: 'report_day_moves', rows: 'report_stays', time: 'entered_at', when: "x.entry = 'move'",
  dims: { by_member_id: 'x.by_member_id' }, slices: [],
};

/** Current stays (the stage each journey is in now), by the day they began (time in stage: now, stale). */
export const OPEN_STAYS: DayTotals = {
  table: 'report_day_open_stays', rows: 'report_stays', time: 'entered_at', when: 'x.left_at IS NULL',
  dims: { stage_key: 'x.stage_key' }, slices: [],
};

export const ALL_DAY_TOTALS: readonly DayTotals[] = [STARTS, START_ENDS, CLOSES, LOSSES, RUNGS, STAYS_ENDED, MOVES, OPEN_STAYS];

export const DAY_MS = 86_400_000;

/** The UTC day of an instant, in SQL: the same floor as Math.floor(ms / DAY_MS) on the report side. */
export function daySql(time: string): string {
  return `CAST(floor(${time} / ${DAY_MS}.0) AS INTEGER)`;
}
