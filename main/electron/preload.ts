import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../../shared/ipc/channels.ts';

/**
 * `window.voronka`: one function per channel of the contract and nothing else, so the page can
 * reach exactly the handlers main serves and never an arbitrary IPC channel.
 */
const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  const name = IPC_PREFIX + channel;
  api[channel] = (input?: unknown) => ipcRenderer.invoke(name, input);
}

contextBridge.exposeInMainWorld('voronka', Object.freeze(api));
