import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SortKey } from '../../../shared/domain/views.ts';
import { VALUES_LIMIT } from '../../../main/services/query-service.ts';
import { caught, createTestServices } from '../../support/services.ts';
import { buildProspects, type ProspectFixture } from '../../support/prospects.ts';

let f: ProspectFixture;
beforeAll(() => {
  f = buildProspects();
});
afterAll(() => f.t.close());

const order = (sort: SortKey[], offset = 0, limit = 100) => {
  const byId = new Map(Object.entries(f.ids).map(([name, id]) => [id, name]));
  return f.t.query.query({ all: [] }, sort, offset, limit).rows.map((lead) => byId.get(lead.id));
};

describe('leads.query', () => {
  it('without a sort lists the newest leads first, deleted ones never', () => {
    // Created 1, 3, 10, 20, 40, 200 and 400 days ago (hank, 5 days ago, is deleted).
    expect(order([])).toEqual(['gus', 'ana', 'dmitry', 'finn', 'bob', 'cara', 'eve']);
  });

  it('sorts by one key either way, empty values last in both directions', () => {
    expect(order([{ field: 'employeeCount', dir: 'asc' }])).toEqual(['finn', 'bob', 'cara', 'ana', 'dmitry', 'eve', 'gus']);
    // Ties (eve and gus have no company) break by id, in the direction of the last key.
    expect(order([{ field: 'employeeCount', dir: 'desc' }])).toEqual(['dmitry', 'ana', 'cara', 'bob', 'finn', 'gus', 'eve']);
    expect(order([{ field: 'name', dir: 'asc' }])).toEqual(['bob', 'cara', 'finn', 'gus', 'ana', 'dmitry', 'eve']);
    // Scores: ana 35, dmitry 25, bob cara finn gus 10 (by id, descending), eve 0.
    expect(order([{ field: 'score', dir: 'desc' }])).toEqual(['ana', 'dmitry', 'gus', 'finn', 'cara', 'bob', 'eve']);
  });

  it('sorts enums in their meaning, not alphabetically: stage in board order, seniority by rank, owner by name', () => {
    expect(order([{ field: 'stageKey', dir: 'asc' }, { field: 'name', dir: 'asc' }])).toEqual(['bob', 'eve', 'finn', 'gus', 'ana', 'dmitry', 'cara']);
    expect(order([{ field: 'seniority', dir: 'desc' }, { field: 'name', dir: 'asc' }])).toEqual(['cara', 'dmitry', 'bob', 'finn', 'ana', 'gus', 'eve']);
    // James Carter before Olga Smirnova; unassigned last.
    expect(order([{ field: 'ownerId', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }])).toEqual(['bob', 'finn', 'dmitry', 'ana', 'eve', 'cara', 'gus']);
  });

  it('up to three keys, each a tie-break of the one before; sets sort by their values', () => {
    expect(order([{ field: 'industry', dir: 'asc' }, { field: 'score', dir: 'desc' }, { field: 'name', dir: 'desc' }])).toEqual([
      'ana', 'dmitry', 'finn', 'bob', 'cara', 'gus', 'eve',
    ]);
    // "1C, Bitrix24" < "HubSpot" < "HubSpot, Stripe" < "HubSpot, Zendesk" < "SAP, Salesforce"; no company last.
    expect(order([{ field: 'technologies', dir: 'asc' }])).toEqual(['dmitry', 'finn', 'bob', 'ana', 'cara', 'eve', 'gus']);
    // Cyrillic sorts after Latin (binary order beyond ASCII).
    expect(order([{ field: 'companyName', dir: 'desc' }])).toEqual(['dmitry', 'finn', 'ana', 'bob', 'cara', 'gus', 'eve']);
  });

  it('pages with offset and limit; the total counts every match whatever the page', () => {
    const sort: SortKey[] = [{ field: 'createdAt', dir: 'asc' }];
    const all = order(sort);
    expect(all).toEqual(['eve', 'cara', 'bob', 'finn', 'dmitry', 'ana', 'gus']);
    expect(order(sort, 0, 3)).toEqual(all.slice(0, 3));
    expect(order(sort, 3, 3)).toEqual(all.slice(3, 6));
    expect(order(sort, 6, 3)).toEqual(all.slice(6));
    expect(order(sort, 50, 3)).toEqual([]);
    const page = f.t.query.query({ all: [{ field: 'email', op: 'is_not_empty' }] }, sort, 1, 2);
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
  });

  it('ties never repeat or skip a row across pages (the id breaks them)', () => {
    const t = createTestServices();
    for (let i = 0; i < 23; i++) t.leads.create({ firstName: 'Same', industry: null });
    const seen: number[] = [];
    for (let offset = 0; offset < 23; offset += 5) seen.push(...t.query.query({ all: [] }, [{ field: 'name', dir: 'asc' }], offset, 5).rows.map((l) => l.id));
    expect(new Set(seen).size).toBe(23);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    t.close();
  });

  it('rows are full leads, like leads.get returns them', () => {
    const row = f.t.query.query({ all: [{ field: 'name', op: 'contains', text: 'анна' }] }, [], 0, 10).rows[0]!;
    expect(row).toEqual(f.t.leads.get(f.ids.ana).lead);
    expect(row).toMatchObject({ technologies: ['HubSpot', 'Zendesk'], tags: ['priority', 'webinar-2026'], ownerName: 'Olga Smirnova', score: 35 });
  });
});

