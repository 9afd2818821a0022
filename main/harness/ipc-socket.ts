import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isChannel } from '../../shared/ipc/channels.ts';
import type { HandlerTable } from '../../shared/ipc/handler-table.ts';
import { MAX_CALL_BYTES, type SocketAnswer, type SocketCall } from '../../shared/ipc/harness-socket.ts';
import { fail } from '../../shared/ipc/result.ts';

/** Close code for a message the server cannot even address an answer to (RFC 6455: unsupported or invalid data). */
const UNREADABLE_MESSAGE = 1007;
/** Close code for a failure of the server itself (RFC 6455: internal error). */
const INTERNAL_ERROR = 1011;

export interface IpcSockets {
  /** Takes over an upgrade request the caller has already checked (host, origin, token). */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Drops every open socket (pending answers are lost with the harness). */
  close(): void;
}

/**
 * The harness's IPC calls over WebSockets (see shared/ipc/harness-socket.ts): each message is one
 * call to the same handler table as the HTTP endpoint and Electron's ipcMain, answered with its id.
 * A message over MAX_CALL_BYTES closes the socket (1009); the page fails its pending calls and
 * opens a new socket for the next one.
 */
export function createIpcSockets(handlers: HandlerTable): IpcSockets {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_CALL_BYTES });
  server.on('connection', (socket: WebSocket) => {
    socket.on('message', (data, isBinary) => {
      answer(socket, handlers, data, isBinary).catch((error: unknown) => {
        // The handler table answers every failure with a Result; this is a bug in the harness itself.
        console.error(error);
        socket.close(INTERNAL_ERROR, 'The harness failed to answer.');
      });
    });
    // A message over the limit or a broken frame: ws closes the socket (1009, 1002) and reports it
    // here; without a listener the error would end the harness process.
    socket.on('error', () => {});
  });
  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}

async function answer(socket: WebSocket, handlers: HandlerTable, data: RawData, isBinary: boolean): Promise<void> {
  const call = isBinary ? null : readCall(data.toString());
  if (call === null) {
    socket.close(UNREADABLE_MESSAGE, 'Expected a JSON call with a numeric id.');
    return;
  }
  const result = isChannel(call.channel) ? await handlers[call.channel](call.input) : fail('not_found', `No channel ${call.channel}.`);
  // The page may have gone while the handler ran.
  if (socket.readyState !== socket.OPEN) return;
  const reply: SocketAnswer = { id: call.id, result };
  socket.send(JSON.stringify(reply));
}

/** The call in a message, or null when it has no id to answer to. */
export function readCall(text: string): SocketCall | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { id, channel, input } = parsed as Partial<SocketCall>;
  if (!Number.isSafeInteger(id)) return null;
  return { id: id as number, channel: typeof channel === 'string' ? channel : '', input };
}
