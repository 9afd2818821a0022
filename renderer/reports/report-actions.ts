import type { CountingMode, ReportKind, ReportRequest, ReportSegment } from '../../shared/domain/reports.ts';
import { presetPeriod, type PeriodPreset, type ReportPeriod } from '../../shared/domain/report-period.ts';
import { api } from '../api/index.ts';
import { showError, showToast } from '../state/toasts.ts';
import { browserTimeZone, today, useReports } from './report-store.ts';

let latest = 0;
/** After this long without an answer, the screen asks how far the first build of the report tables is. */
const STATUS_AFTER_MS = 400;

export function currentRequest(): ReportRequest {
  const s = useReports.getState();
  return { report: s.tab, period: s.period, compare: s.compare, segment: s.segment, currency: s.currency, mode: s.mode };
}

/** Runs the report for the current choices; an answer to an older request is dropped. */
export async function loadReport(): Promise<void> {
  const seq = ++latest;
  const request = currentRequest();
  useReports.setState({ loading: true, error: null });
  const poll = setInterval(() => void pollStatus(seq), STATUS_AFTER_MS);
  try {
    const result = await api['reports.run'](request);
    if (seq !== latest) return;
    if (result.ok) useReports.setState({ result: result.value, loading: false, error: null, build: null });
    else useReports.setState({ loading: false, error: result.error.message, build: null });
  } finally {
    clearInterval(poll);
  }
}

async function pollStatus(seq: number): Promise<void> {
  const status = await api['reports.status'](undefined);
  if (seq === latest && status.ok && useReports.getState().loading) useReports.setState({ build: status.value.running ? status.value : null });
}

function change(patch: Partial<ReturnType<typeof useReports.getState>>): void {
  useReports.setState(patch);
  void loadReport();
}

export function openReports(): void {
  const { open, preset } = useReports.getState();
  if (open) return;
  // A preset names a period from today, in the seller's zone: read both now (see initialReports).
  const zone = browserTimeZone();
  useReports.setState({ open: true, ...(preset === 'custom' ? {} : { period: presetPeriod(preset, today(zone), zone) }) });
  void loadReport();
  void loadLimits();
}

export function closeReports(): void {
  latest++;
  useReports.setState({ open: false, loading: false });
}

export function setTab(tab: ReportKind): void {
  // The previous tab's figures must not show under the new heading while it loads.
  change({ tab, result: null });
}

export function setPreset(preset: PeriodPreset): void {
  const zone = useReports.getState().period.timeZone;
  change({ preset, period: presetPeriod(preset, today(zone), zone) });
}

export function setCustomPeriod(period: Pick<ReportPeriod, 'from' | 'to'>): void {
  const current = useReports.getState().period;
  if (!period.from || !period.to || period.from > period.to) return;
  change({ preset: 'custom', period: { ...current, ...period } });
}

export const setCompare = (compare: boolean) => change({ compare });
export const setMode = (mode: CountingMode) => change({ mode });
export const setSegment = (segment: ReportSegment | null) => change({ segment });
export const setCurrency = (currency: string | null) => change({ currency });

export async function loadLimits(): Promise<void> {
  const result = await api['reports.limits'](undefined);
  if (result.ok) useReports.setState({ limits: result.value });
}

export async function saveLimit(stageKey: string, staleAfterDays: number | null): Promise<void> {
  const result = await api['reports.setLimits']({ limits: [{ stageKey, staleAfterDays }] });
  if (!result.ok) {
    showError(result.error.message);
    return;
  }
  useReports.setState({ limits: result.value });
  void loadReport();
}

/** The report as CSV from main (the shared writer), saved through the browser's download (Electron asks where). */
export async function exportCsv(): Promise<void> {
  const result = await api['reports.csv']({ request: currentRequest() });
  if (!result.ok) {
    showError(result.error.message);
    return;
  }
  const url = URL.createObjectURL(new Blob([result.value.content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.value.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  showToast({ tone: 'info', message: `Exported ${result.value.fileName}.` });
}
