import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FULL } from '../../support/services.ts';
import { csv, importFile, makeTempDir, previewFile, scanFile, settingsFor, transferTest, writeFile, type TempDir, type TransferTest } from './support.ts';

let tmp: TempDir;
let t: TransferTest;
beforeAll(() => {
  tmp = makeTempDir('voronka-duplicates-');
});
afterAll(() => tmp.remove());
beforeEach(() => {
  t = transferTest(tmp, `dup-${Math.random().toString(36).slice(2)}.db`);
  // Stored before the import: Anna (MQL) at Acme, whose company is known by its domain.
  t.leads.create({ ...FULL, email: 'Anna.Petrova@Example.com', companyName: 'Acme', companyDomain: 'acme.com', industry: 'Software', tags: ['old'] }, 'mql');
});
afterEach(async () => {
  await t.close();
});

const FILE = () =>
  writeFile(
    tmp,
    'dups.csv',
    csv([
      ['First name', 'Last name', 'E-mail', 'Company', 'Domain', 'Role', 'Tags'],
      ['Anna', 'Petrova-Smith', 'anna.petrova@example.com', 'Acme Corp', 'acme.com', 'CMO', 'vip'],
      ['Ivan', 'Ivanov', 'ivan@example.com', 'Acme', 'acme.com', '', ''],
      ['Ivan', 'Ivanov', 'IVAN@example.com', '', '', 'CTO', ''],
      ['Olga', 'Orlova', 'olga@other.org', 'Other', 'other.org', '', ''],
    ]),
  );

const emails = (t: TransferTest) => (t.db.prepare('SELECT email FROM leads ORDER BY id').all() as { email: string }[]).map((r) => r.email);

