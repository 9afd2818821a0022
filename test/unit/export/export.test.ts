import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { electronFileChooser } from '../../../main/electron/file-chooser.ts';
import { openCsvFile } from '../../../main/csv/reader.ts';
import type { SavedFile } from '../../../shared/domain/csv-transfer.ts';
import type { LeadFilter } from '../../../shared/domain/filter.ts';
import type { SortKey } from '../../../shared/domain/views.ts';
import { createTestServices } from '../../support/services.ts';
import { makeTempDir, transferTest, type TempDir, type TransferTest } from '../import/support.ts';

let tmp: TempDir;
let t: TransferTest;
const saveAs: (string | null)[] = [];

beforeAll(() => {
  tmp = makeTempDir('voronka-export-');
  t = transferTest(tmp, 'export.db', {
    chooser: { openImportFile: async () => null, saveFile: async (name) => (saveAs.length ? saveAs.shift()! : tmp.file(name)) },
  });
  t.demo.seed(300);
});
afterAll(async () => {
  await t.close();
  tmp.remove();
});

async function records(path: string): Promise<string[][]> {
  const reader = await openCsvFile(path);
  const out: string[][] = [];
  for await (const record of reader.records()) out.push(record.fields);
  return out;
}

async function finished(jobId: string): Promise<SavedFile> {
  const outcome = await t.transfer.waitForJob(jobId);
  expect(outcome.status).toBe('done');
  return t.transfer.jobStatus(jobId).result as SavedFile;
}

const BANKS: LeadFilter = { all: [{ field: 'industry', op: 'is_any_of', values: ['Banking', 'Financial services'] }, { field: 'name', op: 'contains', text: 'а' }] };
const SORT: SortKey[] = [{ field: 'dealValueMinor', dir: 'desc' }, { field: 'name', dir: 'asc' }];

describe('export of the table as shown', () => {
  it('has exactly the rows of the table, in its order, with its columns as shown', async () => {
    saveAs.push(tmp.file('banks.csv'));
    const started = await t.transfer.startExport({ kind: 'table', filter: BANKS, columns: ['name', 'ownerId', 'stageKey', 'dealValueMinor', 'technologies', 'lastActivityAt'], sort: SORT }, { delimiter: ';', bom: false });
    expect(started).toEqual({ jobId: expect.any(String), fileName: 'banks.csv' });
    const saved = await finished(started!.jobId);
    expect(saved).toMatchObject({ fileName: 'banks.csv', location: tmp.file('banks.csv'), downloadId: null });

    const table = t.query.query(BANKS, SORT, 0, 1000);
    expect(table.total).toBeGreaterThan(5);
    expect(saved.rows).toBe(table.total);
    const text = readFileSync(tmp.file('banks.csv'), 'utf8');
    expect(text.startsWith('Name;Owner;Stage;Deal value;Technologies;Last activity\r\n')).toBe(true);
    const rows = (await records(tmp.file('banks.csv'))).slice(1);
    const stageName = new Map(t.catalog.stages().map((s) => [s.key, s.name]));
    expect(rows).toEqual(
      table.rows.map((lead) => [
        `${lead.firstName ?? ''} ${lead.lastName ?? ''}`.trim(),
        lead.ownerName ?? '',
        stageName.get(lead.stageKey)!,
        lead.dealValueMinor === null ? '' : String(lead.dealValueMinor / 100),
        lead.technologies.join('; '),
        lead.lastActivityAt === null ? '' : new Date(lead.lastActivityAt).toISOString(),
      ]),
    );
  });

  it('a saved view exports its own filter, columns and sort, named after it', async () => {
    const view = t.views.save({ name: 'Банки: крупные', filter: BANKS, columns: [{ key: 'email', width: null }, { key: 'employeeCount', width: 120 }], sort: [{ field: 'employeeCount', dir: 'desc' }] });
    const started = await t.transfer.startExport({ kind: 'view', viewId: view.id }, { delimiter: ',', bom: true });
    expect(started!.fileName).toMatch(/^банки-крупные-\d{4}-\d{2}-\d{2}\.csv$/);
    const saved = await finished(started!.jobId);
    const rows = await records(saved.location!);
    const table = t.query.query(BANKS, [{ field: 'employeeCount', dir: 'desc' }], 0, 1000).rows;
    expect(rows).toEqual([['E-mail', 'Employees'], ...table.map((lead) => [lead.email ?? '', lead.employeeCount === null ? '' : String(lead.employeeCount)])]);
    expect([...readFileSync(saved.location!).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reports progress and the end on the event bus, and jobs.status after', async () => {
    const started = await t.transfer.startExport({ kind: 'all' }, { delimiter: ',', bom: true });
    await finished(started!.jobId);
    const mine = t.events.filter((e) => e.payload.jobId === started!.jobId);
    expect(mine.at(-1)).toEqual({ name: 'job.finished', payload: { jobId: started!.jobId, kind: 'export', status: 'done', message: null } });
    const progress = mine.filter((e) => e.name === 'job.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.payload).toMatchObject({ kind: 'export', done: 300, total: 300, phase: 'writing' });
    expect(t.transfer.jobStatus(started!.jobId)).toMatchObject({ state: 'done', progress: { done: 300, total: 300 } });
  });

  it('closing the save dialog starts nothing', async () => {
    saveAs.push(null);
    const jobs = t.events.length;
    expect(await t.transfer.startExport({ kind: 'all' }, { delimiter: ',', bom: true })).toBeNull();
    expect(t.events.length).toBe(jobs);
  });

  it('a failed export says why and leaves no file behind', async () => {
    saveAs.push(tmp.file('no-such-folder/leads.csv'));
    const started = await t.transfer.startExport({ kind: 'all' }, { delimiter: ',', bom: true });
    const outcome = await t.transfer.waitForJob(started!.jobId);
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/ENOENT|no such file/) });
    expect(t.transfer.jobStatus(started!.jobId)).toMatchObject({ state: 'failed', message: expect.any(String), result: null });
    expect(existsSync(tmp.file('no-such-folder'))).toBe(false);
  });

  it('an unknown view or job is not found', async () => {
    await expect(t.transfer.startExport({ kind: 'view', viewId: 999 }, { delimiter: ',', bom: true })).rejects.toThrow('View 999 does not exist.');
    expect(() => t.transfer.jobStatus('nope')).toThrow(/not known/);
    expect(() => t.transfer.cancelJob('nope')).toThrow(/not known/);
  });
});

