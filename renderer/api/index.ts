import type { VoronkaApi } from '../../shared/ipc/contract.ts';
import { HARNESS_SOCKET_PATH } from '../../shared/ipc/harness-socket.ts';
import { browserTokenEnvironment, resolveToken } from './token.ts';
import { electronTransport, harnessTransport } from './transports.ts';

/** The loopback harness's secret (null in Electron), read once: the first read clears the URL hash. */
export const harnessToken: string | null = window.voronka ? null : resolveToken(browserTokenEnvironment());

/** The only way the renderer talks to main: Electron's preload when present, else the loopback harness. */
function createApi(): VoronkaApi {
  if (window.voronka) return electronTransport(window.voronka);
  const socketUrl = new URL(HARNESS_SOCKET_PATH, window.location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  return harnessTransport({
    socketUrl: () => `${socketUrl.href}?token=${encodeURIComponent(harnessToken ?? '')}`,
    openSocket: (url) => new WebSocket(url),
  });
}

export const api: VoronkaApi = createApi();
