import { afterEach, describe, expect, it, vi } from 'vitest';
import { settleWithin } from '../../../main/electron/settle-within.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('settleWithin', () => {
  it('settles as soon as the work does', async () => {
    vi.useFakeTimers();
    let settled = false;
    const waiting = settleWithin(Promise.resolve('done'), 5000, 'x').then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    await waiting;
  });

  it('settles after the limit when the work never ends', async () => {
    vi.useFakeTimers();
    let settled = false;
    void settleWithin(new Promise(() => {}), 5000, 'x').then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('logs a failed work and still settles, never rejects', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(settleWithin(Promise.reject(new Error('worker crashed')), 5000, 'Voronka: stop failed:')).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('Voronka: stop failed:', expect.objectContaining({ message: 'worker crashed' }));
  });
});
