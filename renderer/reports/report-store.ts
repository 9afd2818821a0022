import { create } from 'zustand';
import type { CountingMode, ReportBuildStatus, ReportKind, ReportResult, ReportSegment, StageLimit } from '../../shared/domain/reports.ts';
import { localDate, presetPeriod, type PeriodPreset, type ReportPeriod } from '../../shared/domain/report-period.ts';

/** The Reports screen: which report, for which period and leads, and the last answer. */
export interface ReportState {
  open: boolean;
  tab: ReportKind;
  preset: PeriodPreset | 'custom';
  period: ReportPeriod;
  compare: boolean;
  mode: CountingMode;
  segment: ReportSegment | null;
  /** Null: the most used currency among open deals (main picks it). */
  currency: string | null;
  result: ReportResult | null;
  loading: boolean;
  error: string | null;
  /** Progress of a first build of the report tables, polled while a report takes long. */
  build: ReportBuildStatus | null;
  limits: StageLimit[];
}

/** The seller's zone as the browser knows it; reports count calendar days there. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function today(timeZone: string, now = Date.now()): string {
  return localDate(now, timeZone);
}

export const initialReports: ReportState = {
  open: false,
  tab: 'funnel',
  preset: 'this_quarter',
  // In UTC until the screen opens, which puts it in the seller's zone (openReports): reading the
  // zone here, at start-up, was the renderer's first Intl call, whose one-time set-up (40-60 ms)
  // then delayed the board's first load.
  period: presetPeriod('this_quarter', new Date().toISOString().slice(0, 10), 'UTC'),
  compare: true,
  mode: 'cohort',
  segment: null,
  currency: null,
  result: null,
  loading: false,
  error: null,
  build: null,
  limits: [],
};

export const useReports = create<ReportState>()(() => ({ ...initialReports }));
