import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_LEAD_FIELDS } from '../../../shared/domain/lead.ts';
import { openDatabase } from '../../../main/store/open-database.ts';
import { createLeadRepository } from '../../../main/store/repositories/lead-repository.ts';
import { createHistoryRepository } from '../../../main/store/repositories/history-repository.ts';
import { createCatalogRepository } from '../../../main/store/repositories/catalog-repository.ts';
import { createTeamRepository } from '../../../main/store/repositories/team-repository.ts';
import { rawLead } from '../../support/services.ts';

let db: Database;
let leads: ReturnType<typeof createLeadRepository>;
let history: ReturnType<typeof createHistoryRepository>;
let catalog: ReturnType<typeof createCatalogRepository>;
let team: ReturnType<typeof createTeamRepository>;

beforeEach(() => {
  db = openDatabase(':memory:');
  leads = createLeadRepository(db);
  history = createHistoryRepository(db);
  catalog = createCatalogRepository(db);
  team = createTeamRepository(db);
});
afterEach(() => db.close());

describe('lead repository', () => {
  it('insert/get round-trips every field; stageEnteredAt may lie in the past', () => {
    const fields = {
      ...EMPTY_LEAD_FIELDS,
      firstName: 'Екатерина',
      lastName: "O'Brien",
      email: 'e@x.ru',
      phone: '+7 900',
      roleTitle: 'CFO',
      roleStartedOn: '2024-01-31',
      companyName: 'ООО «Ромашка»',
      companyDomain: 'romashka.ru',
      industry: 'Retail',
      employeeCount: 0,
      source: 'Referral',
      dealValueMinor: Number.MAX_SAFE_INTEGER,
      currency: 'RUB',
      expectedCloseOn: '2026-12-31',
      urgency: 'medium' as const,
    };
    const id = leads.insert(fields, { stageKey: 'sql', position: 'a0' }, 2_000, 1_000);
    expect(leads.get(id)).toEqual({
      ...fields,
      id,
      stageKey: 'sql',
      position: 'a0',
      stageEnteredAt: 1_000,
      createdAt: 2_000,
      updatedAt: 2_000,
      deletedAt: null,
      ownerName: null,
    });
    expect(leads.get(id + 1)).toBeUndefined();
  });

  it('place restarts stage_entered_at only when the column changes', () => {
    const id = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'awareness', position: 'a0' }, 100);
    leads.place(id, { stageKey: 'awareness', position: 'a1' }, 200);
    expect(rawLead(db, id)).toMatchObject({ position: 'a1', stage_entered_at: 100, updated_at: 200 });
    leads.place(id, { stageKey: 'consideration', position: 'a0' }, 300);
    expect(rawLead(db, id)).toMatchObject({ stage_key: 'consideration', stage_entered_at: 300, updated_at: 300 });
  });

  it('lastPosition and positionBelow ignore the moving lead and deleted leads', () => {
    const a = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'mql', position: 'a0' }, 1);
    const b = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'mql', position: 'a1' }, 1);
    const c = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'mql', position: 'a2' }, 1);
    expect(leads.lastPosition('mql', 0)).toBe('a2');
    expect(leads.lastPosition('mql', c)).toBe('a1');
    expect(leads.lastPosition('sal', 0)).toBeNull();
    expect(leads.positionBelow('mql', 'a2', 0)).toBe('a1');
    expect(leads.positionBelow('mql', 'a2', b)).toBe('a0');
    expect(leads.positionBelow('mql', 'a0', 0)).toBeNull();
    leads.setDeleted(c, 5, 5);
    expect(leads.lastPosition('mql', 0)).toBe('a1');
    expect(leads.positionTaken('mql', 'a2', 0)).toBe(false);
    expect(leads.positionTaken('mql', 'a0', 0)).toBe(true);
    expect(leads.positionTaken('mql', 'a0', a)).toBe(false);
  });

  it('pages a column by (position, id) with a keyset cursor, skipping deleted rows', () => {
    const ids = ['a2', 'a0', 'a1', 'a1'].map((position) => leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'sal', position }, 1));
    // Board order: a0, a1 (lower id first), a1, a2.
    const order = [ids[1], ids[2], ids[3], ids[0]];
    expect(leads.page('sal', null, 10).map((l) => l.id)).toEqual(order);
    expect(leads.page('sal', { position: 'a1', id: ids[2]! }, 10).map((l) => l.id)).toEqual([ids[3], ids[0]]);
    expect(leads.page('sal', null, 2).map((l) => l.id)).toEqual(order.slice(0, 2));
    leads.setDeleted(ids[3]!, 9, 9);
    expect(leads.page('sal', null, 10).map((l) => l.id)).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('totals group live leads by stage and currency; liveCount skips deleted', () => {
    leads.insert({ ...EMPTY_LEAD_FIELDS, dealValueMinor: 5 }, { stageKey: 'mql', position: 'a0' }, 1);
    leads.insert({ ...EMPTY_LEAD_FIELDS, dealValueMinor: 7 }, { stageKey: 'mql', position: 'a1' }, 1);
    leads.insert({ ...EMPTY_LEAD_FIELDS, currency: 'RUB' }, { stageKey: 'mql', position: 'a2' }, 1);
    const gone = leads.insert({ ...EMPTY_LEAD_FIELDS, dealValueMinor: 100 }, { stageKey: 'mql', position: 'a3' }, 1);
    leads.setDeleted(gone, 2, 2);
    expect(leads.totals().sort((x, y) => x.currency.localeCompare(y.currency))).toEqual([
      { stageKey: 'mql', currency: 'RUB', count: 1, amountMinor: 0 },
      { stageKey: 'mql', currency: 'USD', count: 2, amountMinor: 12 },
    ]);
    expect(leads.liveCount()).toBe(3);
  });

  it('updateFields rewrites the fields and updated_at only', () => {
    const id = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'awareness', position: 'a0' }, 1);
    leads.updateFields(id, { ...EMPTY_LEAD_FIELDS, firstName: 'Ada', currency: 'EUR' }, 50);
    expect(rawLead(db, id)).toMatchObject({ first_name: 'Ada', currency: 'EUR', updated_at: 50, created_at: 1, stage_entered_at: 1, position: 'a0' });
  });
});

