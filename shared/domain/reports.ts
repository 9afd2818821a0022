import type { Funnel } from './stage.ts';
import type { PeriodBounds, ReportPeriod } from './report-period.ts';

/**
 * Funnel reports: what is asked and what comes back. Every figure is computed in SQL in main (in a
 * worker) from the stage history; the definitions shown as help live in report-definitions.ts.
 */
export const REPORT_KINDS = ['funnel', 'time-in-stage', 'win-rate', 'reasons', 'team', 'pipeline', 'sources'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** cohort: journeys started in the period, followed to today. activity: moves made in the period. */
export const COUNTING_MODES = ['cohort', 'activity'] as const;
export type CountingMode = (typeof COUNTING_MODES)[number];

export const SEGMENT_KINDS = ['source', 'persona', 'owner', 'industry', 'view'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/**
 * Narrows a report to some leads. source / persona / industry compare the lead's current value
 * (null: leads without one); owner is a member id (null: unassigned); view is a saved view's filter.
 */
export type ReportSegment =
  | { kind: 'source' | 'persona' | 'industry'; value: string | null }
  | { kind: 'owner'; ownerId: number | null }
  | { kind: 'view'; viewId: number };

export interface ReportRequest {
  report: ReportKind;
  period: ReportPeriod;
  /** Also compute the period just before (see previousPeriod), for deltas. */
  compare: boolean;
  segment: ReportSegment | null;
  /** Money figures are in this currency only; null picks the most used one among open deals. */
  currency: string | null;
  mode: CountingMode;
}

export interface FunnelRow {
  stageKey: string;
  stageName: string;
  funnel: Funnel;
  /** Journeys that reached this stage (entered it or a later one). */
  reached: number;
  /** Of them, journeys that started with the lead's creation... */
  reachedNew: number;
  /** ...and journeys that started with a recycle. */
  reachedRecycled: number;
  /** Journeys that went to Closed-lost from this stage (the leak below the step). */
  lostHere: number;
  /** reached / reached of the stage above; null for the top stage or when the stage above is 0. */
  stepConversion: number | null;
  /** reached / reached of the top stage. */
  cumulativeConversion: number | null;
}

export interface FunnelFigures {
  rows: FunnelRow[];
}

export interface StageTime {
  stageKey: string;
  stageName: string;
  funnel: Funnel;
  /** Stays in this stage that ended in the period. */
  stays: number;
  medianDays: number | null;
  p75Days: number | null;
}

export interface Velocity {
  /** Journeys won in the period that passed MQL. */
  won: number;
  medianDays: number | null;
  p75Days: number | null;
}

export interface TimeInStageFigures {
  stages: StageTime[];
  velocity: Velocity;
}

/** Now, not in a period: who sits in each open stage, and for longer than its limit. */
export interface StageNow {
  stageKey: string;
  stageName: string;
  current: number;
  staleAfterDays: number | null;
  stale: number;
}

export interface StaleLead {
  leadId: number;
  name: string;
  stageKey: string;
  stageName: string;
  ownerName: string | null;
  enteredAt: number;
  days: number;
  staleAfterDays: number;
}

export interface WinRateCell {
  won: number;
  lost: number;
  disqualified: number;
  /** won / (won + lost); null when nothing closed. */
  winRate: number | null;
}

export interface WinRateFigures {
  total: WinRateCell;
  byOwner: ({ ownerId: number | null; ownerName: string } & WinRateCell)[];
  bySource: ({ source: string | null } & WinRateCell)[];
  trend: ({ label: string; from: string; to: string } & WinRateCell)[];
}

export interface ReasonCount {
  reason: string;
  count: number;
  /** Of all of this kind in the period. */
  share: number;
}

export interface ReasonsFigures {
  lost: ReasonCount[];
  disqualified: ReasonCount[];
  recycled: ReasonCount[];
  totals: { lost: number; disqualified: number; recycled: number };
}

export interface TeamRow {
  memberId: number | null;
  name: string;
  /** Live leads in open sales stages (MQL, SAL, SQL) owned by the member, now. */
  openCount: number;
  openValueMinor: number;
  weightedValueMinor: number;
  /** Leads the member moved or wrote an activity on since Monday 00:00 (the seller's zone). */
  touchedThisWeek: number;
  /** Stage moves the member made in the period (undone moves not counted). */
  moves: number;
  previousMoves: number | null;
}

export interface PipelineRow {
  stageKey: string;
  stageName: string;
  funnel: Funnel;
  /** Configured: the stage's probability. */
  probability: number;
  count: number;
  valueMinor: number;
  weightedValueMinor: number;
  observed: ObservedWinRate;
  previousObserved: ObservedWinRate | null;
}

export interface ObservedWinRate {
  /** Journeys closed in the period (won, lost or disqualified) that had reached this stage. */
  closed: number;
  won: number;
  /** won / closed; null when none closed. */
  rate: number | null;
}

export interface SourceRow {
  /** The source or persona; null: leads without one. */
  key: string | null;
  leads: number;
  recycled: number;
  mqls: number;
  sqls: number;
  wins: number;
  leadToMql: number | null;
  mqlToSql: number | null;
  leadToWin: number | null;
}

export interface SourcesFigures {
  bySource: SourceRow[];
  byPersona: SourceRow[];
}

export interface ReportEnvelope {
  period: PeriodBounds;
  previousPeriod: PeriodBounds | null;
  segment: ReportSegment | null;
  mode: CountingMode;
  /** The currency of every money figure (null when no deal has a value yet). */
  currency: string | null;
  /** Currencies of open deals, most used first, for the currency select. */
  currencies: string[];
  /** When the figures were computed (epoch ms). */
  generatedAt: number;
}

export type ReportResult = ReportEnvelope &
  (
    | { report: 'funnel'; current: FunnelFigures; previous: FunnelFigures | null }
    | { report: 'time-in-stage'; current: TimeInStageFigures; previous: TimeInStageFigures | null; now: StageNow[]; staleLeads: StaleLead[] }
    | { report: 'win-rate'; current: WinRateFigures; previous: WinRateFigures | null }
    | { report: 'reasons'; current: ReasonsFigures; previous: ReasonsFigures | null }
    | { report: 'team'; rows: TeamRow[]; weekFrom: string; otherCurrencyDeals: number }
    | { report: 'pipeline'; rows: PipelineRow[]; otherCurrencyDeals: number }
    | { report: 'sources'; current: SourcesFigures; previous: SourcesFigures | null }
  );

export type ReportOf<K extends ReportKind> = Extract<ReportResult, { report: K }>;

/** The stale limit of each stage (days; null: never stale), editable on the Time in stage report. */
export interface StageLimit {
  stageKey: string;
  stageName: string;
  staleAfterDays: number | null;
}

/** While the derived report tables are being built (first run over a big history) or caught up. */
export interface ReportBuildStatus {
  running: boolean;
  done: number;
  total: number | null;
  phase: string;
}

/** a / b, or null when b is 0: a rate over nothing is not 0 %. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
