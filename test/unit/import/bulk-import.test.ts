import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatePolicy } from '../../../shared/domain/csv-transfer.ts';
import { suggestMapping } from '../../../main/import/header-map.ts';
import { createImportUndo } from '../../../main/import/undo-import.ts';
import { runImport } from '../../../main/import/run-import.ts';
import { JobCancelledError } from '../../../main/jobs/worker-protocol.ts';
import { createCatchUp } from '../../../main/reports/catch-up.ts';
import { createServiceContext } from '../../../main/services/context.ts';
import { indexLeads } from '../../../main/store/migrations/0006-search.ts';
import { createImportRepository } from '../../../main/store/repositories/import-repository.ts';
import { leadTotals, leadTotalsFromScratch } from '../../support/lead-totals.ts';
import { createTestServices, DAY, FULL, T0, type TestServices } from '../../support/services.ts';
import { csv, makeTempDir, snapshot, writeFile, type TempDir } from './support.ts';

/**
 * The import writes new leads a batch at a time, set-based, and does the work of the row triggers
 * itself (search index, report marks, last activity, companies renamed by a row): what it leaves
 * must be exactly what row-by-row writes with every trigger firing leave. Batches of 3 rows here,
 * so that repeats, renames and moves fall inside a batch and across batches.
 */

let tmp: TempDir;
const open: TestServices[] = [];
beforeAll(() => {
  tmp = makeTempDir('voronka-bulk-');
});
afterAll(() => tmp.remove());
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const AT = T0 + 10 * DAY;

const HEADER = ['First name', 'Last name', 'E-mail', 'Phone', 'Company', 'Domain', 'Industry', 'Technologies', 'Tags', 'Stage key', 'Deal value', 'Currency', 'Expected close', 'Urgency', 'Owner e-mail', 'Created', 'Updated', 'Last activity'];
const iso = (ms: number) => new Date(ms).toISOString();

