import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileRef } from '../../shared/domain/csv-transfer.ts';
import { fail, ok, type Result } from '../../shared/ipc/result.ts';
import type { FileRegistry } from '../transfer/file-registry.ts';

/**
 * The browser's way to hand main a file and to get one back, since a page cannot name a path:
 *   POST /upload  streams the body to a new file in the work folder (never into memory) and
 *                 answers the file's opaque id; past the size limit it stops, deletes what it
 *                 wrote and answers 413;
 *   GET /download/<id>  sends a finished export as an attachment under its own name.
 * The token is checked by the caller (server.ts), as for /ipc.
 */

export const FILE_NAME_HEADER = 'x-file-name';

export async function receiveUpload(request: IncomingMessage, response: ServerResponse, files: FileRegistry, limitBytes: number): Promise<void> {
  const name = uploadName(request.headers[FILE_NAME_HEADER]);
  if (name === null) return sendJson(response, 400, fail('invalid_input', `Send the file's name in the ${FILE_NAME_HEADER} header (URI-encoded).`));
  const tooLarge = fail('invalid_input', `The file is larger than ${formatBytes(limitBytes)}, the most an upload can be. Split it, or import it with the CLI.`);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    response.setHeader('connection', 'close');
    return sendJson(response, 413, tooLarge);
  }
  const target = files.workPath(path.extname(name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 8));
  let size = 0;
  let outcome: 'done' | 'too_large' | 'broken';
  try {
    outcome = await writeBody(request, target, limitBytes, (n) => (size = n));
  } catch {
    outcome = 'broken';
  }
  if (outcome !== 'done') {
    await unlink(target).catch(() => undefined);
    // Answer, then drop the connection: the rest of the body is not worth reading. Not
    // request.destroy(), which would kill the socket before the answer is sent.
    response.setHeader('connection', 'close');
    if (outcome === 'too_large') return sendJson(response, 413, tooLarge);
    if (request.destroyed) return;
    return sendJson(response, 400, fail('invalid_input', 'The upload did not arrive whole. Try again.'));
  }
  const file = files.register({ kind: 'import', path: target, name, size, owned: true });
  sendJson(response, 200, ok<FileRef>({ fileId: file.id, name, size }));
}

/** Streams the body to `target` with backpressure; stops writing (and says so) past `limit` bytes. */
function writeBody(request: IncomingMessage, target: string, limit: number, onSize: (bytes: number) => void): Promise<'done' | 'too_large'> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(target, { flags: 'wx' });
    let size = 0;
    let stopped = false;
    request.on('data', (chunk: Buffer) => {
      if (stopped) return;
      size += chunk.length;
      onSize(size);
      if (size > limit) {
        stopped = true;
        request.resume();
        out.destroy();
        return resolve('too_large');
      }
      if (!out.write(chunk)) {
        request.pause();
        out.once('drain', () => request.resume());
      }
    });
    request.on('end', () => {
      if (!stopped) out.end();
    });
    request.on('aborted', () => reject(new Error('aborted')));
    request.on('error', reject);
    out.on('error', reject);
    out.on('finish', () => resolve('done'));
  });
}

export async function sendDownload(request: IncomingMessage, response: ServerResponse, files: FileRegistry, id: string): Promise<void> {
  const file = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? files.get(id, 'download') : null;
  if (!file) return sendJson(response, 404, fail('not_found', 'That download is not available (any more).'));
  response.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-length': String(file.size),
    'content-disposition': contentDisposition(file.name),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') return void response.end();
  await pipeline(createReadStream(file.path), response);
}

/** `attachment; filename="ASCII"; filename*=UTF-8''…`: the name survives in every browser, Cyrillic too. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The base name only, never a path: "../../x.csv" is "x.csv". */
function uploadName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.length === 0 || header.length > 1000) return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  name = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f]/g, '').trim();
  return name === '' || name === '.' || name === '..' ? null : name.slice(0, 200);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MiB` : `${bytes} bytes`;
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(result));
}
