import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../main/harness/static-files.ts';
import { startHarness, TOKEN_HEADER } from '../../../main/harness/server.ts';
import { makeTempDir } from '../../support/services.ts';

const tmp = makeTempDir('voronka-static-');
const root = tmp.file('dist');
mkdirSync(`${root}/assets`, { recursive: true });
writeFileSync(`${root}/index.html`, '<!doctype html><p>board</p>');
writeFileSync(`${root}/assets/app.css`, 'body{}');
writeFileSync(`${root}/assets/icon.svg`, '<svg/>');
writeFileSync(`${root}/assets/data.bin`, Buffer.from([0, 1, 2]));
writeFileSync(`${root}/assets/naïve file.js`, 'ok()');
writeFileSync(tmp.file('secret.txt'), 'TOP SECRET');
mkdirSync(tmp.file('dist-evil'));
writeFileSync(tmp.file('dist-evil/x.js'), 'evil()');
afterAll(() => tmp.remove());

describe('readStaticFile', () => {
  it('maps / to index.html', async () => {
    const file = await readStaticFile(root, '/');
    expect(file?.contentType).toBe('text/html; charset=utf-8');
    expect(file?.body.toString()).toBe('<!doctype html><p>board</p>');
  });

  it.each([
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/data.bin', 'application/octet-stream'],
    ['/assets/na%C3%AFve%20file.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (path, contentType) => {
    expect((await readStaticFile(root, path))?.contentType).toBe(contentType);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    // A sibling folder whose name starts with the root's name is still outside.
    '/../dist-evil/x.js',
    '/%2e%2e%2fdist-evil%2fx.js',
    '/%',
    '/%zz',
    '/assets',
    '/nope.html',
    '/index.html%00.png',
  ])('refuses %s', async (path) => {
    expect(await readStaticFile(root, path)).toBeNull();
  });

  it('an absolute path in the URL stays inside the root', async () => {
    expect(await readStaticFile(root, `/${tmp.file('secret.txt')}`)).toBeNull();
    expect(await readStaticFile(root, `/${encodeURIComponent(tmp.file('secret.txt'))}`)).toBeNull();
  });

  it('a root given with a trailing slash or relative segments works the same', async () => {
    expect((await readStaticFile(`${root}/`, '/index.html'))?.body.toString()).toContain('board');
    expect(await readStaticFile(`${root}/assets/..`, '/../secret.txt')).toBeNull();
  });
});

describe('startHarness lifecycle', () => {
  it('refuses to start on a garbage DB file and leaves it unchanged', async () => {
    const dbPath = tmp.file('garbage.db');
    writeFileSync(dbPath, 'not a database at all\n'.repeat(100));
    const before = readFileSync(dbPath);
    await expect(startHarness({ dbPath, rendererDir: root })).rejects.toThrow(/is not a readable Voronka database/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('each run has its own token; close stops serving and closes the DB', async () => {
    const dbPath = tmp.file('life.db');
    const first = await startHarness({ dbPath, rendererDir: root });
    const response = await fetch(`${first.origin}/ipc/app.info`, { method: 'POST', headers: { [TOKEN_HEADER]: first.token }, body: '{}' });
    expect(await response.json()).toMatchObject({ ok: true, value: { version: 'web', dbPath } });
    await first.close();
    await expect(fetch(`${first.origin}/`)).rejects.toThrow();
    expect(existsSync(`${dbPath}-wal`)).toBe(false);

    const second = await startHarness({ dbPath, rendererDir: root });
    expect(second.token).not.toBe(first.token);
    const stale = await fetch(`${second.origin}/ipc/app.info`, { method: 'POST', headers: { [TOKEN_HEADER]: first.token }, body: '{}' });
    expect(stale.status).toBe(403);
    await second.close();
  });
});