describe('duplicates, matched on e-mail in any case (companies on domain)', () => {
  it('the preview counts them, for each choice, before anything is written', async () => {
    const file = FILE();
    const expected = {
      skip: { read: 4, created: 2, duplicates: 2, updated: 0, skipped: 2, rejected: 0, existingCompanies: 1 },
      update: { read: 4, created: 2, duplicates: 2, updated: 2, skipped: 0, rejected: 0, existingCompanies: 1 },
      create: { read: 4, created: 4, duplicates: 2, updated: 0, skipped: 0, rejected: 0, existingCompanies: 1 },
    } as const;
    for (const policy of ['skip', 'update', 'create'] as const) {
      const preview = await previewFile(t, file, { onDuplicate: policy });
      expect(preview.counts, policy).toEqual(expected[policy]);
    }
    expect(emails(t)).toEqual(['Anna.Petrova@Example.com']);
  });

  it('skip: the stored lead stays as it was; a repeat inside the file is skipped too', async () => {
    const before = t.leads.get(1).lead;
    const record = await importFile(t, FILE(), { onDuplicate: 'skip' });
    expect(record.counts).toMatchObject({ created: 2, duplicates: 2, skipped: 2, updated: 0 });
    expect(t.leads.get(1).lead).toEqual(before);
    expect(emails(t)).toEqual(['Anna.Petrova@Example.com', 'ivan@example.com', 'olga@other.org']);
    const preview = await previewFile(t, FILE(), { onDuplicate: 'skip' });
    expect(preview.rows[0]).toMatchObject({ line: 2, action: 'skip', duplicateOfLeadId: 1 });
  });

  it('update: filled cells overwrite, empty cells leave the stored value, the company is matched on its domain', async () => {
    // The company is shared: Anna's row renames it "Acme Corp", Ivan's row (same domain) names it "Acme" again.
    const record = await importFile(t, FILE(), { onDuplicate: 'update' });
    expect(record.counts).toMatchObject({ created: 2, duplicates: 2, updated: 2, skipped: 0, existingCompanies: 1 });
    const anna = t.leads.get(1).lead;
    expect(anna).toMatchObject({ firstName: 'Anna', lastName: 'Petrova-Smith', email: 'anna.petrova@example.com', roleTitle: 'CMO', tags: ['vip'], stageKey: 'mql', companyName: 'Acme', industry: 'Software', dealValueMinor: FULL.dealValueMinor });
    const ivan = t.query.query({ all: [], search: 'ivan' }, [], 0, 5).rows;
    expect(ivan).toHaveLength(1);
    expect(ivan[0]).toMatchObject({ roleTitle: 'CTO', companyName: 'Acme', companyId: anna.companyId });
    expect((t.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n).toBe(2);
  });

  it('create anyway: a second lead with the same e-mail', async () => {
    const record = await importFile(t, FILE(), { onDuplicate: 'create' });
    expect(record.counts).toMatchObject({ created: 4, duplicates: 2 });
    expect(emails(t)).toEqual(['Anna.Petrova@Example.com', 'anna.petrova@example.com', 'ivan@example.com', 'IVAN@example.com', 'olga@other.org']);
  });

  it('a deleted lead is not a duplicate', async () => {
    t.leads.delete(1);
    const record = await importFile(t, FILE(), { onDuplicate: 'skip' });
    expect(record.counts).toMatchObject({ created: 3, duplicates: 1 });
  });
});

describe('stage rules, stage and owner values', () => {
  const rows = (...body: string[][]) => writeFile(tmp, 'stages.csv', csv([['Name', 'E-mail', 'Phone', 'Stage', 'Deal value', 'Expected close', 'Urgency', 'Owner'], ...body]));

  it('rows whose stage would break the rules are rejected with the rule in words', async () => {
    t.team.add({ name: 'Olga Smirnova', email: 'olga@voronka.example', role: 'sdr' });
    const file = rows(
      ['No Contact', '', '', 'MQL', '', '', '', ''],
      ['No Deal', 'nodeal@example.com', '', 'sql', '', '', '', ''],
      ['Half Deal', 'half@example.com', '', 'SQL', '5000', '', 'high', ''],
      ['Good Deal', 'good@example.com', '', 'SQL', '12 500,50', '31.12.2026', 'высокая', 'OLGA@voronka.example'],
      ['Phone Only', '', '+7 915 000-00-00', 'mql', '', '', '', 'Olga Smirnova'],
    );
    const preview = await previewFile(t, file);
    expect(preview.rows.map((r) => [r.line, r.action, r.errors.map((e) => e.message)])).toEqual([
      [2, 'reject', ['Line 2: MQL needs contact info: an e-mail or a phone number.']],
      [3, 'reject', ['Line 3: SQL needs deal value, expected close date and urgency.']],
      [4, 'reject', ['Line 4: SQL needs expected close date.']],
      [5, 'create', []],
      [6, 'create', []],
    ]);
    expect(preview.rows[3]!.lead).toMatchObject({ firstName: 'Good', lastName: 'Deal', stageKey: 'sql', dealValueMinor: 1_250_050, expectedCloseOn: '2026-12-31', urgency: 'high', ownerName: 'Olga Smirnova' });
    const record = await importFile(t, file);
    expect(record.counts).toMatchObject({ created: 2, rejected: 3 });
    const good = t.query.query({ all: [], search: 'good' }, [], 0, 5).rows[0]!;
    expect(t.leads.get(good.id).transitions.map((tr) => [tr.fromStage, tr.toStage])).toEqual([[null, 'sql']]);
  });

  it('unknown stage and owner values are listed with their counts, and a value mapping resolves them', async () => {
    t.team.add({ name: 'Olga Smirnova', email: 'olga@voronka.example', role: 'sdr' });
    const olga = t.catalog.members().find((m) => m.name === 'Olga Smirnova')!;
    const file = rows(
      ['A', 'a@example.com', '', 'Lead', '', '', '', 'Olga S.'],
      ['B', 'b@example.com', '', 'Lead', '', '', '', 'Olga S.'],
      ['C', 'c@example.com', '', 'Customer', '', '', '', 'Someone Else'],
    );
    const preview = await previewFile(t, file);
    expect(preview.unknownValues).toEqual({
      stage: [{ value: 'Lead', count: 2 }, { value: 'Customer', count: 1 }],
      owner: [{ value: 'Olga S.', count: 2 }, { value: 'Someone Else', count: 1 }],
    });
    expect(preview.rows[0]!.errors.map((e) => e.message)).toEqual([
      'Line 2: Stage (key or name): "Lead" is not a stage (key or name): choose a stage for it.',
      'Line 2: Owner (name or e-mail): "Olga S." is nobody in the team (name or e-mail): choose a member for it.',
    ]);
    const valueMapping = {
      stage: [{ value: 'lead', stageKey: 'mql' }, { value: 'Customer', stageKey: null }],
      owner: [{ value: 'Olga S.', ownerId: olga.id }, { value: 'Someone Else', ownerId: null }],
    };
    const mapped = await previewFile(t, file, { valueMapping });
    expect(mapped.unknownValues).toEqual({ stage: [], owner: [] });
    expect(mapped.rows.map((r) => [r.action, r.lead?.stageKey, r.lead?.ownerId])).toEqual([
      ['create', 'mql', olga.id],
      ['create', 'mql', olga.id],
      ['reject', 'awareness', null],
    ]);
    expect(mapped.rows[2]!.errors[0]!.message).toBe('Line 4: Stage (key or name): "Customer" was set to be left out.');
  });

  it('an update may not make a move that needs a reason (to Closed-lost)', async () => {
    const file = writeFile(tmp, 'lost.csv', csv([['E-mail', 'Stage'], ['anna.petrova@example.com', 'Closed-lost']]));
    const preview = await previewFile(t, file, { onDuplicate: 'update' });
    // Anna is an MQL: closing her before SQL is a disqualification.
    expect(preview.rows[0]!.errors.map((e) => e.message)).toEqual(['Line 2: Disqualifying a lead needs a reason. Move this lead in the app.']);
  });

  it('an update that moves a lead records the move', async () => {
    const file = writeFile(tmp, 'move.csv', csv([['E-mail', 'Stage'], ['anna.petrova@example.com', 'SQL']]));
    const record = await importFile(t, file, { onDuplicate: 'update' });
    expect(record.counts).toMatchObject({ updated: 1 });
    expect(t.leads.get(1).transitions.map((tr) => [tr.fromStage, tr.toStage])).toEqual([['mql', 'sql'], [null, 'mql']]);
  });

  it('bad values are rejected with the value and what was expected', async () => {
    const file = writeFile(tmp, 'bad.csv', csv([['E-mail', 'Employees', 'Company', 'Website'], ['ivan@', 'many', 'Acme', 'not a site'], ['', '', '', 'example.org']]));
    const preview = await previewFile(t, file);
    expect(preview.rows[0]!.errors.map((e) => e.message)).toEqual([
      'Line 2: E-mail: "ivan@" — That e-mail address does not look right.',
      'Line 2: Employees: "many" is not a whole number.',
      'Line 2: Website: "not a site" — A website looks like https://example.com.',
    ]);
    expect(preview.errorSummary).toEqual([
      { message: 'E-mail: … — That e-mail address does not look right.', count: 1 },
      { message: 'Employees: … is not a whole number.', count: 1 },
      { message: 'Website: … — A website looks like https://example.com.', count: 1 },
    ]);
    // A website without a domain column still names the company's domain.
    expect(preview.rows[1]!.lead).toMatchObject({ website: 'https://example.org', companyDomain: 'example.org' });
  });
});

describe('remembered mapping', () => {
  it('the mapping used for a set of headers is offered again for a file with the same headers', async () => {
    const first = writeFile(tmp, 'crm.csv', csv([['Full name', 'Mail', 'Org'], ['Anna Petrova', 'anna2@example.com', 'Acme']]));
    const scan = await scanFile(t, first);
    expect(scan.remembered).toBeNull();
    expect(scan.suggested).toEqual(['fullName', null, null]);
    const columns = ['fullName', 'email', 'companyName'] as const;
    const started = await t.transfer.startImport(settingsFor(scan, { columns: [...columns] }));
    await t.transfer.waitForJob(started.jobId);

    const again = await scanFile(t, writeFile(tmp, 'crm-2.csv', csv([['FULL NAME', 'mail ', 'Org.'], ['Ivan Ivanov', 'ivan2@example.com', 'Beta']])));
    expect(again.remembered).toEqual([...columns]);
    const other = await scanFile(t, writeFile(tmp, 'crm-3.csv', csv([['Org', 'Full name', 'Mail'], ['Beta', 'Ivan Ivanov', 'ivan3@example.com']])));
    expect(other.remembered).toBeNull();
  });
});
