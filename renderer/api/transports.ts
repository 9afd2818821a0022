import { CHANNELS, type Channel } from '../../shared/ipc/channels.ts';
import type { VoronkaApi } from '../../shared/ipc/contract.ts';
import { MAX_CALL_BYTES, type SocketAnswer, type SocketCall } from '../../shared/ipc/harness-socket.ts';
import type { AppError, Result } from '../../shared/ipc/result.ts';

type AnyCall = (input: unknown) => Promise<Result<unknown>>;

const ERROR_CODES = new Set(['invalid_input', 'not_found', 'rule_violation', 'conflict', 'forbidden', 'internal']);

function internal(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/** Checks that a value has the Result shape; anything else becomes an internal failure. */
export function asResult(value: unknown): Result<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const record = value as { ok: unknown; value?: unknown; error?: unknown };
    if (record.ok === true) return { ok: true, value: record.value };
    if (record.ok === false && typeof record.error === 'object' && record.error !== null) {
      const error = record.error as Partial<AppError>;
      const code = typeof error.code === 'string' && ERROR_CODES.has(error.code) ? error.code : 'internal';
      const message = typeof error.message === 'string' && error.message ? error.message : 'Something went wrong.';
      return { ok: false, error: { code, message } };
    }
  }
  return internal('The app sent an answer it could not read.');
}

function buildApi(call: (channel: Channel, input: unknown) => Promise<Result<unknown>>): VoronkaApi {
  const api: Partial<Record<Channel, AnyCall>> = {};
  for (const channel of CHANNELS) api[channel] = (input) => call(channel, input);
  return api as unknown as VoronkaApi;
}

/** Electron: the preload's functions, with any rejection turned into a failed Result. */
export function electronTransport(bridge: VoronkaApi): VoronkaApi {
  return buildApi(async (channel, input) => {
    try {
      const fn = bridge[channel] as unknown as AnyCall | undefined;
      if (typeof fn !== 'function') return internal(`The app does not offer "${channel}".`);
      return asResult(await fn(input));
    } catch (error) {
      return internal(error instanceof Error ? error.message : 'The app did not answer.');
    }
  });
}

/** What the harness transport needs of a WebSocket (the browser's, or a test's fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface HarnessOptions {
  /** ws://host/ipc?token=… (read when a socket is opened: the token may come later than the module). */
  socketUrl: () => string;
  openSocket: (url: string) => SocketLike;
}

const CONNECTING = 0;
const OPEN = 1;

/**
 * Loopback harness: every call is one message on one WebSocket (see shared/ipc/harness-socket.ts),
 * opened on the first call and again on the first call after it closed. A socket that closes fails
 * the calls still waiting on it; they are not resent, since main may have run them.
 */
export function harnessTransport(options: HarnessOptions): VoronkaApi {
  /** The open (or opening) socket and the calls waiting on its answers. */
  let current: { socket: SocketLike; calls: Map<number, (result: Result<unknown>) => void> } | null = null;
  let lastId = 0;

  function connect(): NonNullable<typeof current> {
    if (current && (current.socket.readyState === CONNECTING || current.socket.readyState === OPEN)) return current;
    const socket = options.openSocket(options.socketUrl());
    const calls = new Map<number, (result: Result<unknown>) => void>();
    const opened = { socket, calls };
    current = opened;
    socket.addEventListener('message', ({ data }) => {
      const answer = readAnswer(data);
      const settle = answer && calls.get(answer.id);
      if (!answer || !settle) return;
      calls.delete(answer.id);
      settle(asResult(answer.result));
    });
    socket.addEventListener('close', () => {
      if (current === opened) current = null;
      for (const settle of calls.values()) settle(internal('Could not reach Voronka. Is it still running?'));
      calls.clear();
    });
    return opened;
  }

  return buildApi(
    (channel, input) =>
      new Promise((resolve) => {
        const id = ++lastId;
        const message = JSON.stringify({ id, channel, input } satisfies SocketCall);
        // Checked here too: the harness closes a socket that sends more, failing every call on it.
        if (tooLarge(message)) {
          resolve({ ok: false, error: { code: 'invalid_input', message: 'Request too large.' } });
          return;
        }
        const { socket, calls } = connect();
        calls.set(id, resolve);
        if (socket.readyState === OPEN) socket.send(message);
        else socket.addEventListener('open', () => socket.send(message));
      }),
  );
}

/** Over MAX_CALL_BYTES in UTF-8; counted only when it could be (UTF-8 takes at most 3 bytes per UTF-16 unit). */
function tooLarge(message: string): boolean {
  return message.length * 3 > MAX_CALL_BYTES && new TextEncoder().encode(message).length > MAX_CALL_BYTES;
}

function readAnswer(data: unknown): SocketAnswer | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JSON.parse(data) as Partial<SocketAnswer> | null;
    return parsed && Number.isSafeInteger(parsed.id) ? (parsed as SocketAnswer) : null;
  } catch {
    return null;
  }
}
