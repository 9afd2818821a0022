import type { Result } from './result.ts';

/**
 * The loopback harness's IPC over one WebSocket (the harness stands in for Electron's IPC where
 * there is no Electron binary): the page sends one message per call and main answers it by id,
 * in whatever order the calls end. A message on an open socket costs about as little as an IPC
 * message; one HTTP request per call took 4 to 6 ms on this project's test machines, most of a
 * drop's budget.
 */
export const HARNESS_SOCKET_PATH = '/ipc';

/** The largest call message either side accepts (as for the HTTP endpoint). */
export const MAX_CALL_BYTES = 1024 * 1024;

export interface SocketCall {
  id: number;
  channel: string;
  input?: unknown;
}

export interface SocketAnswer {
  id: number;
  result: Result<unknown>;
}
