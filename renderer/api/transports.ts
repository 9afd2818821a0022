import { CHANNELS, type Channel } from '../../shared/ipc/channels.ts';
import type { VoronkaApi } from '../../shared/ipc/contract.ts';
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

export interface HarnessOptions {
  origin: string;
  getToken: () => string | null;
  fetch: typeof fetch;
}

/** Loopback harness: POST {origin}/ipc/{channel} with the session token. */
export function harnessTransport(options: HarnessOptions): VoronkaApi {
  return buildApi(async (channel, input) => {
    let response: Response;
    try {
      response = await options.fetch(`${options.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-voronka-token': options.getToken() ?? '' },
        body: JSON.stringify({ input }),
      });
    } catch {
      return internal('Could not reach Voronka. Is it still running?');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return internal(`Voronka answered with an unreadable response (HTTP ${response.status}).`);
    }
    return asResult(body);
  });
}
