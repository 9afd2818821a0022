import { describe, expect, it } from 'vitest';
import { EMPTY_LEAD_FIELDS } from '../../../shared/domain/lead.ts';
import type { PreviewLead } from '../../../shared/domain/csv-transfer.ts';
import { harnessDownloadUrl, uploadHeaders } from '../../../renderer/api/file-urls.ts';
import { describeColumns, exportScope, readPrefs, writePrefs } from '../../../renderer/export/export-model.ts';
import { countsSentence, duplicateOutcome, hasOtherFields, otherDetails, previewColumns, storedValue } from '../../../renderer/import/preview-model.ts';

const lead: PreviewLead = {
  ...EMPTY_LEAD_FIELDS,
  firstName: 'Анна',
  lastName: 'Петрова',
  email: 'anna@romashka.ru',
  phone: '+7 915 123-45-67',
  industry: 'Banking',
  tags: ['hot', 'webinar'],
  dealValueMinor: 1_250_000,
  currency: 'RUB',
  stageKey: 'mql',
  ownerName: 'Olga Smirnova',
  createdAt: null,
};

describe('preview of the rows as stored', () => {
  it('shows each field in words', () => {
    expect(storedValue(lead, 'fullName')).toBe('Анна Петрова');
    expect(storedValue(lead, 'phone')).toBe('+7 915 123-45-67');
    expect(storedValue(lead, 'tags')).toBe('hot, webinar');
    expect(storedValue(lead, 'dealValue')).toBe('₽12,500');
    expect(storedValue(lead, 'owner')).toBe('Olga Smirnova');
    expect(storedValue(lead, 'city')).toBeNull();
  });

  it('gives the main fields a column and puts the rest under More', () => {
    const columns = ['fullNameLastFirst', 'phone', 'industry', 'tags', null] as const;
    expect(previewColumns([...columns]).map((c) => c.label)).toEqual(['Name', 'Phone', 'Stage']);
    expect(hasOtherFields([...columns])).toBe(true);
    expect(hasOtherFields(['email', 'phone'])).toBe(false);
    expect(otherDetails(lead, [...columns])).toBe('Industry: Banking · Tags: hot, webinar');
  });

  it('says what happens to duplicates under each choice', () => {
    expect(duplicateOutcome({ duplicates: 0 }, 'skip')).toBe('No row matches a lead already in Voronka.');
    expect(duplicateOutcome({ duplicates: 1 }, 'skip')).toMatch(/^1 row has .*: it will be skipped\.$/);
    expect(duplicateOutcome({ duplicates: 1200 }, 'update')).toMatch(/^1,200 rows have .*: those leads will be updated\.$/);
  });

  it('sums the counts up in one sentence', () => {
    expect(countsSentence({ read: 6, created: 3, duplicates: 1, updated: 0, skipped: 1, rejected: 2, existingCompanies: 0 })).toBe(
      '6 rows in the file: 3 new, 1 skipped, 2 not imported.',
    );
    expect(countsSentence({ read: 1, created: 0, duplicates: 1, updated: 1, skipped: 0, rejected: 0, existingCompanies: 1 })).toBe(
      '1 row in the file: 0 new, 1 updating a lead. 1 company is already in Voronka: the new leads join it.',
    );
  });
});

describe('export choices', () => {
  const shown = {
    filter: { all: [{ field: 'industry' as const, op: 'is_any_of' as const, values: ['Banking'] }] },
    search: ' анна ',
    columns: [
      { key: 'name' as const, width: null },
      { key: 'phone' as const, width: 120 },
    ],
    sort: [{ field: 'score' as const, dir: 'desc' as const }],
  };

  it('exports what is shown: the filter with the search, the columns, the sort', () => {
    expect(exportScope({ kind: 'workspace' }, 'shown', shown)).toEqual({
      kind: 'table',
      filter: { all: shown.filter.all, search: 'анна' },
      columns: ['name', 'phone'],
      sort: shown.sort,
    });
  });

  it('exports a saved view by id, and everything for a backup', () => {
    expect(exportScope({ kind: 'view', viewId: 4, viewName: 'Fintech', count: 12 }, 'shown', shown)).toEqual({ kind: 'view', viewId: 4 });
    expect(exportScope({ kind: 'workspace' }, 'all', shown)).toEqual({ kind: 'all' });
  });

  it('names the columns briefly', () => {
    expect(describeColumns(shown.columns)).toBe('Name, Phone');
    const many = ['name', 'email', 'phone', 'companyName', 'industry'].map((key) => ({ key: key as 'name', width: null }));
    expect(describeColumns(many)).toBe('Name, E-mail, Phone and 2 more');
  });

  it('remembers the separator and the BOM, and falls back to comma with BOM', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readPrefs(storage)).toEqual({ delimiter: ',', bom: true });
    writePrefs(storage, { delimiter: ';', bom: false });
    expect(readPrefs(storage)).toEqual({ delimiter: ';', bom: false });
    store.set('voronka-export-prefs', '{not json');
    expect(readPrefs(storage)).toEqual({ delimiter: ',', bom: true });
    expect(readPrefs(undefined)).toEqual({ delimiter: ',', bom: true });
  });
});

describe('harness file addresses', () => {
  it('puts the token in the download link and the file name in an upload header', () => {
    expect(harnessDownloadUrl('http://127.0.0.1:5000', 'ab_1', 't/k+n')).toBe('http://127.0.0.1:5000/download/ab_1?token=t%2Fk%2Bn');
    expect(uploadHeaders('tok', 'Лиды май.csv')).toMatchObject({ 'x-voronka-token': 'tok', 'x-file-name': '%D0%9B%D0%B8%D0%B4%D1%8B%20%D0%BC%D0%B0%D0%B9.csv' });
  });
});
