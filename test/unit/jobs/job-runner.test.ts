import { threadId as hostThreadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createJobRunner, JobBusyError, type JobProgress } from '../../../main/jobs/job-runner.ts';
import type { CounterInput } from './fixtures/counter.worker.ts';

const COUNTER = new URL('./fixtures/counter.worker.ts', import.meta.url);

function startCounter(input: CounterInput, extra: { exclusive?: boolean; cancelGraceMs?: number } = {}) {
  const runner = createJobRunner();
  const seen: JobProgress[] = [];
  const handle = runner.start<CounterInput, { threadId: number; done: number }>({
    kind: 'count',
    worker: COUNTER,
    input,
    onProgress: (p) => seen.push(p),
    ...extra,
  });
  return { runner, handle, seen };
}

describe('createJobRunner', () => {
  it('runs the job in a worker thread (a .ts script under type stripping) and returns its result', async () => {
    const { handle } = startCounter({ total: 10, batch: 5 });
    expect(handle.threadId).not.toBe(hostThreadId);
    const outcome = await handle.outcome;
    expect(outcome).toEqual({ status: 'done', value: { threadId: handle.threadId, done: 10 } });
    expect(hostThreadId).not.toBe(handle.threadId);
  });

  it('delivers progress in order, with the phase, ending at the total', async () => {
    const { handle, seen } = startCounter({ total: 2000, batch: 10, busyMs: 1 });
    await handle.outcome;
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThan(seen[i - 1]!.done);
    expect(seen.at(-1)).toEqual({ done: 2000, total: 2000, phase: 'counting' });
    expect(handle.progress).toEqual(seen.at(-1));
  });

  it('cancels cooperatively: the worker stops at its next check', async () => {
    const { runner, handle, seen } = startCounter({ total: 1_000_000, batch: 10, busyMs: 2 });
    expect(runner.running('count')).toHaveLength(1);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    handle.cancel();
    expect(await handle.outcome).toEqual({ status: 'cancelled' });
    expect(seen.at(-1)!.done).toBeLessThan(1_000_000);
    expect(runner.running()).toEqual([]);
  });

  it('terminates a worker that ignores cancel once the grace period is over', async () => {
    const { handle } = startCounter({ total: 1, batch: 1, fail: 'ignore-cancel' }, { cancelGraceMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = performance.now();
    handle.cancel();
    expect(await handle.outcome).toEqual({ status: 'cancelled' });
    expect(performance.now() - asked).toBeLessThan(3000);
  });

  it('turns an error thrown by the job into a failure with its message', async () => {
    const { handle } = startCounter({ total: 1, batch: 1, fail: 'throw' });
    expect(await handle.outcome).toEqual({ status: 'failed', message: 'The counter refuses: 13 is unlucky', stack: expect.stringContaining('counter.worker.ts') });
  });

  it('survives a worker that crashes with an uncaught exception', async () => {
    const { handle } = startCounter({ total: 1, batch: 1, fail: 'throw-later' });
    expect(await handle.outcome).toMatchObject({ status: 'failed', message: 'The count failed: uncaught in a timer' });
  });

  it('survives a worker that exits without a word', async () => {
    const { handle } = startCounter({ total: 1, batch: 1, fail: 'exit' });
    expect(await handle.outcome).toEqual({ status: 'failed', message: 'The count stopped unexpectedly (exit code 3).' });
  });

  it('reports a result that cannot be sent back', async () => {
    const { handle } = startCounter({ total: 1, batch: 1, fail: 'unclonable' });
    const outcome = await handle.outcome;
    expect(outcome.status).toBe('failed');
    expect(outcome).toMatchObject({ message: expect.stringMatching(/^The job's result could not be sent: /) });
  });

  it('reports a worker script that does not exist', async () => {
    const runner = createJobRunner();
    const handle = runner.start({ kind: 'export', worker: new URL('./fixtures/missing.worker.ts', import.meta.url), input: null });
    const outcome = await handle.outcome;
    expect(outcome.status).toBe('failed');
    expect(outcome).toMatchObject({ message: expect.stringMatching(/^The export failed: .*missing\.worker\.ts/) });
  });

  it('runs one job of a kind at a time when asked, and others freely', async () => {
    const runner = createJobRunner();
    const start = (kind: string, exclusive: boolean) =>
      runner.start({ kind, worker: COUNTER, input: { total: 1_000_000, batch: 10, busyMs: 2 } satisfies CounterInput, exclusive });
    const first = start('export', true);
    expect(() => start('export', true)).toThrow(JobBusyError);
    expect(() => start('export', true)).toThrow('Another export is still running. Wait for it to finish or cancel it.');
    const other = start('import', true);
    expect(runner.running().map((job) => job.kind)).toEqual(['export', 'import']);
    await runner.cancelAll();
    expect(await first.outcome).toEqual({ status: 'cancelled' });
    expect(await other.outcome).toEqual({ status: 'cancelled' });
    const again = start('export', true);
    again.cancel();
    expect(await again.outcome).toEqual({ status: 'cancelled' });
  });
});
