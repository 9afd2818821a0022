import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead.ts';
import type { CardPage } from '../../../shared/ipc/contract.ts';
import { CONTACT, DEAL, caught, createTestServices, leadIn, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

describe('board.columns', () => {
  it('lists every stage in board order, empty ones with zero', () => {
    expect(t.board.columns()).toEqual(
      ['awareness', 'consideration', 'conversion', 'mql', 'sal', 'sql', 'won', 'lost'].map((stageKey) => ({ stageKey, count: 0, totals: [] })),
    );
  });

  it('counts and per-currency totals match a hand-built fixture; deleted leads are excluded', () => {
    // awareness: 3 anonymous leads, no money.
    for (let i = 0; i < 3; i++) t.leads.create({});
    // mql: 100 USD + 250 USD + 7 000 RUB + one without a value; a deleted 999 USD.
    t.leads.create({ ...CONTACT, dealValueMinor: 100_00 }, 'mql');
    t.leads.create({ ...CONTACT, dealValueMinor: 250_00 }, 'mql');
    t.leads.create({ ...CONTACT, dealValueMinor: 7_000_00, currency: 'RUB' }, 'mql');
    t.leads.create(CONTACT, 'mql');
    const gone = t.leads.create({ ...CONTACT, dealValueMinor: 999_00 }, 'mql');
    t.leads.delete(gone.id);
    // sql: 1 000 EUR and 2 000 000 RUB (kopecks) — sorted by amount, largest first.
    t.leads.create({ ...CONTACT, ...DEAL, dealValueMinor: 1_000_00, currency: 'EUR' }, 'sql');
    t.leads.create({ ...CONTACT, ...DEAL, dealValueMinor: 2_000_000_00, currency: 'RUB' }, 'sql');
    // won: a zero-value deal counts but adds no total; lost: one disqualified lead.
    leadIn(t, 'won', { ...CONTACT, ...DEAL, dealValueMinor: 0 });
    leadIn(t, 'lost', CONTACT);

    const columns = Object.fromEntries(t.board.columns().map((column) => [column.stageKey, column]));
    expect(columns.awareness).toEqual({ stageKey: 'awareness', count: 3, totals: [] });
    expect(columns.consideration).toEqual({ stageKey: 'consideration', count: 0, totals: [] });
    expect(columns.mql).toEqual({
      stageKey: 'mql',
      count: 4,
      totals: [
        { currency: 'RUB', amountMinor: 7_000_00 },
        { currency: 'USD', amountMinor: 350_00 },
      ],
    });
    expect(columns.sql).toEqual({
      stageKey: 'sql',
      count: 2,
      totals: [
        { currency: 'RUB', amountMinor: 2_000_000_00 },
        { currency: 'EUR', amountMinor: 1_000_00 },
      ],
    });
    expect(columns.won).toEqual({ stageKey: 'won', count: 1, totals: [] });
    expect(columns.lost).toEqual({ stageKey: 'lost', count: 1, totals: [] });
  });

  it('follows moves, deletes and restores', () => {
    const lead = t.leads.create({ ...CONTACT, dealValueMinor: 500 }, 'mql');
    t.leads.move({ leadId: lead.id, toStage: 'sal', beforeLeadId: null });
    const byKey = () => Object.fromEntries(t.board.columns().map((c) => [c.stageKey, c.count]));
    expect(byKey()).toMatchObject({ mql: 0, sal: 1 });
    t.leads.delete(lead.id);
    expect(byKey()).toMatchObject({ sal: 0 });
    t.leads.restore(lead.id);
    expect(t.board.columns().find((c) => c.stageKey === 'sal')).toEqual({ stageKey: 'sal', count: 1, totals: [{ currency: 'USD', amountMinor: 500 }] });
  });

  it('matches SQL sums over a seeded demo board', () => {
    t.demo.seed(300);
    const rows = t.db
      .prepare('SELECT stage_key AS k, count(*) AS n, coalesce(sum(deal_value_minor), 0) AS total FROM leads WHERE deleted_at IS NULL GROUP BY stage_key')
      .all() as { k: string; n: number; total: number }[];
    const columns = t.board.columns();
    expect(columns.reduce((sum, c) => sum + c.count, 0)).toBe(300);
    for (const row of rows) {
      const column = columns.find((c) => c.stageKey === row.k)!;
      expect(column.count).toBe(row.n);
      expect(column.totals.reduce((sum, total) => sum + total.amountMinor, 0)).toBe(row.total);
    }
  });
});

describe('board.cards', () => {
  function pageThrough(stageKey: string, limit: number): { pages: Lead[][]; lastNext: unknown } {
    const pages: Lead[][] = [];
    let after: { position: string; id: number } | null = null;
    let guard = 0;
    do {
      const page = t.board.cards(stageKey, after, limit);
      pages.push(page.cards);
      if (page.next) {
        const last = page.cards[page.cards.length - 1]!;
        expect(page.next).toEqual({ position: last.position, id: last.id });
        expect(page.cards).toHaveLength(limit);
      }
      after = page.next;
      if (++guard > 1000) throw new Error('paging never ends');
    } while (after);
    return { pages, lastNext: after };
  }

  it.each([
    [23, 5],
    [20, 5],
    [1, 1],
    [7, 500],
  ])('%i leads in pages of %i: every lead exactly once, in order, next null at the end', (total, limit) => {
    const ids = Array.from({ length: total }, () => t.leads.create(CONTACT, 'mql').id);
    t.leads.create(CONTACT, 'sal'); // another column is never mixed in
    // Shuffle the column a little so that board order is not id order.
    if (total > 1) t.leads.move({ leadId: ids[total - 1]!, toStage: 'mql', beforeLeadId: ids[0]! });
    const expected = total > 1 ? [ids[total - 1], ...ids.slice(0, -1)] : ids;
    const { pages, lastNext } = pageThrough('mql', limit);
    expect(pages.flat().map((card) => card.id)).toEqual(expected);
    expect(pages).toHaveLength(Math.max(1, Math.ceil(total / limit)));
    expect(lastNext).toBeNull();
  });

  it('an empty column gives no cards and no next page', () => {
    expect(t.board.cards('won', null, 50)).toEqual({ cards: [], next: null });
  });

  it('deleted leads never appear', () => {
    const ids = Array.from({ length: 6 }, () => t.leads.create({}).id);
    t.leads.delete(ids[0]!);
    t.leads.delete(ids[3]!);
    expect(pageThrough('awareness', 2).pages.flat().map((c) => c.id)).toEqual([ids[1], ids[2], ids[4], ids[5]]);
  });

  it('the keyset cursor survives the card it points at moving away between pages', () => {
    const ids = Array.from({ length: 6 }, () => t.leads.create({}).id);
    const first = t.board.cards('awareness', null, 3);
    t.leads.move({ leadId: ids[2]!, toStage: 'consideration', beforeLeadId: null }); // the cursor card leaves
    const second = t.board.cards('awareness', first.next, 3);
    expect(second.cards.map((c) => c.id)).toEqual(ids.slice(3));
    expect(second.next).toBeNull();
  });

  it('cards carry the owner name and the full lead', () => {
    t.demo.seed(1);
    const owner = t.catalog.members()[0]!;
    const lead = t.leads.create({ ...CONTACT, ownerId: owner.id, firstName: 'Павел' }, 'mql');
    const card = t.board.cards('mql', null, 500).cards.find((c) => c.id === lead.id)!;
    expect(card).toEqual(t.leads.get(lead.id).lead);
    expect(card.ownerName).toBe(owner.name);
  });

  it('an unknown stage is not_found', () => {
    expect(caught(() => t.board.cards('limbo', null, 10))).toMatchObject({ code: 'not_found', message: 'There is no stage "limbo".' });
  });
});

describe('the board through a filter', () => {
  const BANKS = { all: [{ field: 'industry' as const, op: 'is_any_of' as const, values: ['Banking'] }] };

  it('column counts and totals count only the matching leads', () => {
    t.leads.create({ ...CONTACT, companyName: 'Bluefin', industry: 'Banking', dealValueMinor: 100_00 }, 'mql');
    t.leads.create({ ...CONTACT, companyName: 'Bluefin', dealValueMinor: 50_00, currency: 'EUR' }, 'mql');
    t.leads.create({ ...CONTACT, companyName: 'Verde', industry: 'Retail', dealValueMinor: 999_00 }, 'mql');
    t.leads.create({ companyName: 'Bluefin' }, 'awareness');
    const columns = Object.fromEntries(t.board.columns(BANKS).map((c) => [c.stageKey, c]));
    expect(columns.mql).toEqual({
      stageKey: 'mql',
      count: 2,
      totals: [
        { currency: 'USD', amountMinor: 100_00 },
        { currency: 'EUR', amountMinor: 50_00 },
      ],
    });
    expect(columns.awareness).toEqual({ stageKey: 'awareness', count: 1, totals: [] });
    expect(t.board.columns({ all: [] })).toEqual(t.board.columns());
  });

  it('cards page through the matching leads only, in board order, with the same keyset cursor', () => {
    const ids = Array.from({ length: 12 }, (_, i) =>
      t.leads.create({ ...CONTACT, companyName: `Co ${i}`, industry: i % 3 === 0 ? 'Retail' : 'Banking' }, 'mql').id,
    );
    t.leads.move({ leadId: ids[11]!, toStage: 'mql', beforeLeadId: ids[0]! });
    const expected = [ids[11], ...ids.slice(0, 11)].filter((id) => ids.indexOf(id!) % 3 !== 0);
    const seen: number[] = [];
    let after: { position: string; id: number } | null = null;
    do {
      const page: CardPage = t.board.cards('mql', after, 3, BANKS);
      seen.push(...page.cards.map((c) => c.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(expected);
    expect(t.board.cards('mql', null, 50, { all: [], search: 'zzz' })).toEqual({ cards: [], next: null });
  });
});

describe('board.firstPages', () => {
  it('is board.cards first page of every stage, by stage key, filtered alike', () => {
    for (let i = 0; i < 3; i++) t.leads.create(CONTACT, 'mql');
    t.leads.create({ ...CONTACT, firstName: 'Zoya' }, 'sal');
    const stageKeys = t.catalog.stages().map((stage) => stage.key);

    const pages = t.board.firstPages(2);
    expect(Object.keys(pages)).toEqual(stageKeys);
    for (const stageKey of stageKeys) expect(pages[stageKey]).toEqual(t.board.cards(stageKey, null, 2));
    expect(pages.mql!.cards).toHaveLength(2);

    const filter = { all: [], search: 'Zoya' };
    const filtered = t.board.firstPages(2, filter);
    for (const stageKey of stageKeys) expect(filtered[stageKey]).toEqual(t.board.cards(stageKey, null, 2, filter));
    expect(filtered.sal!.cards.map((card) => card.firstName)).toEqual(['Zoya']);
  });
});