function file(name = 'bulk.csv'): string {
  return writeFile(
    tmp,
    name,
    csv([
      HEADER,
      ['Olga', 'Orlova', 'olga@northwind.io', '', 'Northwind Traders', 'northwind.io', 'Software', 'HubSpot; Tilda', 'vip; webinar', 'mql', '', '', '', '', 'boris@voronka.example', iso(T0 - 30 * DAY), iso(T0 - 20 * DAY), iso(T0 - 2 * DAY)],
      ['Пётр', 'Сидоров', 'petr@vostokbank.ru', '+7 915 000-00-01', 'Банк «Восток»', 'vostokbank.ru', 'Banking', '', 'тендер', 'awareness', '', '', '', '', '', iso(T0 - 40 * DAY), '', iso(T0 - 50 * DAY)],
      // Spells a stored company otherwise: the company is renamed for all its leads.
      ['Ivan', 'Ivanov', 'ivan@acme.com', '', 'ACME Corporation', 'acme.com', '', '', '', 'sql', '12 500', 'EUR', '2026-06-30', 'high', '', iso(T0 - 10 * DAY), '', ''],
      // The stored lead's e-mail in another case: a duplicate.
      ['Anna', 'Petrova', 'ANNA.PETROVA@example.com', '', 'Acme', 'acme.com', 'Software', '', 'vip', 'sql', '20000', 'USD', '2026-07-31', 'medium', '', '', '', ''],
      ['Ivan', 'Ivanov-Repeat', 'IVAN@acme.com', '', '', '', '', '', 'repeat', 'awareness', '', '', '', '', '', '', '', ''],
      ['Bad', 'Mail', 'not-an-email', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      // Company details without a name or a domain: refused by the app's rule, nothing written.
      ['No', 'Company', 'nocompany@example.org', '', '', '', 'Retail', '', '', '', '', '', '', '', '', '', '', ''],
      ['Won', 'Deal', 'won@northwind.io', '', 'Northwind', 'northwind.io', '', '', '', 'won', '5000', 'USD', '2026-03-01', 'low', '', iso(T0 - 60 * DAY), '', iso(T0 - 1 * DAY)],
      ['', 'Nameless', '', '+1 555 0100', 'Fjord Insurance', 'fjordinsurance.no', 'Insurance', '', '', 'conversion', '', '', '', '', '', '', '', ''],
      ['Olga', 'Orlova', 'olga@northwind.io', '', 'Northwind Traders', 'northwind.io', 'Software', '', 'again', 'sal', '', '', '', '', '', '', '', ''],
    ]),
  );
}

/** A DB with history: a team, Anna at Acme with a note, a lead at Банк «Восток», report tables built. */
function store(name: string, setUp: (db: Database) => void = () => {}): TestServices {
  const t = createTestServices({ now: T0, dbPath: tmp.file(`${name}-${Math.random().toString(36).slice(2)}.db`) });
  open.push(t);
  setUp(t.db);
  t.team.add({ name: 'Boris Orlov', email: 'boris@voronka.example', role: 'sdr' });
  const anna = t.leads.create({ ...FULL, companyName: 'Acme', companyDomain: 'acme.com', industry: 'Software', tags: ['old'] }, 'mql');
  t.leads.addNote(anna.id, 'Called about the renewal');
  t.leads.create({ firstName: 'Vera', email: 'vera@vostokbank.ru', companyName: 'Банк «Восток»', companyDomain: 'vostokbank.ru' }, 'awareness');
  createCatchUp(t.db).run(T0);
  t.clock.set(AT);
  return t;
}

async function run(t: TestServices, path: string, policy: DuplicatePolicy, options: { batchRows?: number; cancelAfter?: number } = {}) {
  const header = HEADER;
  const imports = createImportRepository(t.db);
  const settings = { columns: suggestMapping(header), onDuplicate: policy, valueMapping: { stage: [], owner: [] }, defaultStageKey: null, delimiter: ',' as const, encoding: 'utf-8' as const };
  const importId = imports.start('bulk.csv', header, settings, policy, null, AT);
  let batches = 0;
  const control = {
    progress() {},
    throwIfCancelled() {
      if (options.cancelAfter !== undefined && ++batches >= options.cancelAfter) throw new JobCancelledError();
    },
  };
  try {
    await runImport(t.db, { importId, path, settings, at: AT, expectedRecords: null, batchRows: options.batchRows ?? 3 }, control);
  } catch (error) {
    if (!(error instanceof JobCancelledError)) throw error;
  }
  return imports.get(importId)!;
}

/** Everything an import writes to, the report marks and the import's own records included. */
function everything(db: Database) {
  return {
    ...snapshot(db),
    report_dirty: db.prepare('SELECT lead_id FROM report_dirty ORDER BY 1').all(),
    import_leads: db.prepare('SELECT import_id, lead_id, action, before_json, transition_id FROM import_leads ORDER BY 1, 2').all(),
    import_companies: db.prepare('SELECT * FROM import_companies ORDER BY 1, 2').all(),
    imports: db.prepare('SELECT id, status, read_count, created_count, duplicate_count, updated_count, skipped_count, rejected_count, existing_company_count FROM imports').all(),
  };
}

/** The search index equals the documents of every lead built from scratch, and FTS5 finds it sound. */
function expectSearchIndexExact(db: Database): void {
  const documents = indexLeads('1 = 1').replace(/^\s*INSERT INTO lead_search \([^)]*\)/, '').replace(/;\s*$/, '') + ' ORDER BY l.id';
  expect(db.prepare('SELECT rowid, name, email, company, domain, notes FROM lead_search ORDER BY rowid').raw().all()).toEqual(db.prepare(documents).raw().all());
  db.prepare("INSERT INTO lead_search (lead_search) VALUES ('integrity-check')").run();
}

