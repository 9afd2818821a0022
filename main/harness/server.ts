import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel } from '../../shared/ipc/channels.ts';
import { fail, type Result } from '../../shared/ipc/result.ts';
import { CONTENT_SECURITY_POLICY } from '../electron/security.ts';
import { createEventBus, type EventBus } from '../ipc/event-bus.ts';
import { createHandlerTable } from '../ipc/handlers.ts';
import { createServices } from '../services/index.ts';
import { openDatabase } from '../store/open-database.ts';
import { readStaticFile } from './static-files.ts';
import { createIpcSockets } from './ipc-socket.ts';
import { HARNESS_SOCKET_PATH, MAX_CALL_BYTES } from '../../shared/ipc/harness-socket.ts';
import { receiveUpload, sendDownload } from './file-transfer.ts';
import { createFileRegistry } from '../transfer/file-registry.ts';
import { UPLOAD_LIMIT_BYTES } from '../../shared/domain/csv-transfer.ts';

export interface HarnessOptions {
  dbPath: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  version?: string;
  /** The largest upload (default UPLOAD_LIMIT_BYTES, 2 GiB); tests pass a small one. */
  uploadLimitBytes?: number;
}

export interface Harness {
  /** Open this in a browser: it carries the per-run secret in its hash. */
  url: string;
  origin: string;
  token: string;
  /** The bus its services report job progress on; streamed to pages at /events. */
  events: EventBus;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-voronka-token';

/**
 * The same IPC handler table as Electron's main process, served on 127.0.0.1 only, for
 * `npm run web` and the end-to-end tests (machines without the Electron binary): the page calls it
 * over one WebSocket (`/ipc`, see ipc-socket.ts), scripts and tests may also POST one call to
 * `/ipc/<channel>`. A per-run secret keeps other local pages out: they cannot read it; over HTTP it
 * is a header, and a cross-origin request that sets a custom header needs a CORS preflight this
 * server never grants; a WebSocket cannot set headers, so it comes in the query string and the
 * socket must come from the harness's own Origin. The Host check stops DNS rebinding.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const db = openDatabase(options.dbPath);
  const events = createEventBus();
  // Uploads and finished exports live in a work folder of their own, behind opaque ids.
  const files = createFileRegistry();
  const services = createServices(db, { dbPath: options.dbPath, version: options.version ?? 'web', events, files, checkpointInBackground: true, countInBackground: true });
  const handlers = createHandlerTable(services);
  const token = randomBytes(32).toString('base64url');
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'The harness failed to answer.'));
    });
  });
  const sockets = createIpcSockets(handlers);
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const status = socketRefusal(request);
    if (status === null) return sockets.accept(request, socket, head);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  /** The HTTP status refusing a WebSocket upgrade, or null to accept it. */
  function socketRefusal(request: IncomingMessage): number | null {
    if (request.headers.host !== new URL(origin).host) return 421;
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== HARNESS_SOCKET_PATH) return 404;
    // Browsers always send the Origin of a WebSocket: only the harness's own page may open one.
    if (request.headers.origin !== origin) return 403;
    if (!hasToken(url.searchParams.get('token'), token)) return 403;
    return null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== new URL(origin).host) return sendJson(response, 421, fail('forbidden', 'Wrong host.'));
    const url = new URL(request.url ?? '/', origin);
    const path = url.pathname;
    if (path.startsWith('/ipc/')) return serveIpc(request, response, path.slice('/ipc/'.length));
    if (path === '/events') return serveEvents(request, response, url.searchParams.get('token') ?? undefined);
    if (path === '/upload') return serveUpload(request, response);
    if (path.startsWith('/download/')) return serveDownload(request, response, path.slice('/download/'.length), url.searchParams.get('token') ?? undefined);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, fail('invalid_input', 'Method not allowed.'));
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return sendJson(response, 404, fail('not_found', `No file ${path}. Did you run npm run build:renderer?`));
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function serveIpc(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, fail('invalid_input', 'Use POST.'));
    if (!hasToken(request.headers[TOKEN_HEADER], token)) return sendJson(response, 403, fail('forbidden', 'Missing or wrong token.'));
    if (request.headers.origin !== undefined && request.headers.origin !== origin) {
      return sendJson(response, 403, fail('forbidden', 'Wrong origin.'));
    }
    if (!isChannel(channel)) return sendJson(response, 404, fail('not_found', `No channel ${channel}.`));
    const body = await readBody(request);
    if (body === null) {
      // Answer, then drop the connection: the rest of the upload is not worth reading.
      response.setHeader('connection', 'close');
      return sendJson(response, 413, fail('invalid_input', 'Request too large.'));
    }
    let envelope: { input?: unknown };
    try {
      envelope = body.length === 0 ? {} : (JSON.parse(body) as { input?: unknown });
    } catch {
      return sendJson(response, 400, fail('invalid_input', 'The request body is not JSON.'));
    }
    sendJson(response, 200, await handlers[channel](envelope?.input));
  }

  async function serveUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, fail('invalid_input', 'Use POST.'));
    if (!hasToken(request.headers[TOKEN_HEADER], token)) return sendJson(response, 403, fail('forbidden', 'Missing or wrong token.'));
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return sendJson(response, 403, fail('forbidden', 'Wrong origin.'));
    await receiveUpload(request, response, files, options.uploadLimitBytes ?? UPLOAD_LIMIT_BYTES);
  }

  /** A link cannot set headers, so the secret may come in the query string here, as for /events. */
  async function serveDownload(request: IncomingMessage, response: ServerResponse, id: string, queryToken: string | undefined): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, fail('invalid_input', 'Use GET.'));
    if (!hasToken(request.headers[TOKEN_HEADER] ?? queryToken, token)) return sendJson(response, 403, fail('forbidden', 'Missing or wrong token.'));
    await sendDownload(request, response, files, id);
  }

  /**
   * Main's pushed events as server-sent events. EventSource cannot set headers, so the secret
   * comes in the query string here; the page reads it from its own sessionStorage.
   */
  function serveEvents(request: IncomingMessage, response: ServerResponse, givenToken: string | undefined): void {
    if (request.method !== 'GET') return sendJson(response, 405, fail('invalid_input', 'Use GET.'));
    if (!hasToken(givenToken, token)) return sendJson(response, 403, fail('forbidden', 'Missing or wrong token.'));
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    const unsubscribe = events.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
    request.on('close', unsubscribe);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.close();
        server.closeAllConnections();
        server.close(() => {
          // Running exports and imports stop (an import keeps its committed batches); the work folder goes.
          void services.stopWorkers().finally(() => {
            db.close();
            resolve();
          });
        });
      }),
  };
}

function hasToken(header: string | string[] | undefined | null, token: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > MAX_CALL_BYTES) return;
      size += chunk.length;
      if (size > MAX_CALL_BYTES) {
        // Not request.destroy(): that kills the socket before the 413 can be sent. Stop keeping
        // the chunks; the caller answers with `connection: close`.
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(result));
}
