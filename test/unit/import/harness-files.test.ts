import { request as httpRequest } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN_HEADER, type Harness } from '../../../main/harness/server.ts';
import { contentDisposition } from '../../../main/harness/file-transfer.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import { sendRaw, startTestHarness, type RawReply, type RawRequest } from '../../support/harness.ts';
import { makeTempDir, type TempDir } from '../../support/services.ts';

const LIMIT = 64 * 1024;
const tmp: TempDir = makeTempDir('voronka-harness-files-');
let harness: Harness;
let port: number;

beforeAll(async () => {
  ({ harness, port } = await startTestHarness(tmp, { dbName: 'harness.db', indexHtml: '<!doctype html><title>Voronka</title>', uploadLimitBytes: LIMIT }));
});

afterAll(async () => {
  await harness?.close();
  tmp.remove();
});

interface Reply extends RawReply {
  json(): any;
}

// Uploads here go past the limit on purpose: the server may drop one mid-way, after answering.
async function send(options: RawRequest): Promise<Reply> {
  const reply = await sendRaw(port, options, { allowDrop: true });
  return { ...reply, json: () => JSON.parse(reply.body.toString('utf8')) };
}

const upload = (body: string | Buffer, name = 'prospects.csv', headers: Record<string, string> = {}) =>
  send({ method: 'POST', path: '/upload', headers: { [TOKEN_HEADER]: harness.token, 'x-file-name': encodeURIComponent(name), ...headers }, body });

