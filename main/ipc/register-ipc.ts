import { CHANNELS, IPC_PREFIX } from '../../shared/ipc/channels.ts';
import type { HandlerTable } from '../../shared/ipc/handler-table.ts';
import { fail } from '../../shared/ipc/result.ts';

/** The part of an Electron IPC invoke event that the trust check needs. */
export interface IpcEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` used here; Electron's own object satisfies it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Serves every channel of the contract on `IPC_PREFIX + channel`. A call from a frame that is
 * not the app's own renderer is refused without running the handler, and a handler that throws
 * (it should not: handlers return Results) still answers with a failed Result, so the renderer
 * never sees a rejected promise. Returns a function that removes every handler again.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: HandlerTable,
  isTrustedSender: (event: IpcEventLike) => boolean,
): () => void {
  const registered: string[] = [];
  const unregister = () => {
    for (const name of registered.splice(0)) ipcMain.removeHandler(name);
  };
  try {
    for (const channel of CHANNELS) {
      const name = IPC_PREFIX + channel;
      const handler = handlers[channel];
      ipcMain.handle(name, async (event, input) => {
        let trusted = false;
        try {
          trusted = isTrustedSender(event);
        } catch {
          trusted = false;
        }
        if (!trusted) {
          return fail('forbidden', `Refused ${channel}: the call did not come from the Voronka window.`);
        }
        try {
          return await handler(input);
        } catch (error) {
          return fail('internal', error instanceof Error ? error.message : String(error));
        }
      });
      registered.push(name);
    }
  } catch (error) {
    // Half-registered tables are worse than none: undo, then report (e.g. a channel already taken).
    unregister();
    throw error;
  }
  return unregister;
}
