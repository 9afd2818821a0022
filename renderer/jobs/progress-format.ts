import { formatCount, plural, type Unit } from '../ui/numbers.ts';

/** Progress of a long job (export, scan, preview, import) as the seller reads it. */
export interface ProgressLike {
  done: number;
  /** Null while the total is not known yet. */
  total: number | null;
  /** A short word from main: 'reading', 'writing', 'checking', 'importing'... */
  phase: string;
}

/**
 * Whole percent done, or null when the total is unknown (an indeterminate bar). Never 100 before
 * the last item: a bar that says 100% while the job still runs reads as stuck.
 */
export function progressPercent(progress: Pick<ProgressLike, 'done' | 'total'> | null): number | null {
  if (!progress || progress.total === null || progress.total <= 0) return null;
  const ratio = Math.min(1, Math.max(0, progress.done / progress.total));
  const percent = Math.floor(ratio * 100);
  return percent === 100 && progress.done < progress.total ? 99 : percent;
}

const PHASES: Record<string, string> = {
  reading: 'Reading the file',
  scanning: 'Reading the file',
  counting: 'Counting',
  checking: 'Checking rows',
  preview: 'Checking rows',
  writing: 'Writing',
  importing: 'Importing',
  committing: 'Saving',
  undoing: 'Undoing',
};

/** "writing" → "Writing"; an unknown word is shown as it came, capitalized; none → the fallback. */
export function phaseLabel(phase: string, fallback: string): string {
  const word = phase.trim();
  if (!word) return fallback;
  return PHASES[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Writing: 1,200 of 5,000 leads (24%)", "Reading the file: 12,000 rows…", "Importing…" before the first report. */
export function describeProgress(progress: ProgressLike | null, unit: Unit, fallback = 'Working'): string {
  if (!progress) return `${fallback}…`;
  const phase = phaseLabel(progress.phase, fallback);
  if (progress.total === null) return progress.done > 0 ? `${phase}: ${plural(progress.done, unit)}…` : `${phase}…`;
  return `${phase}: ${formatCount(progress.done)} of ${plural(progress.total, unit)} (${progressPercent(progress) ?? 0}%)`;
}

/** "850 KB", "12.4 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 || unit === 0 ? Math.round(value).toString() : String(Math.round(value * 10) / 10);
  return `${text} ${units[unit]}`;
}

/** Progress counted in bytes (the scan of a file): "Reading the file: 3.4 MB of 12 MB (28%)". */
export function describeBytesProgress(progress: ProgressLike | null, fallback: string): string {
  if (!progress) return `${fallback}…`;
  const phase = phaseLabel(progress.phase, fallback);
  if (progress.total === null) return progress.done > 0 ? `${phase}: ${formatBytes(progress.done)}…` : `${phase}…`;
  return `${phase}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)} (${progressPercent(progress) ?? 0}%)`;
}

/** "Uploading: 3.4 MB of 12 MB (28%)". */
export function describeUpload(loaded: number, total: number): string {
  if (total <= 0) return 'Uploading…';
  return `Uploading: ${formatBytes(loaded)} of ${formatBytes(total)} (${progressPercent({ done: loaded, total }) ?? 0}%)`;
}