async function ipc(channel: string, input?: unknown): Promise<any> {
  const reply = await send({
    method: 'POST',
    path: `/ipc/${channel}`,
    headers: { [TOKEN_HEADER]: harness.token, 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  return reply.json();
}

const CSV = 'Имя,Фамилия,Эл. почта,Компания\r\nАнна,Петрова,anna@example.ru,"Ромашка, ООО"\r\n';

describe('POST /upload', () => {
  it('stores the body as a file of its own and answers an opaque id, never a path', async () => {
    const reply = await upload(CSV, 'Проспекты март.csv');
    expect(reply.status).toBe(200);
    const result = reply.json();
    expect(result).toEqual({ ok: true, value: { fileId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), name: 'Проспекты март.csv', size: Buffer.byteLength(CSV) } });
    expect(reply.body.toString()).not.toContain(tmpdir());

    const scan = await ipc('import.scan', { fileId: result.value.fileId });
    expect(scan.ok).toBe(true);
    expect(scan.value.header).toEqual(['Имя', 'Фамилия', 'Эл. почта', 'Компания']);
    expect(scan.value.suggested).toEqual(['firstName', 'lastName', 'email', 'companyName']);
  });

  it('needs the token', async () => {
    expect((await upload(CSV, 'a.csv', { [TOKEN_HEADER]: '' })).status).toBe(403);
    expect((await upload(CSV, 'a.csv', { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(403);
    expect((await send({ method: 'POST', path: '/upload', headers: { 'x-file-name': 'a.csv' }, body: CSV })).status).toBe(403);
  });

  it('refuses another origin, a GET, and a missing name', async () => {
    expect((await upload(CSV, 'a.csv', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await send({ path: '/upload', headers: { [TOKEN_HEADER]: harness.token } })).status).toBe(405);
    const noName = await send({ method: 'POST', path: '/upload', headers: { [TOKEN_HEADER]: harness.token }, body: CSV });
    expect(noName.status).toBe(400);
    expect(noName.json().error.message).toMatch(/x-file-name/);
  });

  it('keeps only the base name of a name that looks like a path', async () => {
    const reply = await upload(CSV, '../../etc/passwd');
    expect(reply.json().value.name).toBe('passwd');
  });

  it('refuses a file past the limit with 413 and a clear message, and keeps nothing of it', async () => {
    const workDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('voronka-files-'));
    const before = workDirs().flatMap((dir) => readdirSync(`${tmpdir()}/${dir}`)).length;
    const big = Buffer.alloc(LIMIT * 4, 'a');
    // Declared up front: refused before a byte is read.
    const declared = await upload(big);
    expect(declared.status).toBe(413);
    expect(declared.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than 64 KiB|larger than 65536 bytes/) } });
    // Streamed without a length (chunked): stopped once it passes the limit.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/upload', headers: { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: harness.token, 'x-file-name': 'big.csv', 'transfer-encoding': 'chunked' }, agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      for (let i = 0; i < 8; i++) req.write(Buffer.alloc(LIMIT / 2, 'b'));
      req.end();
    });
    expect(streamed).toBe(413);
    const after = workDirs().flatMap((dir) => readdirSync(`${tmpdir()}/${dir}`)).length;
    expect(after).toBe(before);
  });
});

describe('GET /download/<id>', () => {
  it('sends a finished export as an attachment with its name, with the token in the query', async () => {
    await ipc('demo.load', { leads: 20 });
    const events: AppEvent[] = [];
    const unsubscribe = harness.events.subscribe((event) => events.push(event));
    const started = await ipc('export.start', { scope: { kind: 'all' }, options: { delimiter: ';', bom: true } });
    expect(started).toEqual({ ok: true, value: { jobId: expect.any(String), fileName: expect.stringMatching(/^all-leads-\d{4}-\d{2}-\d{2}\.csv$/) } });
    const jobId = started.value.jobId;
    await expect.poll(() => events.some((e) => e.name === 'job.finished' && e.payload.jobId === jobId), { timeout: 10_000 }).toBe(true);
    unsubscribe();
    expect(events.find((e) => e.name === 'job.finished')!.payload).toEqual({ jobId, kind: 'export', status: 'done', message: null });

    const status = await ipc('jobs.status', { jobId });
    expect(status.value).toMatchObject({ state: 'done', kind: 'export', result: { rows: 20, location: null, downloadId: expect.any(String) } });
    const { downloadId, fileName } = status.value.result;

    expect((await send({ path: `/download/${downloadId}` })).status).toBe(403);
    expect((await send({ path: `/download/${downloadId}?token=wrong` })).status).toBe(403);
    const reply = await send({ path: `/download/${downloadId}?token=${harness.token}` });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`);
    const text = reply.body.toString('utf8');
    expect(text.startsWith('\uFEFFID;First name;Last name;')).toBe(true);
    expect(text.split('\r\n').length).toBe(22); // header, 20 rows, and the empty string after the last CRLF
  });

  it('serves ids only: an upload id, a path or an unknown id is not found', async () => {
    const uploaded = (await upload(CSV)).json().value.fileId;
    for (const id of [uploaded, 'nope', '..%2F..%2Fharness.db', encodeURIComponent(tmp.file('harness.db'))]) {
      const reply = await send({ path: `/download/${id}`, headers: { [TOKEN_HEADER]: harness.token } });
      expect(reply.status, id).toBe(404);
    }
  });

  it('names a Cyrillic file so that every browser keeps it', () => {
    expect(contentDisposition('Мои лиды 2026.csv')).toBe(
      `attachment; filename="___ ____ 2026.csv"; filename*=UTF-8''%D0%9C%D0%BE%D0%B8%20%D0%BB%D0%B8%D0%B4%D1%8B%202026.csv`,
    );
  });
});

describe('closing the harness', () => {
  it('removes its work folder with the uploads in it', async () => {
    const rendererDir = tmp.file('renderer');
    const other = await startHarness({ dbPath: tmp.file('other.db'), rendererDir });
    const otherPort = Number(new URL(other.origin).port);
    const reply = await new Promise<any>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: otherPort, method: 'POST', path: '/upload', headers: { host: `127.0.0.1:${otherPort}`, [TOKEN_HEADER]: other.token, 'x-file-name': 'a.csv' }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
        },
      );
      req.on('error', reject);
      req.end(CSV);
    });
    expect(reply.ok).toBe(true);
    const dirs = readdirSync(tmpdir()).filter((name) => name.startsWith('voronka-files-')).map((name) => `${tmpdir()}/${name}`);
    const mine = dirs.filter((dir) => readdirSync(dir).length > 0);
    await other.close();
    expect(mine.some((dir) => !existsSync(dir))).toBe(true);
  });
});
