import { isMainThread, parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ReportRequest, ReportResult } from '../../shared/domain/reports.ts';
import { DomainError, type ErrorCode } from '../../shared/ipc/result.ts';
import type { JobProgress } from '../jobs/worker-protocol.ts';
import { openWorkerConnection } from '../store/worker-connection.ts';
import { createReportEngine, type ReportEngine } from './report-engine.ts';

/**
 * The report worker: a long-lived thread with a connection of its own to the DB file (WAL: it reads
 * consistent snapshots while the app keeps writing, and writes only the derived report tables). It
 * answers one request at a time: catch the derived tables up (with progress), then run the report's
 * SQL. Kept alive between requests so that its prepared statements and page cache stay warm; the
 * host (report-worker-host.ts) starts it with this file's path, or its bundle's in Electron.
 */

export interface ReportJobInput {
  dbPath: string;
  now: number;
  /** Null: only bring the derived tables up to date (the first build after an upgrade). */
  request: ReportRequest | null;
}

export interface ReportJobOutput {
  report: ReportResult | null;
  rebuilt: number;
}

export type ToWorker = { id: number; input: ReportJobInput };
export type FromWorker =
  | ({ id: number; type: 'progress' } & JobProgress)
  | { id: number; type: 'result'; value: ReportJobOutput }
  | { id: number; type: 'failed'; code: ErrorCode; message: string };

if (isMainThread || !parentPort) throw new Error('report.worker.ts runs inside a worker thread');
const port = parentPort;
let open: { path: string; db: Database.Database; engine: ReportEngine } | null = null;

function engineFor(dbPath: string): ReportEngine {
  if (open?.path === dbPath) return open.engine;
  open?.db.close();
  const db = openWorkerConnection(dbPath, { readonly: false });
  db.pragma('foreign_keys = ON');
  // A bigger page cache than the default 2 MB: the catch-up writes several indexes at once, and
  // the reports read them again and again.
  db.pragma('cache_size = -65536');
  open = { path: dbPath, db, engine: createReportEngine(db) };
  return open.engine;
}

const PROGRESS_INTERVAL_MS = 100;

port.on('message', ({ id, input }: ToWorker) => {
  let lastSent = 0;
  try {
    const engine = engineFor(input.dbPath);
    const control = {
      now: input.now,
      progress(done: number, total: number, phase: 'building' | 'indexing' = 'building') {
        const at = performance.now();
        if (done < total && phase === 'building' && at - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = at;
        port.postMessage({ id, type: 'progress', done, total, phase } satisfies FromWorker);
      },
    };
    const rebuilt = engine.catchUp(control);
    const report = input.request ? engine.run(input.request, control) : null;
    port.postMessage({ id, type: 'result', value: { report, rebuilt } } satisfies FromWorker);
  } catch (error) {
    const code: ErrorCode = error instanceof DomainError ? error.code : 'internal';
    port.postMessage({ id, type: 'failed', code, message: (error as Error)?.message ?? String(error) } satisfies FromWorker);
  }
});
