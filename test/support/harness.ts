import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startHarness, type Harness, type HarnessOptions } from '../../main/harness/server.ts';
import type { TempDir } from './services.ts';

/**
 * Starts the web harness inside a test's temp folder: it serves `<tmp>/renderer` (given an
 * index.html) over the DB file `<tmp>/<dbName>`. The caller closes it and removes the folder.
 */
export async function startTestHarness(
  tmp: TempDir,
  options: { dbName: string; indexHtml: string } & Omit<HarnessOptions, 'dbPath' | 'rendererDir'>,
): Promise<{ harness: Harness; port: number }> {
  const { dbName, indexHtml, ...rest } = options;
  const rendererDir = tmp.file('renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(`${rendererDir}/index.html`, indexHtml);
  const harness = await startHarness({ dbPath: tmp.file(dbName), rendererDir, ...rest });
  return { harness, port: Number(new URL(harness.origin).port) };
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A raw HTTP request to the harness on 127.0.0.1: unlike fetch, it can send any Host header and an
 * un-normalised path. `allowDrop`: the server may drop an oversized upload mid-way, after it has
 * answered, so a broken pipe or reset is not an error then.
 */
export function sendRaw(port: number, options: RawRequest, { allowDrop = false } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (allowDrop && (error.code === 'EPIPE' || error.code === 'ECONNRESET') ? undefined : reject(error)));
    req.end(options.body);
  });
}