describe('filters.values', () => {
  it('lists the values in use of choice and set fields, live leads only, alphabetically', () => {
    expect(f.t.query.values('industry')).toEqual(['Banking', 'Financial services', 'Logistics', 'Retail']);
    expect(f.t.query.values('technologies')).toEqual(['1C', 'Bitrix24', 'HubSpot', 'Salesforce', 'SAP', 'Stripe', 'Zendesk']);
    expect(f.t.query.values('tags')).toEqual(['newsletter', 'priority', 'webinar-2026', 'тендер']);
    expect(f.t.query.values('roleTitle')).toEqual(['CFO', 'HR Manager', 'Marketing Manager', 'Финансовый директор']);
    expect(f.t.query.values('currency')).toEqual(['EUR', 'RUB', 'USD']);
  });

  it('narrows by a case-insensitive prefix, Cyrillic too', () => {
    expect(f.t.query.values('industry', 'b')).toEqual(['Banking']);
    expect(f.t.query.values('city', 'ВЛ')).toEqual(['Владивосток']);
    expect(f.t.query.values('companyName', '50%')).toEqual(['50% Off_Deals']);
    expect(f.t.query.values('companyName', '%')).toEqual([]);
    expect(f.t.query.values('source', 'zzz')).toEqual([]);
  });

  it('enum fields give their fixed values: stages in board order, owner ids as text, seniorities, urgencies', () => {
    expect(f.t.query.values('stageKey')).toEqual(['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won', 'lost']);
    expect(f.t.query.values('ownerId').sort()).toEqual([String(f.olga), String(f.james)].sort());
    expect(f.t.query.values('seniority')).toEqual(['entry', 'manager', 'director', 'vp', 'c_level', 'owner']);
    expect(f.t.query.values('urgency', 'h')).toEqual(['high']);
  });

  it('free-text fields list their values in use too ("is any of" picks exact values)', () => {
    expect(f.t.query.values('name', 'д')).toEqual(['Дмитрий Волков']);
    expect(f.t.query.values('companyDomain', 'A')).toEqual(['acmelogistics.io', 'atlaspay.co']);
    expect(f.t.query.values('email', 'hank')).toEqual([]);
  });

  it('numbers, amounts and dates have no list', () => {
    for (const field of ['employeeCount', 'dealValueMinor', 'score', 'expectedCloseOn', 'createdAt', 'roleStartedOn'] as const) {
      expect(caught(() => f.t.query.values(field))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('has no list of values') });
    }
  });

  it('stops at the limit', () => {
    const t = createTestServices();
    for (let i = 0; i < VALUES_LIMIT + 5; i++) t.leads.create({ source: `Source ${String(i).padStart(3, '0')}` });
    const values = t.query.values('source');
    expect(values).toHaveLength(VALUES_LIMIT);
    expect(values[0]).toBe('Source 000');
    t.close();
  });
});
