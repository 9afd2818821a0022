import { describe, expect, it, vi } from 'vitest';
import { resolveToken, tokenFromHash, TOKEN_STORAGE_KEY } from '../../../renderer/api/token.ts';
import { asResult, electronTransport, harnessTransport } from '../../../renderer/api/transports.ts';
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

describe('harness transport', () => {
  it('posts the input with the token and returns the Result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { leadCount: 3 } })));
    const api = harnessTransport({ origin: 'http://127.0.0.1:5000', getToken: () => 'tok', fetch });
    await expect(api['board.cards']({ stageKey: 'mql', limit: 50, after: null })).resolves.toEqual({ ok: true, value: { leadCount: 3 } });
    expect(fetch).toHaveBeenCalledWith('http://127.0.0.1:5000/ipc/board.cards', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-voronka-token': 'tok' },
      body: JSON.stringify({ input: { stageKey: 'mql', limit: 50, after: null } }),
    });
  });

  it('passes failed Results through, whatever the HTTP status', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } }), { status: 403 }));
    const api = harnessTransport({ origin: 'http://x', getToken: () => null, fetch });
    await expect(api['app.info'](undefined)).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } });
  });

  it('turns a network or parse failure into an internal failure, never a rejection', async () => {
    const down = harnessTransport({ origin: 'http://x', getToken: () => 't', fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(down['app.info'](undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    const garbled = harnessTransport({ origin: 'http://x', getToken: () => 't', fetch: vi.fn(async () => new Response('<html>', { status: 502 })) });
    await expect(garbled['app.info'](undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('502') } });
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