describe('history repository', () => {
  it('orders transitions newest first; ties on time break by id', () => {
    const lead = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'awareness', position: 'a0' }, 1);
    const base = { leadId: lead, byMemberId: null, reason: null, undoesTransitionId: null };
    const t1 = history.addTransition({ ...base, fromStage: null, toStage: 'awareness', at: 10 });
    const t2 = history.addTransition({ ...base, fromStage: 'awareness', toStage: 'consideration', at: 20 });
    const t3 = history.addTransition({ ...base, fromStage: 'consideration', toStage: 'conversion', at: 20 });
    expect(history.transitionsOf(lead).map((t) => t.id)).toEqual([t3, t2, t1]);
    expect(history.latestTransitionId(lead)).toBe(t3);
    expect(history.latestTransitionId(lead + 1)).toBeNull();
    expect(history.transition(t1)).toEqual({ id: t1, leadId: lead, fromStage: null, toStage: 'awareness', at: 10, byMemberId: null, byName: null, reason: null, undoesTransitionId: null });
  });

  it('joins the member name and keeps history when a member is removed', () => {
    const member = team.addMember({ name: 'Анна Кузнецова', email: null, role: 'sdr' }, 1);
    const lead = leads.insert({ ...EMPTY_LEAD_FIELDS, ownerId: member }, { stageKey: 'awareness', position: 'a0' }, 1);
    const note = history.addActivity({ leadId: lead, type: 'call', at: 5, body: 'Позвонила', byMemberId: member });
    expect(history.activity(note)).toMatchObject({ type: 'call', byName: 'Анна Кузнецова' });
    db.prepare('DELETE FROM team_members WHERE id = ?').run(member);
    expect(history.activity(note)).toMatchObject({ byMemberId: null, byName: null, body: 'Позвонила' });
    expect(leads.get(lead)!.ownerId).toBeNull();
  });

  it('refuses a transition of an unknown lead or into an unknown stage (foreign keys)', () => {
    const lead = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'awareness', position: 'a0' }, 1);
    const base = { byMemberId: null, reason: null, undoesTransitionId: null, fromStage: null, at: 1 };
    expect(() => history.addTransition({ ...base, leadId: lead + 100, toStage: 'awareness' })).toThrow(/FOREIGN KEY/);
    expect(() => history.addTransition({ ...base, leadId: lead, toStage: 'limbo' })).toThrow(/FOREIGN KEY/);
  });
});

describe('catalog repository', () => {
  it('finds a reason by label regardless of case, returning the list spelling', () => {
    expect(catalog.reasonByLabel('lost', 'price')?.label).toBe('Price');
    expect(catalog.reasonByLabel('lost', 'NO BUDGET')?.label).toBe('No budget');
    expect(catalog.reasonByLabel('recycled', 'Price')).toBeUndefined();
  });

  it('case-insensitive matching works for Cyrillic labels too', () => {
    const added = catalog.addReason('lost', 'Выбрали конкурента');
    expect(catalog.reasonByLabel('lost', 'выбрали КОНКУРЕНТА')).toEqual(added);
    expect(catalog.reasonByLabel('lost', 'Выбрали конкурента')).toEqual(added);
  });

  it('addReason appends at the end of its kind; removeReason says whether it removed', () => {
    const added = catalog.addReason('disqualified', 'Competitor');
    expect(added.position).toBe(6);
    expect(catalog.removeReason(added.id)).toBe(true);
    expect(catalog.removeReason(added.id)).toBe(false);
    expect(catalog.reason(added.id)).toBeUndefined();
  });
});

describe('team repository', () => {
  it('stores members and the current member setting', () => {
    expect(team.currentMemberId()).toBeNull();
    const id = team.addMember({ name: 'Priya Nair', email: 'priya@example.com', role: 'marketing' }, 1);
    team.setCurrentMemberId(id);
    expect(team.currentMemberId()).toBe(id);
    const other = team.addMember({ name: 'James', email: null, role: 'sdr' }, 1);
    team.setCurrentMemberId(other);
    expect(team.currentMemberId()).toBe(other);
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'current_member_id'").get()).toEqual({ n: 1 });
    expect(team.members().map((m) => m.name)).toEqual(['James', 'Priya Nair']);
  });
});
