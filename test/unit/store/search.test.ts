import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchQuery } from '../../../main/store/filter/search-query.ts';
import type { SortKey } from '../../../shared/domain/views.ts';
import { buildProspects, type ProspectFixture } from '../../support/prospects.ts';

describe('searchQuery', () => {
  it('turns each word into a quoted prefix term, ANDed', () => {
    expect(searchQuery('anna bluefin')).toBe('"anna"* AND "bluefin"*');
    expect(searchQuery('  Петр  ')).toBe('"Петр"*');
  });

  it('doubles quotes, so FTS5 syntax in the text stays plain words', () => {
    expect(searchQuery('say "hi"')).toBe('"say"* AND """hi"""*');
    expect(searchQuery('a OR b NOT c*')).toBe('"a"* AND "OR"* AND "b"* AND "NOT"* AND "c*"*');
    expect(searchQuery('name:anna ^x NEAR(y)')).toBe('"name:anna"* AND "^x"* AND "NEAR(y)"*');
  });

  it('drops words without a letter or digit; nothing left is null', () => {
    expect(searchQuery('-- anna %')).toBe('"anna"*');
    expect(searchQuery('')).toBeNull();
    expect(searchQuery('% _ -- " *')).toBeNull();
  });
});

describe('quick search over the FTS5 index', () => {
  let f: ProspectFixture;
  beforeEach(() => {
    f = buildProspects();
  });
  afterEach(() => f.t.close());
  const search = (text: string) => f.names({ all: [], search: text });

  it('finds Cyrillic names by prefix in any case; a deleted lead never shows', () => {
    // hank Petrov is deleted: "петр" would match him too.
    expect(search('Петр')).toEqual(['ana']);
    expect(search('ПЕТР')).toEqual(['ana']);
    expect(search('петрова')).toEqual(['ana']);
    expect(search('волк')).toEqual(['dmitry']);
    expect(search('Hank')).toEqual([]);
  });

  it('finds e-mails, whole or by their first part, and domains', () => {
    expect(search('anna.petrova@bluefinbank.eu')).toEqual(['ana']);
    expect(search('bob@atl')).toEqual(['bob']);
    expect(search('vostokbank')).toEqual(['dmitry']);
    expect(search('acmelogistics.io')).toEqual(['cara']);
    expect(search('half-off')).toEqual(['gus']);
  });

  it('finds company names and notes, diacritics and case folded', () => {
    expect(search('pennywise')).toEqual(['finn']);
    expect(search('восток')).toEqual(['dmitry']);
    expect(search('"hubspot" sync')).toEqual(['ana']);
    expect(search('интеграц')).toEqual(['cara']);
    expect(search('o\'brien')).toEqual(['finn']);
  });

  it('ANDs the words: every word must match somewhere in the lead', () => {
    expect(search('anna bluefin')).toEqual(['ana']);
    expect(search('anna atlas')).toEqual([]);
    expect(search('cara интеграц')).toEqual(['cara']);
  });

  it('renaming a company re-indexes all its leads', () => {
    const other = f.t.leads.create({ firstName: 'Second', companyName: 'Atlas Payments', companyDomain: 'atlaspay.co' });
    // "payments" is only in the name ("atlas" would still match the domain atlaspay.co).
    const ids = () => f.t.query.query({ all: [], search: 'payments' }, [], 0, 10).rows.map((l) => l.id).sort();
    expect(ids()).toEqual([f.ids.bob, other.id].sort());
    f.t.leads.update(f.ids.bob, { companyName: 'Paystream Group' });
    expect(ids()).toEqual([]);
    const renamed = f.t.query.query({ all: [], search: 'paystream' }, [], 0, 10).rows.map((l) => l.id).sort();
    expect(renamed).toEqual([f.ids.bob, other.id].sort());
  });

  it('follows edits, new notes and restores', () => {
    f.t.leads.update(f.ids.gus, { lastName: 'Грант-Ильин' });
    expect(search('ильин')).toEqual(['gus']);
    expect(search('grant')).toEqual([]);
    f.t.leads.addNote(f.ids.eve, 'Visited the pricing page twice');
    expect(search('pricing')).toEqual(['eve']);
    f.t.leads.restore(f.ids.hank);
    expect(search('hank')).toEqual(['hank']);
  });

  it('combines with the filter', () => {
    expect(search('hr')).toEqual([]);
    expect(f.names({ all: [{ field: 'industry', op: 'is_any_of', values: ['Banking'] }], search: 'банк' })).toEqual(['dmitry']);
    expect(f.names({ all: [{ field: 'stageKey', op: 'is_none_of', values: ['sal'] }], search: 'банк' })).toEqual([]);
    expect(f.names({ all: [{ field: 'ownerId', op: 'is_any_of', values: ['me'] }], search: 'anna' })).toEqual(['ana']);
    expect(f.names({ all: [{ field: 'ownerId', op: 'is_none_of', values: ['me'] }], search: 'anna' })).toEqual([]);
    // The board too: hank (deleted) shares ana's company.
    expect(f.t.board.columns({ all: [], search: 'bluefin' }).filter((c) => c.count > 0).map((c) => [c.stageKey, c.count])).toEqual([['mql', 1]]);
  });

  it('a search alone counts and pages its live matches, newest first, whatever the sort', () => {
    // Both bluefin leads match "bluefin": ana is live, hank is deleted and stays in the FTS index.
    const result = (sort: SortKey[] = []) => f.t.query.query({ all: [], search: 'bluefin' }, sort, 0, 10);
    expect(result()).toMatchObject({ total: 1, rows: [{ id: f.ids.ana }] });
    f.t.leads.restore(f.ids.hank);
    expect(result().total).toBe(2);
    // ana was created 3 days ago, hank 5.
    expect(result().rows.map((lead) => lead.id)).toEqual([f.ids.ana, f.ids.hank]);
    // A full page comes from the newest leads, a short one from all matches: both in the same order.
    const onePage = (offset: number) => f.t.query.query({ all: [], search: 'bluefin' }, [], offset, 1).rows.map((lead) => lead.id);
    expect([onePage(0), onePage(1), onePage(2)]).toEqual([[f.ids.ana], [f.ids.hank], []]);
    // By name, Latin "Hank" before Cyrillic "Анна".
    expect(result([{ field: 'name', dir: 'asc' }]).rows.map((lead) => lead.id)).toEqual([f.ids.hank, f.ids.ana]);
    expect(f.t.query.query({ all: [], search: '%' }, [], 0, 10)).toEqual({ total: 0, rows: [] });
  });

  it('text that can match no word finds nothing (not everything)', () => {
    expect(search('%')).toEqual([]);
    expect(search('-- " *')).toEqual([]);
    expect(search('zzzz')).toEqual([]);
  });
});
