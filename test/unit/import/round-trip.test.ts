import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead.ts';
import type { SavedFile } from '../../../shared/domain/csv-transfer.ts';
import { columnIds } from '../../support/services.ts';
import { importFile, makeTempDir, scanFile, transferTest, type TempDir, type TransferTest } from './support.ts';

/**
 * The promise of "all leads" export: exported with every field and imported into an empty funnel
 * (with the same team), every lead comes back as it was.
 */

let tmp: TempDir;
let source: TransferTest;
let target: TransferTest;
let exported: SavedFile;
let exportPath: string;

const TRICKY = [
  {
    fields: {
      firstName: 'Ольга "Оля"', lastName: 'Иванова-Петрова', email: 'olga@romashka.ru', phone: '+7 915 123-45-67',
      roleTitle: 'Head of\r\nSales, EMEA', roleStartedOn: '2024-02-29', seniority: 'director', department: '-Sales', persona: '@handle',
      tags: ['vip', 'Ёлка', '=SUM(A1)', "'=kept"], companyName: '=HYPERLINK("http://evil.example")', companyDomain: 'romashka.ru',
      industry: 'Розничная торговля', employeeCount: 1200, monthlyAdSpendUsd: 15000, adChannels: ['Яндекс Директ', 'VK Ads'],
      technologies: ['1С', 'Bitrix24'], openJobPostings: 3, jobDepartments: ['Marketing', 'Продажи'], country: 'Россия', city: 'Санкт-Петербург',
      website: 'https://romashka.ru/о-нас', source: '+Partner program', dealValueMinor: 1_234_567, currency: 'RUB',
      expectedCloseOn: '2026-06-30', urgency: 'high',
    },
    stage: 'sql',
  },
  { fields: { firstName: '+1 (555) 010-0000', lastName: "'quoted'", phone: '-5', email: 'weird@example.com' }, stage: 'mql' },
  { fields: { companyName: 'Only a company, "Inc."', industry: 'Software' }, stage: 'awareness' },
] as const;

beforeAll(async () => {
  tmp = makeTempDir('voronka-round-trip-');
  source = transferTest(tmp, 'source.db');
  source.demo.seed(400);
  for (const lead of TRICKY) source.leads.create(lead.fields as never, lead.stage);
  // A deleted lead is not exported: "all leads" are the live ones.
  source.leads.delete(source.leads.create({ firstName: 'Deleted' }).id);

  const started = await source.transfer.startExport({ kind: 'all' }, { delimiter: ',', bom: true });
  expect((await source.transfer.waitForJob(started!.jobId)).status).toBe('done');
  exported = source.transfer.jobStatus(started!.jobId).result as SavedFile;
  exportPath = source.transfer.files.get(exported.downloadId!, 'download')!.path;

  target = transferTest(tmp, 'target.db');
  for (const member of source.catalog.members()) target.team.add({ name: member.name, email: member.email, role: member.role });
  target.team.setCurrentMember(target.catalog.members()[0]!.id);
}, 60_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  tmp.remove();
});

function comparable(t: TransferTest, lead: Lead) {
  const { id: _id, position: _position, companyId: _companyId, ownerId, ...rest } = lead;
  return { ...rest, ownerEmail: ownerId === null ? null : t.catalog.members().find((m) => m.id === ownerId)!.email };
}

function allLeads(t: TransferTest): Lead[] {
  const ids = (t.db.prepare('SELECT id FROM leads ORDER BY id').all() as { id: number }[]).map((row) => row.id);
  return ids.map((id) => t.leads.get(id).lead);
}

describe('all-leads export', () => {
  it('is Excel-friendly: BOM, CRLF, every field in the documented order', () => {
    const bytes = readFileSync(exportPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toMatch(/^\uFEFFID,First name,Last name,E-mail,Phone,Role,In role since,Seniority,/);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(exported.rows).toBe(403);
  });

  it('guards formulas but leaves phone numbers readable', () => {
    const text = readFileSync(exportPath, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain(",'-Sales,");
    expect(text).toContain(",'@handle,");
    expect(text).toContain(",'+Partner program,");
    expect(text).toContain(',+7 915 123-45-67,');
    expect(text).toContain(',+1 (555) 010-0000,');
    expect(text).not.toMatch(/[,\n]=/);
  });
});

describe('export then import into an empty funnel', () => {
  it('gives identical leads: every field, Cyrillic, quotes, line breaks, +7 phones, leading = + - @, tags, company fields', async () => {
    const record = await importFile(target, exportPath, { onDuplicate: 'create' });
    expect(record.counts).toMatchObject({ read: 403, created: 403, rejected: 0, updated: 0, skipped: 0 });
    const before = allLeads(source).filter((lead) => lead.deletedAt === null);
    const after = allLeads(target);
    expect(after).toHaveLength(before.length);
    for (let i = 0; i < before.length; i++) {
      expect(comparable(target, after[i]!), `lead ${before[i]!.id}`).toEqual(comparable(source, before[i]!));
    }
  });

  it('keeps each column in the same order on the board', () => {
    const rank = (t: TransferTest, ids: number[]) => ids.map((id) => t.leads.get(id).lead.email ?? `${t.leads.get(id).lead.firstName} ${t.leads.get(id).lead.createdAt}`);
    for (const stage of source.catalog.stages()) {
      const live = columnIds(source, stage.key);
      expect(rank(target, columnIds(target, stage.key)), stage.key).toEqual(rank(source, live));
    }
  });

  it('shares companies by domain as the source did, and finds the leads by quick search', () => {
    const count = (t: TransferTest) => (t.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    expect(count(target)).toBe(count(source));
    const found = target.query.query({ all: [], search: 'оля' }, [], 0, 10);
    expect(found.rows.map((lead) => lead.email)).toEqual(['olga@romashka.ru']);
  });

  it('maps our own headers exactly, and the ones it recomputes (ID, Score) are left out', async () => {
    const scan = await scanFile(target, exportPath);
    const mapped = Object.fromEntries(scan.header.map((name, i) => [name, scan.remembered?.[i] ?? scan.suggested[i]]));
    expect(mapped).toMatchObject({ ID: null, Score: null, 'Owner e-mail': 'owner', Owner: null, 'Stage key': 'stage', Stage: null });
    expect(scan.suggested.filter(Boolean)).toHaveLength(scan.header.length - 4);
  });
});
