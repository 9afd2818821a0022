import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../shared/ipc/channels.ts';
import { EVENT_CHANNEL, type AppEvent } from '../../../shared/ipc/events.ts';

const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => (exposed[key] = api) },
  ipcRenderer,
}));

beforeAll(async () => {
  await import('../../../main/electron/preload.ts');
});

describe('preload bridge', () => {
  it('exposes exactly one function per channel plus onEvent, frozen', () => {
    const api = exposed.voronka!;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
  });

  it('sends each call on its own prefixed channel', async () => {
    await expect(exposed.voronka!['leads.get']!({ id: 3 })).resolves.toEqual({ ok: true, value: { channel: `${IPC_PREFIX}leads.get`, input: { id: 3 } } });
  });

  it('forwards only the event payload to the page, and unsubscribes', () => {
    const heard: AppEvent[] = [];
    const unsubscribe = exposed.voronka!.onEvent!((event: AppEvent) => heard.push(event)) as () => void;
    const [channel, forward] = ipcRenderer.on.mock.calls[0] as [string, (sender: unknown, event: AppEvent) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    const event: AppEvent = { name: 'job.progress', payload: { jobId: 'a', kind: 'import', done: 1, total: 2, phase: 'rows' } };
    forward({ sender: 'ipc internals' }, event);
    expect(heard).toEqual([event]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward);
  });
});
