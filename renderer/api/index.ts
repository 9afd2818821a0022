import type { VoronkaApi } from '../../shared/ipc/contract.ts';
import { browserTokenEnvironment, resolveToken } from './token.ts';
import { electronTransport, harnessTransport } from './transports.ts';

/** The loopback harness's secret (null in Electron), read once: the first read clears the URL hash. */
export const harnessToken: string | null = window.voronka ? null : resolveToken(browserTokenEnvironment());

/** The only way the renderer talks to main: Electron's preload when present, else the loopback harness. */
function createApi(): VoronkaApi {
  if (window.voronka) return electronTransport(window.voronka);
  return harnessTransport({ origin: window.location.origin, getToken: () => harnessToken, fetch: window.fetch.bind(window) });
}

export const api: VoronkaApi = createApi();
