import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX, type Channel } from '../../../shared/ipc/channels.ts';
import type { HandlerTable } from '../../../shared/ipc/handler-table.ts';
import { ok } from '../../../shared/ipc/result.ts';
import { registerIpcHandlers, type IpcEventLike, type IpcMainLike } from '../../../main/ipc/register-ipc.ts';

type Listener = (event: IpcEventLike, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
    removeHandler(channel) {
      listeners.delete(channel);
    },
  };
  const invoke = (channel: string, event: IpcEventLike, input?: unknown) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, input);
  };
  return { ipcMain, listeners, invoke };
}

function fakeHandlers() {
  const table = {} as Record<Channel, ReturnType<typeof vi.fn>>;
  for (const channel of CHANNELS) table[channel] = vi.fn(async (input: unknown) => ok({ channel, input }));
  return table as unknown as HandlerTable & Record<Channel, ReturnType<typeof vi.fn>>;
}

const APP_URL = 'file:///opt/voronka/dist/renderer/index.html';
const trusted: IpcEventLike = { senderFrame: { url: APP_URL } };
const isTrusted = (event: IpcEventLike) => event.senderFrame?.url === APP_URL;

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract under the prefix, and nothing else', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerIpcHandlers(ipcMain, fakeHandlers(), isTrusted);
    expect([...listeners.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
  });

  it('dispatches a trusted call to its own handler with the raw input', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpcHandlers(ipcMain, handlers, isTrusted);
    const result = await invoke(`${IPC_PREFIX}leads.get`, trusted, { id: 7 });
    expect(result).toEqual(ok({ channel: 'leads.get', input: { id: 7 } }));
    expect(handlers['leads.get']).toHaveBeenCalledWith({ id: 7 });
    expect(handlers['leads.delete']).not.toHaveBeenCalled();
  });

  it.each([
    ['another page', { senderFrame: { url: 'https://evil.example/index.html' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses a call from %s without running the handler', async (_label, event: IpcEventLike) => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpcHandlers(ipcMain, handlers, isTrusted);
    const result = await invoke(`${IPC_PREFIX}leads.delete`, event, { id: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['leads.delete']).not.toHaveBeenCalled();
  });

  it('treats a trust check that throws as untrusted', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpcHandlers(ipcMain, handlers, () => {
      throw new Error('frame gone');
    });
    await expect(invoke(`${IPC_PREFIX}app.info`, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('turns a handler that throws or rejects into an internal error Result', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handlers = fakeHandlers();
    handlers['board.columns'].mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    handlers['team.list'].mockRejectedValue('plain string');
    registerIpcHandlers(ipcMain, handlers, isTrusted);
    await expect(invoke(`${IPC_PREFIX}board.columns`, trusted)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk I/O error' },
    });
    await expect(invoke(`${IPC_PREFIX}team.list`, trusted)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'plain string' },
    });
  });

  it('returns an unregister function that removes every channel', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const removeHandler = vi.spyOn(ipcMain, 'removeHandler');
    const unregister = registerIpcHandlers(ipcMain, fakeHandlers(), isTrusted);
    unregister();
    expect(listeners.size).toBe(0);
    expect(removeHandler).toHaveBeenCalledTimes(CHANNELS.length);
    // Registering again works once the old handlers are gone.
    registerIpcHandlers(ipcMain, fakeHandlers(), isTrusted);
    expect(listeners.size).toBe(CHANNELS.length);
  });

  it('undoes a half-done registration when a channel is already taken', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    ipcMain.handle(`${IPC_PREFIX}leads.move`, async () => 'someone else');
    expect(() => registerIpcHandlers(ipcMain, fakeHandlers(), isTrusted)).toThrow(/second handler/);
    expect([...listeners.keys()]).toEqual([`${IPC_PREFIX}leads.move`]);
  });
});
