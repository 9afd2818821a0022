import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER, type Harness } from '../../../main/harness/server.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security.ts';
import { CHANNELS } from '../../../shared/ipc/channels.ts';
import { sendRaw, startTestHarness, type RawRequest } from '../../support/harness.ts';
import { makeTempDir, type TempDir } from '../../support/services.ts';

const tmp: TempDir = makeTempDir('voronka-harness-');
let harness: Harness;
let port: number;

beforeAll(async () => {
  // <tmp>/secret and <tmp>/package.json sit just outside the served folder <tmp>/renderer.
  const rendererDir = tmp.file('renderer');
  mkdirSync(`${rendererDir}/assets`, { recursive: true });
  writeFileSync(`${rendererDir}/assets/app.js`, 'console.log("board")');
  writeFileSync(tmp.file('secret'), 'TOP SECRET');
  writeFileSync(tmp.file('package.json'), '{"name":"outside"}');
  ({ harness, port } = await startTestHarness(tmp, { dbName: 'harness.db', indexHtml: '<!doctype html><title>Voronka</title><div id="root"></div>', version: '1.2.3' }));
});

afterAll(async () => {
  await harness?.close();
  tmp.remove();
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): any;
}

/** A raw HTTP request (any Host header, an un-normalised path), its body read as text. */
async function send(options: RawRequest): Promise<Reply> {
  const { status, headers, body } = await sendRaw(port, options);
  const text = body.toString('utf8');
  return { status, headers, text, json: () => JSON.parse(text) };
}

function ipc(channel: string, input?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/ipc/${channel}`,
    headers: { [TOKEN_HEADER]: harness.token, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input === undefined ? {} : { input }),
  });
}

describe('where it listens', () => {
  it('on 127.0.0.1 only, with the per-run token in the url hash', () => {
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.url).toBe(`${harness.origin}/#token=${harness.token}`);
    expect(harness.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is not reachable on the other addresses of this machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    for (const host of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, host).not.toBe('connected');
    }
  });
});

