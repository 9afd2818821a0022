import { REPORT_KINDS, COUNTING_MODES, type ReportKind, type CountingMode, type ReportRequest } from '../../shared/domain/reports.ts';
import { localDate, presetPeriod } from '../../shared/domain/report-period.ts';
import type { HandlerTable } from '../../shared/ipc/handler-table.ts';
import { describeInputError } from '../ipc/handlers.ts';
import { reportRequestSchema } from '../../shared/ipc/schemas.ts';
import { reportCsv } from './report-csv.ts';

/** `report KIND ...` of the CLI: the same channel, validation and SQL as the app's Reports screen. */
export interface ReportOptions {
  from?: string;
  to?: string;
  tz?: string;
  mode?: string;
  compare?: boolean;
  currency?: string;
  format?: string;
}

export class ReportUsageError extends Error {}

export async function runReport(
  kind: string,
  options: ReportOptions,
  handlers: HandlerTable,
  io: { out: (text: string) => void; err: (text: string) => void },
  now = Date.now(),
): Promise<number> {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new ReportUsageError(`Unknown report "${kind}". Reports: ${REPORT_KINDS.join(', ')}.`);
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new ReportUsageError('--format is csv or json.');
  const mode = options.mode ?? 'cohort';
  if (!(COUNTING_MODES as readonly string[]).includes(mode)) throw new ReportUsageError('--mode is cohort or activity.');
  if ((options.from === undefined) !== (options.to === undefined)) throw new ReportUsageError('Give both --from and --to, or neither.');
  const timeZone = options.tz ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const thisMonth = presetPeriod('this_month', localDateSafe(now, timeZone), timeZone);
  const raw = {
    report: kind as ReportKind,
    period: { from: options.from ?? thisMonth.from, to: options.to ?? thisMonth.to, timeZone },
    compare: options.compare ?? false,
    segment: null,
    currency: options.currency ?? null,
    mode: mode as CountingMode,
  } satisfies ReportRequest;
  const parsed = reportRequestSchema.safeParse(raw);
  if (!parsed.success) throw new ReportUsageError(describeInputError(parsed.error));
  const result = await handlers['reports.run'](parsed.data);
  if (!result.ok) {
    io.err(`Refused (${result.error.code}): ${result.error.message}`);
    return 1;
  }
  // No byte-order mark on a terminal; `> file.csv` for Excel gets UTF-8 that Excel reads with the import dialog.
  io.out(format === 'json' ? JSON.stringify(result.value, null, 2) : reportCsv(result.value, { bom: false }).content.replace(/\r\n$/, ''));
  return 0;
}

/** An unknown zone is reported by the schema, not by a crash here. */
function localDateSafe(now: number, timeZone: string): string {
  try {
    return localDate(now, timeZone);
  } catch {
    return localDate(now, 'UTC');
  }
}