/** The report rows, without the journeys' own ids (a rebuild numbers them anew). */
function reportRows(db: Database) {
  return {
    journeys: db.prepare(`
      SELECT lead_id, seq, start_kind, started_at, start_stage, start_reason, max_rung, mql_at, outcome, closed_at, lost_reason, lost_from_stage, source, owner_id, persona
      FROM report_journeys ORDER BY lead_id, seq`).raw().all(),
    entries: db.prepare(`
      SELECT j.lead_id, j.seq, e.rung, e.entered_at, e.start_kind, e.skipped, e.source, e.owner_id, e.persona
      FROM report_rung_entries e JOIN report_journeys j ON j.id = e.journey_id ORDER BY 1, 2, 3`).raw().all(),
    stays: db.prepare(`
      SELECT j.lead_id, j.seq, s.seq, s.stage_key, s.entered_at, s.left_at, s.days, s.entry, s.by_member_id, s.source, s.owner_id, s.persona
      FROM report_stays s JOIN report_journeys j ON j.id = s.journey_id ORDER BY 1, 2, 3`).raw().all(),
  };
}

/** The insert triggers that stand aside for a bulk writer (migration 0011). */
const BULK_TRIGGERS = ['transitions_touch_lead', 'lead_search_insert', 'lead_search_company', 'report_dirty_lead_insert', 'report_dirty_transition_insert'];

/**
 * The reference: the DB with those triggers as they were before 0011, firing row by row. The
 * batch's own set-based work then repeats theirs, which changes nothing (it re-indexes, marks with
 * ON CONFLICT DO NOTHING and takes the max last activity), so whatever the bulk path leaves out
 * shows as a difference.
 */
function rowTriggers(db: Database): void {
  for (const name of BULK_TRIGGERS) {
    const { sql } = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(name)!;
    const plain = sql.replace(' AND NOT EXISTS (SELECT 1 FROM bulk_write)', '').replace(' WHEN NOT EXISTS (SELECT 1 FROM bulk_write)', '');
    expect(plain).not.toContain('bulk_write');
    db.exec(`DROP TRIGGER ${name}; ${plain};`);
  }
}

const searchIds = (t: TestServices, text: string) => t.query.query({ all: [], search: text }, [], 0, 50).rows.map((row) => row.id).sort((a, b) => a - b);

