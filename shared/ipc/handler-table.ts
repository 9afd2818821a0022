import type { Channel } from './channels.ts';
import type { ChannelOutput } from './contract.ts';
import type { Result } from './result.ts';

/**
 * What main serves: one function per channel taking the raw (unvalidated) input.
 * Electron's ipcMain and the loopback harness both dispatch into the same table.
 */
export type HandlerTable = { [C in Channel]: (input: unknown) => Promise<Result<ChannelOutput<C>>> };
