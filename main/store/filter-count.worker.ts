import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { FilterContext } from './filter/compile-filter.ts';
import { openWorkerConnection } from './worker-connection.ts';
import { createLeadQueryRepository } from './repositories/lead-query-repository.ts';

/**
 * The filter counter's thread (see filter-counter.ts): counts the live leads each filter keeps, on
 * a connection of its own, so that the sidebar's counts, re-read after every change, never hold up
 * main's event loop (at 100,000 leads they took 40 ms there, and a move asked meanwhile waited).
 */
export interface FilterCountWorkerData {
  dbPath: string;
}
export interface FilterCountRequest {
  id: number;
  filters: LeadFilter[];
  context: FilterContext;
}
export type FromFilterCountWorker = { id: number; counts: number[] } | { id: number; error: string };

if (isMainThread || !parentPort) throw new Error('filter-count.worker.ts runs inside a worker thread');
const port = parentPort;
const db = openWorkerConnection((workerData as FilterCountWorkerData).dbPath, { readonly: true });
const query = createLeadQueryRepository(db);

port.on('message', ({ id, filters, context }: FilterCountRequest) => {
  try {
    port.postMessage({ id, counts: filters.map((filter) => query.count(filter, context)) } satisfies FromFilterCountWorker);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FromFilterCountWorker);
  }
});
