import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../main/ipc/event-bus.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';

const progress: AppEvent = { name: 'job.progress', payload: { jobId: 'j1', kind: 'export', done: 5, total: 10, phase: 'rows' } };

describe('event bus', () => {
  it('delivers every event to every subscriber until it unsubscribes', () => {
    const bus = createEventBus();
    const first: AppEvent[] = [];
    const second: AppEvent[] = [];
    const stopFirst = bus.subscribe((event) => first.push(event));
    bus.subscribe((event) => second.push(event));
    bus.emit(progress);
    stopFirst();
    bus.emit(progress);
    expect(first).toEqual([progress]);
    expect(second).toEqual([progress, progress]);
  });

  it('keeps delivering when one listener throws', () => {
    const bus = createEventBus();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: AppEvent[] = [];
    bus.subscribe(() => {
      throw new Error('window closed');
    });
    bus.subscribe((event) => heard.push(event));
    bus.emit(progress);
    expect(heard).toEqual([progress]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
