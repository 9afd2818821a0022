import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_LEAD_FIELDS } from '../../../shared/domain/lead.ts';
import { openDatabase } from '../../../main/store/open-database.ts';
import { createLeadRepository } from '../../../main/store/repositories/lead-repository.ts';
import { createHistoryRepository } from '../../../main/store/repositories/history-repository.ts';
import { createCatalogRepository } from '../../../main/store/repositories/catalog-repository.ts';
import { createTeamRepository } from '../../../main/store/repositories/team-repository.ts';
import { createCompanyRepository } from '../../../main/store/repositories/company-repository.ts';
import { createViewRepository } from '../../../main/store/repositories/view-repository.ts';
import { rawLead } from '../../support/services.ts';

let db: Database;
let leads: ReturnType<typeof createLeadRepository>;
let history: ReturnType<typeof createHistoryRepository>;
let catalog: ReturnType<typeof createCatalogRepository>;
let team: ReturnType<typeof createTeamRepository>;
let companies: ReturnType<typeof createCompanyRepository>;

beforeEach(() => {
  db = openDatabase(':memory:');
  leads = createLeadRepository(db);
  history = createHistoryRepository(db);
  catalog = createCatalogRepository(db);
  team = createTeamRepository(db);
  companies = createCompanyRepository(db);
});
afterEach(() => db.close());