describe('IPC over HTTP', () => {
  it('POST /ipc/stages.list with the token gives an ok Result', async () => {
    const reply = await ipc('stages.list');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const result = reply.json();
    expect(result.ok).toBe(true);
    expect(result.value.map((stage: { key: string }) => stage.key)).toEqual([
      'awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won', 'lost',
    ]);
  });

  it('serves the same handler table as the app: validation, rules and writes', async () => {
    const info = (await ipc('app.info')).json();
    expect(info).toMatchObject({ ok: true, value: { version: '1.2.3', dbPath: tmp.file('harness.db') } });

    const created = (await ipc('leads.create', { fields: { firstName: 'Ольга', email: '' } })).json();
    expect(created.ok).toBe(true);
    expect(created.value).toMatchObject({ firstName: 'Ольга', email: null, stageKey: 'awareness' });

    const refused = (await ipc('leads.move', { leadId: created.value.id, toStage: 'mql', beforeLeadId: null })).json();
    expect(refused).toEqual({ ok: false, error: { code: 'rule_violation', message: 'MQL needs contact info: an e-mail or a phone number.' } });

    const invalid = (await ipc('leads.get', { id: -1 })).json();
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid_input');
  });

  it('every channel answers with a Result', async () => {
    for (const channel of CHANNELS) {
      const reply = await ipc(channel, channel === 'demo.load' ? { leads: 0 } : undefined);
      expect(reply.status, channel).toBe(200);
      expect(typeof reply.json().ok, channel).toBe('boolean');
    }
  });

  it('an empty body means no input', async () => {
    const reply = await send({ method: 'POST', path: '/ipc/board.columns', headers: { [TOKEN_HEADER]: harness.token } });
    expect(reply.status).toBe(200);
    expect(reply.json().ok).toBe(true);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { [TOKEN_HEADER]: 'x'.repeat(43) }],
    ['a token of the wrong length', { [TOKEN_HEADER]: 'short' }],
    ['an empty token', { [TOKEN_HEADER]: '' }],
  ])('refuses %s with 403 forbidden', async (_name, headers: Record<string, string>) => {
    const reply = await send({ method: 'POST', path: '/ipc/stages.list', headers, body: '{}' });
    expect(reply.status).toBe(403);
    expect(reply.json()).toEqual({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } });
  });

  it('a token in the query string is not a token', async () => {
    const reply = await send({ method: 'POST', path: `/ipc/stages.list?token=${harness.token}`, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it.each([['http://evil.example'], ['null'], ['http://localhost'], ['http://127.0.0.1:1']])(
    'refuses Origin %s with 403',
    async (origin) => {
      const reply = await ipc('stages.list', undefined, { origin });
      expect(reply.status).toBe(403);
      expect(reply.json().error).toEqual({ code: 'forbidden', message: 'Wrong origin.' });
    },
  );

  it('accepts its own Origin', async () => {
    const reply = await ipc('stages.list', undefined, { origin: harness.origin });
    expect(reply.status).toBe(200);
  });

  it.each([['evil.example'], ['localhost:PORT'], ['127.0.0.1'], ['127.0.0.1:1']])('refuses Host %s (DNS rebinding)', async (host) => {
    const reply = await send({
      method: 'POST',
      path: '/ipc/stages.list',
      headers: { host: host.replace('PORT', String(port)), [TOKEN_HEADER]: harness.token },
      body: '{}',
    });
    expect(reply.status).toBe(421);
    expect(reply.json().error.code).toBe('forbidden');
  });

  it('a wrong Host cannot fetch the page either', async () => {
    const reply = await send({ path: '/', headers: { host: 'attacker.example' } });
    expect(reply.status).toBe(421);
    expect(reply.text).not.toContain('Voronka</title>');
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['toString'], ['stages.list/extra'], ['']])(
    'unknown channel "%s" → 404',
    async (channel) => {
      const reply = await ipc(channel);
      expect(reply.status).toBe(404);
      expect(reply.json().error.code).toBe('not_found');
    },
  );

  it('invalid JSON → 400', async () => {
    const reply = await send({ method: 'POST', path: '/ipc/stages.list', headers: { [TOKEN_HEADER]: harness.token }, body: '{"input":' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } });
  });

  it('JSON that is not an envelope is invalid input, not a crash', async () => {
    for (const body of ['null', '42', '"text"', '[1,2]']) {
      const reply = await send({ method: 'POST', path: '/ipc/leads.get', headers: { [TOKEN_HEADER]: harness.token }, body });
      expect(reply.status, body).toBe(200);
      expect(reply.json().error.code, body).toBe('invalid_input');
    }
  });

  it('a body over 1 MiB → 413, and the server keeps serving', async () => {
    const reply = await send({
      method: 'POST',
      path: '/ipc/activities.addNote',
      headers: { [TOKEN_HEADER]: harness.token },
      body: Buffer.alloc(1024 * 1024 + 1, 0x20),
    });
    expect(reply.status).toBe(413);
    expect(reply.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Request too large.' } });
    expect((await ipc('stages.list')).status).toBe(200);
  });

  it('a much larger body → 413 too (fetch)', async () => {
    const response = await fetch(`${harness.origin}/ipc/stages.list`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: harness.token },
      body: JSON.stringify({ input: 'x'.repeat(4 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('invalid_input');
  });

  it('a body of exactly 1 MiB is still read', async () => {
    const envelope = '{}';
    const reply = await send({
      method: 'POST',
      path: '/ipc/stages.list',
      headers: { [TOKEN_HEADER]: harness.token },
      body: envelope + ' '.repeat(1024 * 1024 - envelope.length),
    });
    expect(reply.status).toBe(200);
    expect(reply.json().ok).toBe(true);
  });

  it('IPC is POST only', async () => {
    const reply = await send({ path: '/ipc/stages.list', headers: { [TOKEN_HEADER]: harness.token } });
    expect(reply.status).toBe(405);
  });
});

describe('static files', () => {
  it('GET / serves index.html with the content security policy', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>Voronka</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content type; HEAD sends no body', async () => {
    const js = await send({ path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe('console.log("board")');
    const head = await send({ method: 'HEAD', path: '/index.html' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it.each([
    '/../package.json',
    '/../secret',
    '/%2e%2e/secret',
    '/%2e%2e%2fsecret',
    '/..%2fsecret',
    '/assets/..%2f..%2fsecret',
    '/assets/%2e%2e/%2e%2e/secret',
    '/..%5csecret',
    `/${encodeURIComponent(tmp.file('secret'))}`,
    '/%00',
    '/%E0%A4%A',
    '/assets',
    '/missing.js',
  ])('%s → 404, never a file outside the renderer folder', async (path) => {
    const reply = await send({ path });
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('TOP SECRET');
    expect(reply.text).not.toContain('outside');
    expect(reply.json().error.code).toBe('not_found');
  });

  it('other methods on files are refused', async () => {
    const reply = await send({ method: 'PUT', path: '/index.html', body: 'x' });
    expect(reply.status).toBe(405);
  });
});