describe('through the channel on an in-memory DB (no second connection: the job runs in this thread)', () => {
  it('export.start, then jobs.status gives a download', async () => {
    const m = createTestServices();
    m.demo.seed(20);
    const started = await m.handlers['export.start']({ scope: { kind: 'all' } });
    expect(started.ok).toBe(true);
    if (!started.ok || !started.value) return;
    await m.transfer.waitForJob(started.value.jobId);
    const status = await m.handlers['jobs.status']({ jobId: started.value.jobId });
    expect(status).toMatchObject({ ok: true, value: { state: 'done', result: { rows: 20, downloadId: expect.any(String), location: null } } });
    expect(await m.handlers['jobs.cancel']({ jobId: started.value.jobId })).toEqual({ ok: true, value: { jobId: started.value.jobId, cancelled: false } });
    expect(await m.handlers['files.openImport'](undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await m.transfer.close();
    m.close();
  });
});

describe("Electron's dialogs as the file chooser", () => {
  it('opens and saves through the dialog of the app window, in the downloads folder; a closed dialog is null', async () => {
    const calls: unknown[][] = [];
    const win = { id: 1 } as unknown as BrowserWindow;
    const answers = { open: { canceled: false, filePaths: ['/home/anna/leads.csv'] }, save: { canceled: false, filePath: '/home/anna/Downloads/x.csv' } };
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => (calls.push(['open', ...args]), answers.open),
      showSaveDialog: async (...args: unknown[]) => (calls.push(['save', ...args]), answers.save),
    } as never;
    const chooser = electronFileChooser(dialog, () => win, () => '/home/anna/Downloads');
    expect(await chooser.openImportFile()).toBe('/home/anna/leads.csv');
    expect(await chooser.saveFile('all-leads-2026-03-02.csv')).toBe('/home/anna/Downloads/x.csv');
    expect(calls[0]![1]).toBe(win);
    expect(calls[1]).toEqual(['save', win, expect.objectContaining({ defaultPath: '/home/anna/Downloads/all-leads-2026-03-02.csv' })]);
    answers.open = { canceled: true, filePaths: [] };
    answers.save = { canceled: true, filePath: '' };
    expect(await chooser.openImportFile()).toBeNull();
    expect(await chooser.saveFile('a.csv')).toBeNull();
    const noWindow = electronFileChooser(dialog, () => null, () => '/tmp');
    await noWindow.openImportFile();
    expect(calls.at(-1)![1]).toMatchObject({ properties: ['openFile'] });
  });
});