describe('the import, a batch at a time', () => {
  for (const policy of ['create', 'update', 'skip'] as const) {
    it(`${policy}: leaves exactly what row-by-row writes with every trigger firing leave`, async () => {
      const bulk = store('bulk');
      const rowByRow = store('rows', rowTriggers);
      const path = file();
      const a = await run(bulk, path, policy);
      const b = await run(rowByRow, path, policy);
      expect(a.counts).toEqual(b.counts);
      expect(a.counts.rejected).toBe(2);
      expect(everything(bulk.db)).toEqual(everything(rowByRow.db));
      expect(bulk.db.prepare('SELECT count(*) AS n FROM bulk_write').get()).toEqual({ n: 0 });
      expectSearchIndexExact(bulk.db);
      // Both add the new leads to lead_totals once per batch (its insert trigger stands aside for both).
      expect(leadTotals(bulk.db)).toEqual(leadTotalsFromScratch(bulk.db));
    });
  }

  it('search finds the new leads by name, e-mail, company and domain, and a renamed company for its stored leads too', async () => {
    const t = store('search');
    const record = await run(t, file(), 'create');
    expect(record.counts).toMatchObject({ read: 10, created: 8, duplicates: 3, rejected: 2 });
    const id = (email: string) => (t.db.prepare('SELECT id FROM leads WHERE email = ? ORDER BY id LIMIT 1').get(email) as { id: number }).id;
    expect(searchIds(t, 'сидор')).toEqual([id('petr@vostokbank.ru')]);
    expect(searchIds(t, 'petr@vostok')).toEqual([id('petr@vostokbank.ru')]);
    expect(searchIds(t, 'восток')).toEqual([2, id('petr@vostokbank.ru')]);
    expect(searchIds(t, 'fjordinsurance')).toHaveLength(1);
    // Anna's stored company is now "ACME Corporation" (Ivan's row renamed it), then "Acme" again (her own row).
    expect(searchIds(t, 'acme')).toHaveLength(4);
    expect(searchIds(t, 'renewal')).toEqual([1]);
    expectSearchIndexExact(t.db);
  });

  it('scores equal a full rescore, and the last activity is the file\'s, never before creation', async () => {
    const t = store('scores');
    await run(t, file(), 'update');
    const scores = t.db.prepare('SELECT id, score FROM leads ORDER BY id').all();
    expect(t.scoring.rescoreAll()).toBe(0);
    expect(t.db.prepare('SELECT id, score FROM leads ORDER BY id').all()).toEqual(scores);
    const activity = (email: string) => t.db.prepare('SELECT created_at AS created, last_activity_at AS last FROM leads WHERE email = ?').get(email);
    expect(activity('petr@vostokbank.ru')).toEqual({ created: T0 - 40 * DAY, last: T0 - 40 * DAY });
    expect(activity('won@northwind.io')).toEqual({ created: T0 - 60 * DAY, last: T0 - 1 * DAY });
    // Anna (updated, moved to SQL at the import's time).
    expect(t.db.prepare('SELECT stage_key AS stage, last_activity_at AS last FROM leads WHERE id = 1').get()).toEqual({ stage: 'sql', last: AT });
  });

  it('the reports caught up after the import equal a build from scratch', async () => {
    const t = store('reports');
    await run(t, file(), 'update');
    const catchUp = createCatchUp(t.db);
    catchUp.run(AT);
    expect(catchUp.pending()).toBe(0);
    const incremental = reportRows(t.db);
    expect(incremental.journeys).toHaveLength(7);
    t.db.exec('DELETE FROM report_state');
    catchUp.run(AT);
    expect(reportRows(t.db)).toEqual(incremental);
  });

  it('undo puts everything back exactly', async () => {
    for (const policy of ['create', 'update'] as const) {
      const t = store(`undo-${policy}`);
      const before = snapshot(t.db);
      const record = await run(t, file(), policy);
      expect(snapshot(t.db)).not.toEqual(before);
      createImportUndo(createServiceContext(t.db, () => AT), createImportRepository(t.db))(record.id, AT);
      expect(snapshot(t.db), policy).toEqual(before);
    }
  });

  it('cancel: the batches committed stay, with their index, marks and records; nothing half done', async () => {
    const t = store('cancel');
    const record = await run(t, file(), 'create', { cancelAfter: 2 });
    expect(record.counts).toMatchObject({ read: 6 });
    expect(t.db.prepare("SELECT count(*) AS n FROM import_leads WHERE action = 'created'").get()).toEqual({ n: record.counts.created });
    expect(t.db.prepare('SELECT count(*) AS n FROM bulk_write').get()).toEqual({ n: 0 });
    expectSearchIndexExact(t.db);
    expect(leadTotals(t.db)).toEqual(leadTotalsFromScratch(t.db));
    const catchUp = createCatchUp(t.db);
    catchUp.run(AT);
    const incremental = reportRows(t.db);
    t.db.exec('DELETE FROM report_state');
    catchUp.run(AT);
    expect(reportRows(t.db)).toEqual(incremental);
  });

  it('a batch that fails is rolled back whole, bulk_write with it; the batches before it stay', async () => {
    const t = store('fail');
    t.db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON main.leads WHEN NEW.last_name = 'Nameless' BEGIN SELECT RAISE(ABORT, 'boom'); END");
    await expect(run(t, file(), 'create')).rejects.toThrow('boom');
    expect(t.db.prepare('SELECT count(*) AS n FROM bulk_write').get()).toEqual({ n: 0 });
    expect(t.db.prepare("SELECT count(*) AS n FROM import_leads WHERE action = 'created'").get()).toEqual({ n: 5 });
    expect(t.db.prepare('SELECT status, created_count AS created FROM imports').get()).toEqual({ status: 'failed', created: 5 });
    expectSearchIndexExact(t.db);
  });
});
