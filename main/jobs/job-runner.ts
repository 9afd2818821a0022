import type { ResourceLimits, Worker } from 'node:worker_threads';
import { createCancelFlag, requestCancel, type JobProgress, type JobWorkerData, type WorkerMessage } from './worker-protocol.ts';
import { startWorker } from './worker-url.ts';

/**
 * Runs heavy work (CSV export and import) in worker_threads so that the host's event loop, which
 * serves the UI, stays free. A job is a worker script (written with `runJobWorker`) plus an input;
 * the host gets progress, can cancel, and always gets an outcome: a worker that throws, crashes or
 * exits without a word becomes `{ status: 'failed', message }`, never an exception in the host.
 *
 * The script is given as a resolved path or file URL, so the caller decides where it lives: the
 * .ts source under Node's type stripping (CLI, harness, tests) or a bundled .cjs/.mjs in Electron.
 */

export type { JobProgress } from './worker-protocol.ts';

export type JobOutcome<R> =
  | { status: 'done'; value: R }
  | { status: 'cancelled' }
  /** `message` is for the seller; `stack`, when the worker threw, is for the log. */
  | { status: 'failed'; message: string; stack?: string };

export interface StartJobOptions<I> {
  /** Jobs of one kind share the `exclusive` rule; also used in messages ('export', 'import'). */
  kind: string;
  /** The worker script: an absolute path or a file: URL. */
  worker: string | URL;
  input: I;
  /** Refuse to start while another job of this kind runs (throws JobBusyError). */
  exclusive?: boolean;
  onProgress?: (progress: JobProgress) => void;
  /** After cancel(), how long a worker may take to stop by itself before it is terminated. */
  cancelGraceMs?: number;
  resourceLimits?: ResourceLimits;
}

export interface JobHandle<R> {
  readonly id: number;
  readonly kind: string;
  /** The worker's thread id (never the host's). */
  readonly threadId: number;
  /** The last progress reported, if any. */
  readonly progress: JobProgress | null;
  /** Settles once, never rejects. */
  readonly outcome: Promise<JobOutcome<R>>;
  /** Asks the worker to stop at its next check; terminates it after the grace period. */
  cancel(): void;
}

export interface JobRunner {
  start<I, R>(options: StartJobOptions<I>): JobHandle<R>;
  /** The jobs still running, of one kind or all. */
  running(kind?: string): JobHandle<unknown>[];
  /** Cancels every job and waits for all of them (for quitting the app). */
  cancelAll(): Promise<void>;
}

export class JobBusyError extends Error {
  readonly kind: string;
  constructor(kind: string) {
    super(`Another ${kind} is still running. Wait for it to finish or cancel it.`);
    this.name = 'JobBusyError';
    this.kind = kind;
  }
}

const DEFAULT_CANCEL_GRACE_MS = 5000;

export function createJobRunner(): JobRunner {
  const jobs = new Map<number, JobHandle<unknown>>();
  let nextId = 1;

  function start<I, R>(options: StartJobOptions<I>): JobHandle<R> {
    const { kind } = options;
    if (options.exclusive && [...jobs.values()].some((job) => job.kind === kind)) throw new JobBusyError(kind);

    const id = nextId++;
    const cancelFlag = createCancelFlag();
    const workerData: JobWorkerData<I> = { input: options.input, cancelFlag };
    let worker: Worker;
    try {
      worker = startWorker(options.worker, { workerData, resourceLimits: options.resourceLimits });
    } catch (error) {
      return settledHandle<R>(id, kind, { status: 'failed', message: `The ${kind} could not start: ${(error as Error).message}` });
    }

    let progress: JobProgress | null = null;
    let cancelAsked = false;
    let graceTimer: NodeJS.Timeout | null = null;
    let settle!: (outcome: JobOutcome<R>) => void;
    let settled = false;
    const outcome = new Promise<JobOutcome<R>>((resolve) => {
      settle = (value) => {
        if (settled) return;
        settled = true;
        if (graceTimer) clearTimeout(graceTimer);
        jobs.delete(id);
        resolve(value);
        // The worker has said its last word (or is gone): make sure it does not linger.
        void worker.terminate();
      };
    });

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          progress = { done: message.done, total: message.total, phase: message.phase };
          try {
            options.onProgress?.(progress);
          } catch {
            // A listener's bug must not kill the job.
          }
          return;
        case 'result':
          return settle({ status: 'done', value: message.value as R });
        case 'cancelled':
          return settle({ status: 'cancelled' });
        case 'failed':
          return settle(message.stack ? { status: 'failed', message: message.message, stack: message.stack } : { status: 'failed', message: message.message });
      }
    });
    worker.on('error', (error: Error) => {
      const message = `The ${kind} failed: ${error.message}`;
      settle(error.stack ? { status: 'failed', message, stack: error.stack } : { status: 'failed', message });
    });
    worker.on('messageerror', (error: Error) => {
      settle({ status: 'failed', message: `The ${kind} sent a message that could not be read: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (cancelAsked) return settle({ status: 'cancelled' });
      settle({ status: 'failed', message: `The ${kind} stopped unexpectedly (exit code ${code}).` });
    });

    const handle: JobHandle<R> = {
      id,
      kind,
      threadId: worker.threadId,
      get progress() {
        return progress;
      },
      outcome,
      cancel() {
        if (settled || cancelAsked) return;
        cancelAsked = true;
        requestCancel(cancelFlag);
        graceTimer = setTimeout(() => void worker.terminate(), options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
        graceTimer.unref();
      },
    };
    jobs.set(id, handle as JobHandle<unknown>);
    return handle;
  }

  return {
    start,
    running: (kind) => [...jobs.values()].filter((job) => kind === undefined || job.kind === kind),
    async cancelAll() {
      const all = [...jobs.values()];
      for (const job of all) job.cancel();
      await Promise.all(all.map((job) => job.outcome));
    },
  };
}

function settledHandle<R>(id: number, kind: string, outcome: JobOutcome<R>): JobHandle<R> {
  return { id, kind, threadId: -1, progress: null, outcome: Promise.resolve(outcome), cancel: () => undefined };
}
