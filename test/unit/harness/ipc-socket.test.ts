import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readCall } from '../../../main/harness/ipc-socket.ts';
import type { Harness } from '../../../main/harness/server.ts';
import { MAX_CALL_BYTES, type SocketAnswer } from '../../../shared/ipc/harness-socket.ts';
import { startTestHarness } from '../../support/harness.ts';
import { makeTempDir, type TempDir } from '../../support/services.ts';

const tmp: TempDir = makeTempDir('voronka-socket-');
let harness: Harness;

beforeAll(async () => {
  ({ harness } = await startTestHarness(tmp, { dbName: 'socket.db', indexHtml: '<!doctype html><title>Voronka</title>', version: '4.5.6' }));
});

afterAll(async () => {
  await harness?.close();
  tmp.remove();
});

interface SocketOptions {
  path?: string;
  token?: string | null;
  origin?: string | null;
  host?: string;
}

/** A socket as the page opens it (its own Origin, the token in the query), unless told otherwise. */
function socketUrl({ path = '/ipc', token = harness.token }: SocketOptions = {}): string {
  const url = new URL(path, harness.origin.replace('http:', 'ws:'));
  if (token !== null) url.searchParams.set('token', token);
  return url.href;
}

function openSocket(options: SocketOptions = {}): WebSocket {
  const headers: Record<string, string> = options.host ? { host: options.host } : {};
  const origin = options.origin === undefined ? harness.origin : options.origin;
  const socket = new WebSocket(socketUrl(options), { headers, ...(origin === null ? {} : { origin }) });
  // Refusals and closes are what these tests look at, through their own events.
  socket.on('error', () => {});
  return socket;
}

async function opened(options: SocketOptions = {}): Promise<WebSocket> {
  const socket = openSocket(options);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`Refused: ${response.statusCode}`)));
  });
  return socket;
}

/** The HTTP status that refused the upgrade. */
function refusal(options: SocketOptions): Promise<number> {
  const socket = openSocket(options);
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('The socket opened.')));
  });
}

function answers(socket: WebSocket, count: number): Promise<SocketAnswer[]> {
  const received: SocketAnswer[] = [];
  return new Promise((resolve) => {
    socket.on('message', (data) => {
      received.push(JSON.parse(data.toString()) as SocketAnswer);
      if (received.length === count) resolve(received);
    });
  });
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('IPC over the harness WebSocket', () => {
  it('answers each call by its id from the same handler table: values, validation and unknown channels', async () => {
    const socket = await opened();
    const replies = answers(socket, 4);
    socket.send(JSON.stringify({ id: 7, channel: 'app.info' }));
    socket.send(JSON.stringify({ id: 8, channel: 'leads.get', input: { id: -1 } }));
    socket.send(JSON.stringify({ id: 9, channel: 'nope.nothing', input: {} }));
    socket.send(JSON.stringify({ id: 10, channel: 'leads.create', input: { fields: { firstName: 'Ольга', email: '' } } }));
    const byId = new Map((await replies).map((reply) => [reply.id, reply.result]));
    expect(byId.get(7)).toMatchObject({ ok: true, value: { version: '4.5.6' } });
    expect(byId.get(8)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(byId.get(9)).toEqual({ ok: false, error: { code: 'not_found', message: 'No channel nope.nothing.' } });
    expect(byId.get(10)).toMatchObject({ ok: true, value: { firstName: 'Ольга', stageKey: 'awareness' } });
    socket.close();
  });

  it('is refused without the token, with a wrong one, from another Origin or none, on another path or Host', async () => {
    expect(await refusal({ token: null })).toBe(403);
    expect(await refusal({ token: 'x'.repeat(43) })).toBe(403);
    expect(await refusal({ origin: 'http://evil.example' })).toBe(403);
    expect(await refusal({ origin: null })).toBe(403);
    expect(await refusal({ path: '/events' })).toBe(404);
    expect(await refusal({ host: 'attacker.example:80' })).toBe(421);
  });

  it('closes a socket that sends what it cannot answer, and keeps serving the others', async () => {
    const other = await opened();
    const unreadable = await opened();
    const unreadableClosed = closed(unreadable);
    unreadable.send('{"channel":"app.info"}');
    expect(await unreadableClosed).toBe(1007);

    const tooLarge = await opened();
    const tooLargeClosed = closed(tooLarge);
    tooLarge.send(JSON.stringify({ id: 1, channel: 'activities.addNote', input: { body: 'x'.repeat(MAX_CALL_BYTES) } }));
    expect(await tooLargeClosed).toBe(1009);

    const reply = answers(other, 1);
    other.send(JSON.stringify({ id: 1, channel: 'stages.list' }));
    expect((await reply)[0]).toMatchObject({ id: 1, result: { ok: true } });
    other.close();
  });

  it('reads a call only with a whole-number id; a missing channel is answered as unknown', () => {
    expect(readCall('{"id":3,"channel":"app.info","input":{"a":1}}')).toEqual({ id: 3, channel: 'app.info', input: { a: 1 } });
    expect(readCall('{"id":4}')).toEqual({ id: 4, channel: '', input: undefined });
    for (const text of ['', 'nope', 'null', '[1]', '{"id":"3"}', '{"id":1.5}', '{"channel":"app.info"}']) expect(readCall(text)).toBeNull();
  });
});

describe('closing the harness', () => {
  it('drops the open sockets', async () => {
    const own = makeTempDir('voronka-socket-close-');
    const { harness: closing } = await startTestHarness(own, { dbName: 'close.db', indexHtml: '<!doctype html>' });
    const socket = new WebSocket(`${closing.origin.replace('http:', 'ws:')}/ipc?token=${closing.token}`, { origin: closing.origin });
    await new Promise((resolve) => socket.once('open', resolve));
    const socketClosed = closed(socket);
    await closing.close();
    expect(await socketClosed).toBe(1006);
    own.remove();
  });
});
