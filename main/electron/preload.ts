import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../../shared/ipc/channels.ts';
import { EVENT_CHANNEL, type AppEvent } from '../../shared/ipc/events.ts';

/**
 * `window.voronka`: one function per channel of the contract, plus `onEvent` for main's pushed
 * events, and nothing else: the page can reach exactly the handlers main serves and never an
 * arbitrary IPC channel.
 */
const api: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  const name = IPC_PREFIX + channel;
  api[channel] = (input?: unknown) => ipcRenderer.invoke(name, input);
}
api.onEvent = (listener: (event: AppEvent) => void): (() => void) => {
  // The page never sees Electron's IpcRendererEvent (it carries `sender`): only the payload.
  const forward = (_event: unknown, appEvent: AppEvent) => listener(appEvent);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('voronka', Object.freeze(api));
