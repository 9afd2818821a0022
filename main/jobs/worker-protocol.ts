import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * What a job's worker and the host say to each other, and the worker's side of it.
 *
 * The host passes `{ input, cancelFlag }` as workerData. Cancelling is cooperative: the host sets
 * the shared flag, and the worker looks at it between batches. A shared flag rather than a
 * message because a worker busy in a synchronous loop (better-sqlite3 is synchronous) never
 * gets to read its messages; Atomics.load sees the flag at once.
 */

export interface JobWorkerData<I> {
  input: I;
  /** One Int32: 0 while running, 1 once cancel was asked. */
  cancelFlag: SharedArrayBuffer;
}

export interface JobProgress {
  done: number;
  /** Null while the total is unknown. */
  total: number | null;
  /** A short word for the step ('counting', 'writing', ...), for the UI. */
  phase: string;
}

export type WorkerMessage =
  | ({ type: 'progress' } & JobProgress)
  | { type: 'result'; value: unknown }
  | { type: 'failed'; message: string; stack?: string }
  | { type: 'cancelled' };

/** Thrown by `throwIfCancelled`; the worker then reports 'cancelled' rather than a failure. */
export class JobCancelledError extends Error {
  constructor() {
    super('The job was cancelled');
    this.name = 'JobCancelledError';
  }
}

export function createCancelFlag(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

export function requestCancel(flag: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(flag), 0, 1);
}

export function isCancelRequested(flag: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(flag), 0) === 1;
}

export interface JobContext {
  /** Reports progress; calls closer than `PROGRESS_INTERVAL_MS` apart are dropped unless the phase changes or the job is done. */
  progress(done: number, total: number | null, phase?: string): void;
  readonly cancelled: boolean;
  /** Throws JobCancelledError once cancel was asked: call it between batches. */
  throwIfCancelled(): void;
}

export const PROGRESS_INTERVAL_MS = 100;

/**
 * The body of a worker script: `runJobWorker(async (input, job) => { ... return result; })`.
 * The result must survive structured cloning. Whatever `run` throws reaches the host as a
 * failure with its message; a worker that dies without a word is reported by the host too.
 */
export function runJobWorker<I, R>(run: (input: I, job: JobContext) => Promise<R> | R): void {
  if (isMainThread || !parentPort) throw new Error('runJobWorker() must run inside a worker thread started by the job runner');
  const port = parentPort;
  const { input, cancelFlag } = workerData as JobWorkerData<I>;
  const flag = new Int32Array(cancelFlag);
  let lastSent = 0;
  let lastPhase = '';

  const job: JobContext = {
    progress(done, total, phase = '') {
      const now = performance.now();
      const final = total !== null && done >= total;
      if (phase === lastPhase && !final && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = now;
      lastPhase = phase;
      port.postMessage({ type: 'progress', done, total, phase } satisfies WorkerMessage);
    },
    get cancelled() {
      return Atomics.load(flag, 0) === 1;
    },
    throwIfCancelled() {
      if (Atomics.load(flag, 0) === 1) throw new JobCancelledError();
    },
  };

  const send = (message: WorkerMessage): void => {
    try {
      port.postMessage(message);
    } catch (error) {
      port.postMessage({ type: 'failed', message: `The job's result could not be sent: ${messageOf(error)}` } satisfies WorkerMessage);
    }
  };

  Promise.resolve()
    .then(() => run(input, job))
    .then(
      (value) => send({ type: 'result', value }),
      (error: unknown) =>
        send(
          error instanceof JobCancelledError
            ? { type: 'cancelled' }
            : { type: 'failed', message: messageOf(error), stack: error instanceof Error ? error.stack : undefined },
        ),
    );
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
