import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../../support/services.ts';
import { csv, makeTempDir, writeFile, type TempDir } from './support.ts';

/**
 * The import channels through the handler table, over an in-memory DB: no worker can open it, so
 * the preview and the import run in this thread (the same code as in the worker).
 */

let tmp: TempDir;
let t: TestServices;
beforeAll(() => {
  tmp = makeTempDir('voronka-import-channels-');
});
afterAll(() => tmp.remove());
beforeEach(() => {
  t = createTestServices();
});
afterEach(async () => {
  await t.transfer.close();
  t.close();
});

const FILE = () => writeFile(tmp, 'people.csv', csv([['Name', 'Email', 'Company'], ['Anna Petrova', 'anna@example.com', 'Acme'], ['Bad Mail', 'bad@', 'Acme']]));

async function ok<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('import channels', () => {
  it('scan → preview → start → history → rejected rows → undo', async () => {
    const { fileId } = await t.transfer.registerLocalFile(FILE());
    const scan = await ok(t.handlers['import.scan']({ fileId }));
    expect(scan).toMatchObject({ header: ['Name', 'Email', 'Company'], suggested: ['fullName', 'email', 'companyName'], remembered: null, records: 2 });
    const settings = { fileId, columns: scan.suggested, onDuplicate: 'skip' };
    const preview = await ok(t.handlers['import.preview']({ settings, limit: 1 }));
    expect(preview.rows).toHaveLength(1);
    expect(preview.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    const started = await ok(t.handlers['import.start']({ settings }));
    expect(started).toEqual({ jobId: expect.any(String), importId: 1 });
    await t.transfer.waitForJob(started.jobId);
    const status = await ok(t.handlers['jobs.status']({ jobId: started.jobId }));
    expect(status).toMatchObject({ kind: 'import', state: 'done', result: { id: 1, status: 'done', counts: { created: 1, rejected: 1 } } });
    const saved = await ok(t.handlers['imports.rejectedCsv']({ importId: 1 }));
    expect(saved).toMatchObject({ fileName: 'people-rejected.csv', rows: 1, downloadId: expect.any(String) });
    expect(await ok(t.handlers['imports.undo']({ importId: 1 }))).toMatchObject({ status: 'undone' });
    expect((t.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(0);
  });

  it('refuses what cannot be right, in words', async () => {
    const { fileId } = await t.transfer.registerLocalFile(FILE());
    const refused = async (channel: 'import.preview' | 'import.start', input: unknown) => {
      const result = await t.handlers[channel](input);
      expect(result.ok).toBe(false);
      return result.ok ? '' : `${result.error.code}: ${result.error.message}`;
    };
    expect(await refused('import.preview', { settings: { fileId, columns: ['email'], onDuplicate: 'skip' } })).toBe(
      'invalid_input: The mapping has 1 columns but the file has 3: scan the file again.',
    );
    expect(await refused('import.preview', { settings: { fileId, columns: ['email', 'email', null], onDuplicate: 'skip' } })).toBe(
      'invalid_input: settings.columns: Two columns are mapped to the same field: keep one of them.',
    );
    expect(await refused('import.start', { settings: { fileId, columns: [null, null, null], onDuplicate: 'skip' } })).toBe('invalid_input: Map at least one column to a field.');
    expect(await refused('import.start', { settings: { fileId: 'unknown', columns: ['email'], onDuplicate: 'skip' } })).toBe(
      'not_found: That file is no longer available: choose it again.',
    );
    // A path is never a file id.
    expect(await refused('import.start', { settings: { fileId: '/etc/passwd', columns: ['email'], onDuplicate: 'skip' } })).toMatch(/^invalid_input: settings\.fileId: Unknown id\./);
    expect(await refused('import.start', { settings: { fileId, columns: ['fullName', 'email', 'companyName'], onDuplicate: 'skip', defaultStageKey: 'nowhere' } })).toBe(
      'invalid_input: There is no stage "nowhere".',
    );
    const undo = await t.handlers['imports.undo']({ importId: 42 });
    expect(undo).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no import 42.' } });
  });

  it('a new lead lands in the stage the seller chose for rows without one', async () => {
    const { fileId } = await t.transfer.registerLocalFile(FILE());
    const started = await ok(t.handlers['import.start']({ settings: { fileId, columns: ['fullName', 'email', 'companyName'], onDuplicate: 'skip', defaultStageKey: 'consideration' } }));
    await t.transfer.waitForJob(started.jobId);
    expect(t.db.prepare('SELECT stage_key AS stage FROM leads').all()).toEqual([{ stage: 'consideration' }]);
  });
});
