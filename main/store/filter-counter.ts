import type { LeadFilter } from '../../shared/domain/filter.ts';
import { startWorker, workerUrl } from '../jobs/worker-url.ts';
import type { FilterContext } from './filter/compile-filter.ts';
import type { createLeadQueryRepository } from './repositories/lead-query-repository.ts';
import type { FilterCountRequest, FilterCountWorkerData, FromFilterCountWorker } from './filter-count.worker.ts';

/** How many live leads each filter keeps, in the order asked. */
export interface FilterCounter {
  count(filters: readonly LeadFilter[], context: FilterContext): Promise<number[]>;
  close(): Promise<void>;
}

/** Counts on the caller's connection, in its thread: the CLI, tests and in-memory databases. */
export function inProcessFilterCounter(query: ReturnType<typeof createLeadQueryRepository>): FilterCounter {
  return {
    count: async (filters, context) => filters.map((filter) => query.count(filter, context)),
    close: async () => {},
  };
}

/**
 * Counts in a worker thread with a connection of its own (see filter-count.worker.ts): what the
 * app and the harness do, whose main thread also answers the moves. If the worker fails, the
 * requests it held and every later one are counted by `fallback`.
 */
export function startFilterCountWorker(dbPath: string, fallback: FilterCounter): FilterCounter {
  const script = workerUrl('filter-count-worker.cjs', new URL('./filter-count.worker.ts', import.meta.url));
  const worker = startWorker(script, { workerData: { dbPath } satisfies FilterCountWorkerData });
  const pending = new Map<number, { request: FilterCountRequest; resolve: (counts: Promise<number[]>) => void }>();
  let lastId = 0;
  let stopped = false;
  // Idle, it must not keep the process (tests) alive; a request holds it until answered.
  worker.unref();

  function settle(id: number, counts: Promise<number[]>): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    entry.resolve(counts);
  }

  function countElsewhere(): void {
    stopped = true;
    for (const [id, { request }] of pending) settle(id, fallback.count(request.filters, request.context));
  }

  worker.on('message', (message: FromFilterCountWorker) => {
    settle(message.id, 'counts' in message ? Promise.resolve(message.counts) : Promise.reject(new Error(message.error)));
  });
  worker.on('error', (error) => {
    console.error('Voronka: the filter counter failed; counts are taken on the main thread again:', error);
    countElsewhere();
  });
  worker.on('exit', countElsewhere);

  return {
    count(filters, context) {
      if (stopped) return fallback.count(filters, context);
      const request: FilterCountRequest = { id: ++lastId, filters: [...filters], context };
      return new Promise<number[]>((resolve) => {
        pending.set(request.id, { request, resolve });
        worker.ref();
        worker.postMessage(request);
      });
    },
    async close() {
      if (stopped) return;
      stopped = true;
      await worker.terminate();
    },
  };
}
