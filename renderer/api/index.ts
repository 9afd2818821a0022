import type { VoronkaApi } from '../../shared/ipc/contract.ts';
import { browserTokenEnvironment, resolveToken } from './token.ts';
import { electronTransport, harnessTransport } from './transports.ts';

/** The only way the renderer talks to main: Electron's preload when present, else the loopback harness. */
function createApi(): VoronkaApi {
  if (window.voronka) return electronTransport(window.voronka);
  const token = resolveToken(browserTokenEnvironment());
  return harnessTransport({ origin: window.location.origin, getToken: () => token, fetch: window.fetch.bind(window) });
}

export const api: VoronkaApi = createApi();
