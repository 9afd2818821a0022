import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadFilter } from '../../../shared/domain/filter.ts';
import { CONTACT, DAY, T0, caught, createTestServices, leadIn, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

const counts = async () => Object.fromEntries((await t.views.list()).map((view) => [view.name, view.count]));
const BANKS: LeadFilter = { all: [{ field: 'industry', op: 'is_any_of', values: ['Banking'] }] };
const COLUMNS = [{ key: 'name' as const, width: 240 }, { key: 'score' as const, width: null }];

describe('default views', () => {
  it('count my open leads, MQLs waiting and stale open leads', async () => {
    const me = t.team.add({ name: 'Olga', email: null, role: 'sdr' }).id;
    const james = t.team.add({ name: 'James', email: null, role: 'sdr' }).id;
    t.team.setCurrentMember(me);
    t.clock.set(T0 - 30 * DAY);
    const staleMine = t.leads.create({ ...CONTACT, ownerId: me }, 'mql');
    t.leads.create({ ...CONTACT, ownerId: james }, 'sal');
    t.clock.set(T0);
    t.leads.create({ ownerId: me });
    leadIn(t, 'won', { ...CONTACT, ownerId: me, dealValueMinor: 1, expectedCloseOn: '2026-05-01', urgency: 'low' });
    t.leads.create(CONTACT, 'mql');
    // An open lead with no recorded activity at all is stale too.
    const silent = t.leads.create({});
    t.db.prepare('UPDATE leads SET last_activity_at = NULL WHERE id = ?').run(silent.id);

    expect(await counts()).toEqual({
      'My open leads': 2,
      'MQLs waiting for sales acceptance': 2,
      'Stale: no activity in 14 days': 3,
    });
    t.leads.addNote(staleMine.id, 'Back in touch.');
    expect((await counts())['Stale: no activity in 14 days']).toBe(2);
  });

  it('carry their columns and sort', async () => {
    const mine = (await t.views.list())[0]!;
    expect(mine.sort).toEqual([{ field: 'score', dir: 'desc' }]);
    expect(mine.columns.map((c) => c.key)).toContain('name');
    expect(mine.position).toBe(0);
  });
});

describe('save and delete', () => {
  it('creates a view at the end with its filter, columns and sort, and counts it', async () => {
    t.leads.create({ companyName: 'Bluefin', industry: 'Banking' });
    const saved = t.views.save({ name: 'Banks', filter: BANKS, columns: COLUMNS, sort: [{ field: 'name', dir: 'asc' }] });
    expect(saved).toEqual({ id: expect.any(Number), name: 'Banks', filter: BANKS, columns: COLUMNS, sort: [{ field: 'name', dir: 'asc' }], position: 3 });
    expect((await t.views.list()).at(-1)).toEqual({ ...saved, count: 1 });
  });

  it('with an id renames and updates the view in place', async () => {
    const saved = t.views.save({ name: 'Banks', filter: BANKS, columns: COLUMNS, sort: [] });
    const search: LeadFilter = { ...BANKS, search: 'петр' };
    const updated = t.views.save({ id: saved.id, name: 'Банки', filter: search, columns: COLUMNS.slice(0, 1), sort: [{ field: 'score', dir: 'desc' }] });
    expect(updated).toEqual({ id: saved.id, name: 'Банки', filter: search, columns: COLUMNS.slice(0, 1), sort: [{ field: 'score', dir: 'desc' }], position: 3 });
    expect(await t.views.list()).toHaveLength(4);
  });

  it('names are unique regardless of case, Cyrillic included; renaming to its own name is fine', () => {
    const saved = t.views.save({ name: 'Горячие', filter: BANKS, columns: COLUMNS, sort: [] });
    expect(caught(() => t.views.save({ name: 'ГОРЯЧИЕ', filter: BANKS, columns: COLUMNS, sort: [] }))).toMatchObject({
      code: 'conflict',
      message: 'There is already a view named "ГОРЯЧИЕ".',
    });
    expect(caught(() => t.views.save({ name: 'my open LEADS', filter: BANKS, columns: COLUMNS, sort: [] })).code).toBe('conflict');
    expect(t.views.save({ id: saved.id, name: 'горячие', filter: BANKS, columns: COLUMNS, sort: [] }).name).toBe('горячие');
  });

  it('deletes; unknown ids are not_found', async () => {
    const saved = t.views.save({ name: 'Banks', filter: BANKS, columns: COLUMNS, sort: [] });
    expect(t.views.remove(saved.id)).toEqual({ id: saved.id });
    expect(caught(() => t.views.remove(saved.id))).toMatchObject({ code: 'not_found', message: `View ${saved.id} does not exist.` });
    expect(caught(() => t.views.save({ id: 999, name: 'X', filter: BANKS, columns: COLUMNS, sort: [] })).code).toBe('not_found');
    expect((await t.views.list()).map((v) => v.name)).toEqual(['My open leads', 'MQLs waiting for sales acceptance', 'Stale: no activity in 14 days']);
  });
});
