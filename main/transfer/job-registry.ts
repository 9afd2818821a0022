import { randomBytes } from 'node:crypto';
import type { ExportResult, ImportRecord, JobKind, JobStatus } from '../../shared/domain/csv-transfer.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { EventBus } from '../ipc/event-bus.ts';
import { createJobRunner, type JobOutcome } from '../jobs/job-runner.ts';
import { JobCancelledError, type JobProgress } from '../jobs/worker-protocol.ts';

/**
 * The CSV jobs main knows about, by opaque id: started in a worker thread (or, for an in-memory
 * DB that no second connection can open, in this thread), their progress pushed as 'job.progress'
 * and their end as 'job.finished' on the event bus, their last state kept for `jobs.status` (a
 * page that reconnects). One job of each kind at a time.
 */

type Result = ExportResult | ImportRecord;

interface Entry {
  status: JobStatus;
  cancel(): void;
  outcome: Promise<JobOutcome<unknown>>;
}

export interface InProcessControl {
  progress(done: number, total: number | null, phase: string): void;
  throwIfCancelled(): void;
}

export interface StartOptions<I, R> {
  kind: JobKind;
  /** A worker script and its input; or `inProcess` when the DB cannot be opened twice. */
  worker: URL;
  input: I;
  inProcess?: (control: InProcessControl) => Promise<R>;
  /** Turns the worker's value into what `jobs.status` shows (null: nothing to show). */
  toResult?: (value: R) => Promise<Result | null> | Result | null;
  /** Runs once, whatever the outcome, before 'job.finished' is sent. */
  onSettled?: (outcome: JobOutcome<R>) => Promise<void> | void;
  /** What `jobs.status` shows after a cancel or a failure (an import's record: what it committed). */
  resultIfNotDone?: () => Result | null;
}

const KEEP_FINISHED = 50;

export function createJobRegistry(events?: EventBus) {
  const runner = createJobRunner();
  const jobs = new Map<string, Entry>();

  function forget(): void {
    const finished = [...jobs].filter(([, entry]) => entry.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  function runInProcess<R>(run: (control: InProcessControl) => Promise<R>, onProgress: (p: JobProgress) => void) {
    let cancelled = false;
    const outcome: Promise<JobOutcome<R>> = run({
      progress: (done, total, phase) => onProgress({ done, total, phase }),
      throwIfCancelled: () => {
        if (cancelled) throw new JobCancelledError();
      },
    }).then(
      (value) => ({ status: 'done', value }),
      (error: unknown) =>
        error instanceof JobCancelledError ? { status: 'cancelled' } : error instanceof DomainError ? { status: 'failed', message: error.message } : { status: 'failed', message: (error as Error).message, stack: (error as Error).stack ?? '' },
    );
    return { outcome, cancel: () => void (cancelled = true) };
  }

  return {
    /** Starts a job; throws a DomainError when one of its kind is running. */
    start<I, R>(options: StartOptions<I, R>): { jobId: string; outcome: Promise<JobOutcome<R>> } {
      const { kind } = options;
      if ([...jobs.values()].some((entry) => entry.status.kind === kind && entry.status.state === 'running')) {
        throw new DomainError('conflict', `Another ${kind.replace('-', ' ')} is still running. Wait for it to finish or cancel it.`);
      }
      const jobId = randomBytes(9).toString('base64url');
      const status: JobStatus = { jobId, kind, state: 'running', progress: null, message: null, result: null };
      const onProgress = (progress: JobProgress) => {
        status.progress = progress;
        events?.emit({ name: 'job.progress', payload: { jobId, kind, ...progress } });
      };
      const started = options.inProcess
        ? runInProcess(options.inProcess, onProgress)
        : (() => {
            const handle = runner.start<I, R>({ kind, worker: options.worker, input: options.input, onProgress });
            return { outcome: handle.outcome, cancel: () => handle.cancel() };
          })();
      const outcome = started.outcome.then(async (result) => {
        try {
          await options.onSettled?.(result);
          if (result.status === 'done') status.result = (await options.toResult?.(result.value)) ?? null;
          else status.result = options.resultIfNotDone?.() ?? null;
        } catch (error) {
          // The job itself ended; what failed is reading its result. Say so rather than hang.
          result = { status: 'failed', message: (error as Error).message };
        }
        status.state = result.status;
        status.message = result.status === 'failed' ? result.message : null;
        // A file we refuse (CsvFormatError) is the seller's to fix, not a bug: only the others go to the log.
        if (result.status === 'failed' && 'stack' in result && result.stack && !result.stack.startsWith('CsvFormatError')) {
          console.error(`Voronka: ${kind} failed:`, result.stack);
        }
        events?.emit({ name: 'job.finished', payload: { jobId, kind, status: result.status, message: status.message } });
        forget();
        return result;
      });
      jobs.set(jobId, { status, cancel: started.cancel, outcome });
      return { jobId, outcome };
    },
    status(jobId: string): JobStatus {
      const entry = jobs.get(jobId);
      if (!entry) throw new DomainError('not_found', 'That job is not known (it may have finished long ago, or the app restarted).');
      return structuredClone(entry.status);
    },
    cancel(jobId: string): { jobId: string; cancelled: boolean } {
      const entry = jobs.get(jobId);
      if (!entry) throw new DomainError('not_found', 'That job is not known (it may have finished long ago, or the app restarted).');
      if (entry.status.state !== 'running') return { jobId, cancelled: false };
      entry.cancel();
      return { jobId, cancelled: true };
    },
    running(kind: JobKind): boolean {
      return [...jobs.values()].some((entry) => entry.status.kind === kind && entry.status.state === 'running');
    },
    /** The job's outcome, once it settles (for callers that wait: the CLI, channels that answer with the result). */
    async wait(jobId: string): Promise<JobOutcome<unknown>> {
      const entry = jobs.get(jobId);
      if (!entry) throw new DomainError('not_found', 'That job is not known.');
      return entry.outcome;
    },
    async cancelAll(): Promise<void> {
      const running = [...jobs.values()].filter((entry) => entry.status.state === 'running');
      for (const entry of running) entry.cancel();
      await Promise.all(running.map((entry) => entry.outcome));
    },
  };
}

export type JobRegistry = ReturnType<typeof createJobRegistry>;
