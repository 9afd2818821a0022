import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCsvFile } from '../../../main/csv/reader.ts';
import type { SavedFile } from '../../../shared/domain/csv-transfer.ts';
import { csv, importFile, makeTempDir, scanFile, settingsFor, snapshot, transferTest, writeFile, type TempDir, type TransferTest } from './support.ts';

let tmp: TempDir;
let t: TransferTest;
beforeAll(() => {
  tmp = makeTempDir('voronka-undo-');
});
afterAll(() => tmp.remove());
beforeEach(() => {
  t = transferTest(tmp, `undo-${Math.random().toString(36).slice(2)}.db`);
  t.demo.seed(60);
});
afterEach(async () => {
  await t.close();
});

/** Two stored leads to update (one moves on, one changes company), and new leads (one joins a stored company). */
function mixedFile(name = 'mixed.csv'): string {
  const stored = t.db.prepare("SELECT l.email, c.domain FROM leads l JOIN companies c ON c.id = l.company_id WHERE l.email IS NOT NULL AND l.stage_key = 'awareness' ORDER BY l.id LIMIT 2").all() as { email: string; domain: string }[];
  return writeFile(
    tmp,
    name,
    csv([
      ['E-mail', 'First name', 'Company', 'Domain', 'Industry', 'Tags', 'Stage'],
      [stored[0]!.email.toUpperCase(), 'Renamed', '', '', 'Quantum physics', 'new-tag; другой', 'consideration'],
      [stored[1]!.email, '', 'Brand New Co', 'brand-new.example', 'Retail', '', ''],
      ['new1@example.com', 'Новый', 'Joins Stored', stored[0]!.domain, 'Aerospace', 'x', 'mql'],
      ['new2@example.com', 'Second', 'Fresh Ltd', 'fresh.example', 'Retail', '', ''],
      ['bad-email', 'Bad', '', '', '', '', ''],
    ]),
  );
}

