import { describe, expect, it, vi } from 'vitest';
import { resolveToken, tokenFromHash, TOKEN_STORAGE_KEY } from '../../../renderer/api/token.ts';
import { asResult, electronTransport, harnessTransport, type SocketLike } from '../../../renderer/api/transports.ts';
import { MAX_CALL_BYTES } from '../../../shared/ipc/harness-socket.ts';
import type { VoronkaApi } from '../../../shared/ipc/contract.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('harness token', () => {
  it('reads the token from the hash', () => {
    expect(tokenFromHash('#token=abc-123')).toBe('abc-123');
    expect(tokenFromHash('#x=1&token=t')).toBe('t');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });

  it('keeps the token for the session and clears it from the address bar', () => {
    const storage = memoryStorage();
    const clearHash = vi.fn();
    expect(resolveToken({ hash: '#token=secret', storage, clearHash })).toBe('secret');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('secret');
    expect(clearHash).toHaveBeenCalledOnce();
    // After a reload the hash is gone; the stored token is used.
    const again = vi.fn();
    expect(resolveToken({ hash: '', storage, clearHash: again })).toBe('secret');
    expect(again).not.toHaveBeenCalled();
  });

  it('prefers a fresh token in the hash over a stored one', () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    expect(resolveToken({ hash: '#token=new', storage, clearHash: () => {} })).toBe('new');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('new');
  });
});

/** A WebSocket stand-in: records what the page sends; the test opens, answers and closes it. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ id: number; channel: string; input?: unknown }> = [];
  private listeners = new Map<string, Array<(event: { data: unknown }) => void>>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  private emit(type: string, data?: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  open() {
    this.readyState = 1;
    this.emit('open');
  }
  answer(id: number, result: unknown) {
    this.emit('message', JSON.stringify({ id, result }));
  }
  receive(data: unknown) {
    this.emit('message', data);
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
}

function socketHarness() {
  const sockets: FakeSocket[] = [];
  let token = 'tok';
  const api = harnessTransport({
    socketUrl: () => `ws://127.0.0.1:5000/ipc?token=${token}`,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  return { api, sockets, setToken: (next: string) => (token = next) };
}

describe('harness transport', () => {
  it('opens one socket, sends each call once it is open, and settles each by its id', async () => {
    const { api, sockets } = socketHarness();
    const cards = api['board.cards']({ stageKey: 'mql', limit: 50, after: null });
    const info = api['app.info'](undefined);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('ws://127.0.0.1:5000/ipc?token=tok');
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([
      { id: 1, channel: 'board.cards', input: { stageKey: 'mql', limit: 50, after: null } },
      { id: 2, channel: 'app.info' },
    ]);
    // Answers come in the order the calls end.
    sockets[0]!.answer(2, { ok: true, value: { version: '1' } });
    sockets[0]!.answer(1, { ok: false, error: { code: 'not_found', message: 'No such stage.' } });
    await expect(info).resolves.toEqual({ ok: true, value: { version: '1' } });
    await expect(cards).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'No such stage.' } });
    // An open socket sends at once.
    const again = api['app.info'](undefined);
    expect(sockets[0]!.sent.at(-1)).toEqual({ id: 3, channel: 'app.info' });
    sockets[0]!.answer(3, { ok: true, value: 2 });
    await expect(again).resolves.toEqual({ ok: true, value: 2 });
    expect(sockets).toHaveLength(1);
  });

  it('ignores unreadable or unknown answers and reads odd Results as internal failures', async () => {
    const { api, sockets } = socketHarness();
    const call = api['app.info'](undefined);
    sockets[0]!.open();
    sockets[0]!.receive('<html>');
    sockets[0]!.receive(new Uint8Array([1, 2]));
    sockets[0]!.answer(99, { ok: true, value: 'not yours' });
    sockets[0]!.answer(1, 'garbled');
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a closed socket fails its waiting calls, never rejects, and the next call opens a new one', async () => {
    const { api, sockets, setToken } = socketHarness();
    const lost = api['app.info'](undefined);
    sockets[0]!.close();
    await expect(lost).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'Could not reach Voronka. Is it still running?' } });
    setToken('fresh');
    const next = api['app.info'](undefined);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.url).toBe('ws://127.0.0.1:5000/ipc?token=fresh');
    sockets[1]!.open();
    sockets[1]!.answer(2, { ok: true, value: 1 });
    await expect(next).resolves.toEqual({ ok: true, value: 1 });
  });

  it('refuses a call too large for the harness without sending it', async () => {
    const { api, sockets } = socketHarness();
    const tooLarge = { ok: false, error: { code: 'invalid_input', message: 'Request too large.' } };
    await expect(api['activities.addNote']({ leadId: 1, body: 'x'.repeat(MAX_CALL_BYTES) } as never)).resolves.toEqual(tooLarge);
    // Counted in UTF-8 bytes, as the harness counts: Cyrillic takes two bytes a letter.
    await expect(api['activities.addNote']({ leadId: 1, body: 'я'.repeat(MAX_CALL_BYTES / 2) } as never)).resolves.toEqual(tooLarge);
    expect(sockets).toHaveLength(0);
    // Just under the limit in bytes, it goes.
    void api['activities.addNote']({ leadId: 1, body: 'я'.repeat(MAX_CALL_BYTES / 2 - 100) } as never);
    expect(sockets).toHaveLength(1);
  });
});

describe('electron transport', () => {
  it('calls the preload function of the channel and shields rejections', async () => {
    const bridge = {
      'app.info': vi.fn(async () => ({ ok: true, value: { version: '1' } })),
      'stages.list': vi.fn(async () => {
        throw new Error('IPC channel closed');
      }),
    } as unknown as VoronkaApi;
    const api = electronTransport(bridge);
    await expect(api['app.info'](undefined)).resolves.toEqual({ ok: true, value: { version: '1' } });
    await expect(api['stages.list'](undefined)).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'IPC channel closed' } });
    await expect(api['team.list'](undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('accepts only Result-shaped answers', () => {
    expect(asResult({ ok: true, value: 1 })).toEqual({ ok: true, value: 1 });
    expect(asResult({ ok: false, error: { code: 'weird', message: '' } })).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
    expect(asResult('nope')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(asResult(null)).toMatchObject({ ok: false });
  });
});
