import type { Worker } from 'node:worker_threads';
import type { JobProgress } from '../jobs/worker-protocol.ts';
import { startWorker } from '../jobs/worker-url.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { FromWorker, ReportJobInput, ReportJobOutput, ToWorker } from './report.worker.ts';

export interface ReportWorkerHost {
  run(input: ReportJobInput, onProgress?: (progress: JobProgress) => void): Promise<ReportJobOutput>;
  close(): Promise<void>;
}

/** An idle worker is stopped after this long; the next report starts a new one. */
const IDLE_MS = 5 * 60_000;

/**
 * One long-lived report worker. The generic job runner (main/jobs) starts a thread per job, which
 * suits an export; a report must answer in a few hundred milliseconds, and loading the modules,
 * opening the connection and preparing the statements again for each one would cost more than the
 * SQL itself. Requests are answered in order; a crashed worker fails the requests it held and the
 * next request starts a fresh one.
 */
export function createReportWorkerHost(script: string | URL): ReportWorkerHost {
  let worker: Worker | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  const pending = new Map<number, { resolve(value: ReportJobOutput): void; reject(error: Error): void; onProgress?: (p: JobProgress) => void }>();

  function failAll(message: string): void {
    for (const call of pending.values()) call.reject(new DomainError('internal', message));
    pending.clear();
  }

  function start(): Worker {
    const started = startWorker(script);
    started.on('message', (message: FromWorker) => {
      const call = pending.get(message.id);
      if (!call) return;
      if (message.type === 'progress') {
        call.onProgress?.({ done: message.done, total: message.total, phase: message.phase });
        return;
      }
      pending.delete(message.id);
      if (message.type === 'result') call.resolve(message.value);
      else call.reject(new DomainError(message.code, message.message));
      if (pending.size === 0) armIdle();
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(`The report worker failed: ${error.message}`);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (pending.size > 0) failAll(`The report worker stopped unexpectedly (exit code ${code}).`);
    });
    // An idle worker must not keep the process (CLI, tests) alive.
    started.unref();
    return started;
  }

  function armIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending.size === 0 && worker) {
        void worker.terminate();
        worker = null;
      }
    }, IDLE_MS);
    idleTimer.unref();
  }

  return {
    run(input, onProgress) {
      if (idleTimer) clearTimeout(idleTimer);
      worker ??= start();
      const id = nextId++;
      const active = worker;
      return new Promise<ReportJobOutput>((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
        // Held while a request is out: the process waits for its answer.
        active.ref();
        active.postMessage({ id, input } satisfies ToWorker);
      }).finally(() => {
        if (pending.size === 0) active.unref();
      });
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      const stopping = worker;
      worker = null;
      failAll('Reports were closed.');
      await stopping?.terminate();
    },
  };
}