describe('lead repository', () => {
  it('insert/get round-trips every field, company fields through its company; stageEnteredAt may lie in the past', () => {
    const companyFields = {
      companyName: 'ООО «Ромашка»',
      companyDomain: 'romashka.ru',
      industry: 'Retail',
      employeeCount: 0,
      monthlyAdSpendUsd: 12_000,
      adChannels: ['Yandex Direct', 'VK Ads'],
      technologies: ['1C'],
      openJobPostings: 3,
      jobDepartments: ['Marketing'],
      country: 'Russia',
      city: 'Москва',
      website: 'https://romashka.ru',
    };
    const companyId = companies.insert({ ...EMPTY_LEAD_FIELDS, ...companyFields }, 1_000);
    const fields = {
      ...EMPTY_LEAD_FIELDS,
      ...companyFields,
      firstName: 'Екатерина',
      lastName: "O'Brien",
      email: 'e@x.ru',
      phone: '+7 900',
      roleTitle: 'CFO',
      roleStartedOn: '2024-01-31',
      seniority: 'c_level' as const,
      department: 'Финансы',
      persona: 'Economic buyer',
      source: 'Referral',
      dealValueMinor: Number.MAX_SAFE_INTEGER,
      currency: 'RUB',
      expectedCloseOn: '2026-12-31',
      urgency: 'medium' as const,
    };
    const id = leads.insert({ ...fields, companyId }, { stageKey: 'sql', position: 'a0' }, 2_000, 1_000);
    leads.setTags(id, ['vip', 'Горячий']);
    expect(leads.get(id)).toEqual({
      ...fields,
      // Sets come back sorted.
      adChannels: ['VK Ads', 'Yandex Direct'],
      tags: ['vip', 'Горячий'],
      id,
      companyId,
      score: 0,
      lastActivityAt: null,
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

  it('a lead without a company reads empty company fields and empty sets', () => {
    const id = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'awareness', position: 'a0' }, 1);
    expect(leads.get(id)).toMatchObject({ companyId: null, companyName: null, industry: null, technologies: [], adChannels: [], jobDepartments: [], tags: [] });
  });

  it('tags: setTags makes the set exact, changeTags adds and removes and stamps updated_at only on a change', () => {
    const id = leads.insert(EMPTY_LEAD_FIELDS, { stageKey: 'awareness', position: 'a0' }, 1);
    expect(leads.setTags(id, ['b', 'a'])).toBe(true);
    expect(leads.setTags(id, ['a', 'b'])).toBe(false);
    expect(leads.tags(id)).toEqual(['a', 'b']);
    expect(leads.changeTags(id, ['c', 'a'], ['b', 'zzz'], 50)).toBe(true);
    expect(leads.tags(id)).toEqual(['a', 'c']);
    expect(rawLead(db, id).updated_at).toBe(50);
    expect(leads.changeTags(id, ['a'], ['b'], 60)).toBe(false);
    expect(rawLead(db, id).updated_at).toBe(50);
  });

  it('assign says whether the owner changed; briefs read many leads at once', () => {
    const member = team.addMember({ name: 'Olga', email: null, role: 'sdr' }, 1);
    const id = leads.insert({ ...EMPTY_LEAD_FIELDS, firstName: 'Ann' }, { stageKey: 'mql', position: 'a0' }, 1);
    expect(leads.assign(id, member, 5)).toBe(true);
    expect(leads.assign(id, member, 6)).toBe(false);
    expect(rawLead(db, id)).toMatchObject({ owner_id: member, updated_at: 5 });
    expect(leads.briefs([id, 999])).toEqual([{ id, firstName: 'Ann', lastName: null, email: null, stageKey: 'mql', position: 'a0', deletedAt: null }]);
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
    leads.updateFields(id, { ...EMPTY_LEAD_FIELDS, firstName: 'Ada', currency: 'EUR', companyId: null }, 50);
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

describe('company repository', () => {
  const bluefin = {
    ...EMPTY_LEAD_FIELDS,
    companyName: 'Bluefin Bank',
    companyDomain: 'bluefinbank.eu',
    industry: 'Banking',
    technologies: ['HubSpot', 'Zendesk'],
    adChannels: ['Google Ads'],
    jobDepartments: ['Marketing'],
  };

  it('inserts, reads back and finds by domain or exact name', () => {
    const id = companies.insert(bluefin, 7);
    expect(companies.get(id)).toMatchObject({ id, companyName: 'Bluefin Bank', technologies: ['HubSpot', 'Zendesk'], adChannels: ['Google Ads'], jobDepartments: ['Marketing'] });
    expect(companies.findByDomain('bluefinbank.eu')).toBe(id);
    expect(companies.findByDomain('bluefin.eu')).toBeNull();
    expect(companies.findByName('Bluefin Bank')).toBe(id);
    expect(companies.findByName('bluefin bank')).toBeNull();
    expect(() => companies.insert(bluefin, 8)).toThrow(/UNIQUE/);
  });

  it('update writes only a real change, lists included', () => {
    const id = companies.insert(bluefin, 7);
    expect(companies.update(id, { ...bluefin, technologies: ['Zendesk', 'HubSpot'] }, 9)).toBe(false);
    expect(db.prepare('SELECT updated_at FROM companies WHERE id = ?').pluck().get(id)).toBe(7);
    expect(companies.update(id, { ...bluefin, technologies: ['Salesforce'], city: 'Dublin' }, 9)).toBe(true);
    expect(companies.get(id)).toMatchObject({ technologies: ['Salesforce'], adChannels: ['Google Ads'], city: 'Dublin' });
    expect(companies.update(999, bluefin, 9)).toBe(false);
  });

  it('deleteIfOrphan keeps a company any lead (deleted ones too) still points at', () => {
    const id = companies.insert(bluefin, 7);
    const lead = leads.insert({ ...EMPTY_LEAD_FIELDS, companyId: id }, { stageKey: 'awareness', position: 'a0' }, 1);
    leads.setDeleted(lead, 2, 2);
    expect(companies.deleteIfOrphan(id)).toBe(false);
    db.prepare('UPDATE leads SET company_id = NULL').run();
    expect(companies.deleteIfOrphan(id)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM company_attributes').pluck().get()).toBe(0);
  });
});

describe('view repository', () => {
  it('lists the seeded views, inserts at the end, updates and removes', () => {
    const views = createViewRepository(db);
    expect(views.list().map((v) => v.position)).toEqual([0, 1, 2]);
    const draft = { name: 'Banks', filter: { all: [{ field: 'industry' as const, op: 'is_any_of' as const, values: ['Banking'] }] }, columns: [{ key: 'name' as const, width: 200 }], sort: [] };
    const id = views.insert(draft);
    expect(views.get(id)).toEqual({ id, position: 3, ...draft });
    expect(views.update(id, { ...draft, name: 'Банки' })).toBe(true);
    expect(views.get(id)!.name).toBe('Банки');
    expect(views.remove(id)).toBe(true);
    expect(views.remove(id)).toBe(false);
    expect(views.update(id, draft)).toBe(false);
  });
});
