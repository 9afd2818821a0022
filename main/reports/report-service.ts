import type { Database } from 'better-sqlite3';
import type { ReportBuildStatus, ReportRequest, ReportResult, StageLimit } from '../../shared/domain/reports.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import { createReportEngine, type ReportEngine } from './report-engine.ts';
import type { ReportJobOutput } from './report.worker.ts';
import { createReportWorkerHost, type ReportWorkerHost } from './report-worker-host.ts';
import { createStageLimits } from './stage-limits.ts';
import { workerUrl } from '../jobs/worker-url.ts';

export interface ReportServiceOptions {
  db: Database;
  dbPath: string;
  now: () => number;
  /** The worker script; defaults to report.worker.ts (or its bundle). */
  worker?: string | URL;
}

const IDLE: ReportBuildStatus = { running: false, done: 0, total: null, phase: '' };

/**
 * Reports for IPC, the harness and the CLI. Each report runs in the report worker (its own
 * connection; the app's event loop stays free), one at a time so that two catch-ups never race for
 * the write lock. An in-memory DB has no second connection, so there (tests) it runs in-process.
 */
export function createReportService(options: ReportServiceOptions) {
  const { db, dbPath, now } = options;
  const inProcess = dbPath === ':memory:' || dbPath === '';
  let engine: ReportEngine | null = null;
  let host: ReportWorkerHost | null = null;
  const limits = createStageLimits(db);
  let queue: Promise<unknown> = Promise.resolve();
  let status: ReportBuildStatus = IDLE;
  let closed = false;

  async function job(request: ReportRequest | null): Promise<ReportJobOutput> {
    // Checked when the job's turn comes: a report queued before close() must not start a new worker after it.
    if (closed) throw new DomainError('internal', 'Reports were closed.');
    if (inProcess) {
      engine ??= createReportEngine(db);
      const rebuilt = engine.catchUp({ now: now() });
      return { report: request ? engine.run(request, { now: now() }) : null, rebuilt };
    }
    host ??= createReportWorkerHost(options.worker ?? workerUrl('report-worker.cjs', new URL('./report.worker.ts', import.meta.url)));
    status = { running: true, done: 0, total: null, phase: 'starting' };
    try {
      return await host.run({ dbPath, now: now(), request }, (progress) => {
        status = { running: true, ...progress };
      });
    } finally {
      status = IDLE;
    }
  }

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async run(request: ReportRequest): Promise<ReportResult> {
      const output = await enqueue(() => job(request));
      return output.report!;
    },
    /** Builds the derived tables ahead of the first report (e.g. right after an upgrade). */
    async prepare(): Promise<number> {
      return (await enqueue(() => job(null))).rebuilt;
    },
    status: (): ReportBuildStatus => status,
    limits: (): StageLimit[] => limits.list(),
    setLimits: (changes: { stageKey: string; staleAfterDays: number | null }[]): StageLimit[] => limits.set(changes),
    /** Stops the worker; waiting and later reports are refused. */
    close: (): Promise<void> => {
      closed = true;
      return host?.close() ?? Promise.resolve();
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