describe('undo of an import', () => {
  it('restores the DB exactly: created leads gone with their history, updated leads and companies back', async () => {
    const before = snapshot(t.db);
    const record = await importFile(t, mixedFile(), { onDuplicate: 'update' });
    expect(record.counts).toMatchObject({ read: 5, created: 2, updated: 2, rejected: 1 });
    expect(record.canUndo).toBe(true);
    expect(snapshot(t.db)).not.toEqual(before);
    const actions = (t.db.prepare('SELECT DISTINCT action FROM import_companies ORDER BY action').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['created', 'updated']);

    const undone = t.transfer.undoImport(record.id);
    expect(undone).toMatchObject({ status: 'undone', undoneAt: expect.any(Number), canUndo: false });
    expect(snapshot(t.db)).toEqual(before);
    expect(() => t.transfer.undoImport(record.id)).toThrow('That import was already undone.');
  });

  it('brings back a company the import left without leads (and removed), with its lists', async () => {
    t.leads.create({ email: 'solo@example.com', companyName: 'Solo', companyDomain: 'solo.example', technologies: ['Tilda', '1С'] });
    const before = snapshot(t.db);
    const file = writeFile(tmp, 'move-company.csv', csv([['E-mail', 'Company', 'Domain'], ['solo@example.com', 'Elsewhere', 'elsewhere.example']]));
    const record = await importFile(t, file, { onDuplicate: 'update' });
    expect((t.db.prepare("SELECT count(*) AS n FROM companies WHERE domain = 'solo.example'").get() as { n: number }).n).toBe(0);
    expect((t.db.prepare('SELECT action FROM import_companies ORDER BY action').all() as { action: string }[]).map((r) => r.action)).toEqual(['created', 'deleted']);
    t.transfer.undoImport(record.id);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('the history says who ran each import (the current member at the time)', async () => {
    const olga = t.team.add({ name: 'Olga Smirnova', email: null, role: 'sdr' });
    t.team.setCurrentMember(olga.id);
    const record = await importFile(t, writeFile(tmp, 'by.csv', csv([['E-mail'], ['by@example.com']])));
    expect(record.byName).toBe('Olga Smirnova');
  });

  it('through the channel too, with the history listing it as undone', async () => {
    const record = await importFile(t, mixedFile());
    const answer = await t.handlers['imports.undo']({ importId: record.id });
    expect(answer).toMatchObject({ ok: true, value: { id: record.id, status: 'undone' } });
    const list = await t.handlers['imports.list'](undefined);
    expect(list.ok && list.value.map((r) => [r.id, r.status])).toEqual([[record.id, 'undone']]);
  });

  it('waits for a later import that touched the same leads to be undone first', async () => {
    const before = snapshot(t.db);
    const first = await importFile(t, writeFile(tmp, 'a.csv', csv([['E-mail', 'First name'], ['later@example.com', 'First']])));
    const second = await importFile(t, writeFile(tmp, 'b.csv', csv([['E-mail', 'Role'], ['later@example.com', 'CEO']])), { onDuplicate: 'update' });
    const blocked = t.transfer.listImports().find((r) => r.id === first.id)!;
    expect(blocked).toMatchObject({ canUndo: false, undoBlockedBy: `Import ${second.id} changed some of the same leads later: undo it first.` });
    expect(() => t.transfer.undoImport(first.id)).toThrow(`Import ${second.id} changed some of the same leads later: undo it first.`);
    t.transfer.undoImport(second.id);
    t.transfer.undoImport(first.id);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('finds the overlap whichever of the two imports is the larger, and only with a later import that is not undone', async () => {
    const rows = (n: number, from = 0) => [['E-mail', 'First name'], ...Array.from({ length: n }, (_, i) => [`p${from + i}@example.com`, `P${from + i}`])];
    const blockedBy = (id: number) => t.transfer.listImports().find((r) => r.id === id)!.undoBlockedBy;
    const big = await importFile(t, writeFile(tmp, 'big-first.csv', csv(rows(30))));
    const small = await importFile(t, writeFile(tmp, 'small-later.csv', csv(rows(1, 29))), { onDuplicate: 'update' });
    const bigLater = await importFile(t, writeFile(tmp, 'big-later.csv', csv(rows(40, 29))), { onDuplicate: 'update' });
    const unrelated = await importFile(t, writeFile(tmp, 'unrelated.csv', csv(rows(5, 1000))));
    expect(blockedBy(big.id)).toBe(`Import ${small.id} changed some of the same leads later: undo it first.`);
    expect(blockedBy(small.id)).toBe(`Import ${bigLater.id} changed some of the same leads later: undo it first.`);
    expect([blockedBy(bigLater.id), blockedBy(unrelated.id)]).toEqual([null, null]);
    t.transfer.undoImport(bigLater.id);
    expect(blockedBy(small.id)).toBeNull();
    expect(blockedBy(big.id)).toBe(`Import ${small.id} changed some of the same leads later: undo it first.`);
  });
});

describe('cancel mid-import', () => {
  it('keeps the batches already committed, is marked cancelled, and can be undone', async () => {
    const rows = [['E-mail', 'First name', 'Company', 'Domain']];
    for (let i = 0; i < 40_000; i++) rows.push([`bulk${i}@example.com`, `Лид ${i}`, `Company ${i % 500}`, `c${i % 500}.example`]);
    const file = writeFile(tmp, 'big.csv', csv(rows));
    const before = snapshot(t.db);
    const scan = await scanFile(t, file);
    const started = await t.transfer.startImport(settingsFor(scan));
    await expect.poll(() => t.events.some((e) => e.name === 'job.progress' && e.payload.jobId === started.jobId && e.payload.done > 0), { timeout: 20_000, interval: 5 }).toBe(true);
    expect(t.transfer.cancelJob(started.jobId)).toEqual({ jobId: started.jobId, cancelled: true });
    const outcome = await t.transfer.waitForJob(started.jobId);
    expect(outcome.status).toBe('cancelled');
    const finished = t.events.find((e) => e.name === 'job.finished' && e.payload.jobId === started.jobId);
    expect(finished?.payload).toEqual({ jobId: started.jobId, kind: 'import', status: 'cancelled', message: null });

    const record = t.transfer.listImports().find((r) => r.id === started.importId)!;
    expect(record.status).toBe('cancelled');
    expect(t.transfer.jobStatus(started.jobId)).toMatchObject({ state: 'cancelled', result: record });
    expect(record.counts.created % 2000).toBe(0);
    expect(record.counts.created).toBeGreaterThan(0);
    expect(record.counts.created).toBeLessThan(40_000);
    const imported = (t.db.prepare("SELECT count(*) AS n FROM leads WHERE email LIKE 'bulk%'").get() as { n: number }).n;
    expect(imported).toBe(record.counts.created);
    expect(record.canUndo).toBe(true);
    t.transfer.undoImport(record.id);
    expect(snapshot(t.db)).toEqual(before);
  }, 60_000);
});

describe('rejected rows', () => {
  it('save as a CSV with an extra Error column, every field as read (a long ragged row keeps its extra cells)', async () => {
    const file = writeFile(tmp, 'rejects.csv', 'E-mail,First name,Stage\r\nok@example.com,Ok,\r\nbad@,Bad,\r\n"=cmd",Formula,sql\r\nragged@example.com,Ragged,awareness,extra cell\r\n');
    const record = await importFile(t, file);
    expect(record.counts).toMatchObject({ created: 1, rejected: 3 });
    const saved = (await t.transfer.rejectedCsv(record.id, ';')) as SavedFile;
    expect(saved).toMatchObject({ fileName: 'rejects-rejected.csv', rows: 3, location: null, downloadId: expect.any(String) });
    const path = t.transfer.files.get(saved.downloadId!, 'download')!.path;
    expect(readFileSync(path, 'utf8').startsWith('\uFEFFE-mail;First name;Stage;;Error\r\n')).toBe(true);
    const reader = await openCsvFile(path);
    const read: string[][] = [];
    for await (const r of reader.records()) read.push(r.fields);
    expect(read).toEqual([
      ['E-mail', 'First name', 'Stage', '', 'Error'],
      ['bad@', 'Bad', '', '', 'Line 3: E-mail: "bad@" — That e-mail address does not look right.'],
      ['=cmd', 'Formula', 'sql', '', 'Line 4: E-mail: "=cmd" — That e-mail address does not look right.'],
      ['ragged@example.com', 'Ragged', 'awareness', 'extra cell', 'Line 5: 4 fields where the first line has 3.'],
    ]);
    // The formula guard protects the saved file as any export.
    expect(readFileSync(path, 'utf8')).toContain("'=cmd;");
  });

  it('an import that rejected nothing has no rejected-rows file', async () => {
    const record = await importFile(t, writeFile(tmp, 'clean.csv', csv([['E-mail'], ['clean@example.com']])));
    await expect(t.transfer.rejectedCsv(record.id, ',')).rejects.toThrow('That import rejected no rows: there is nothing to save.');
  });
});
