import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services/index.ts';
import { DEFAULT_SCORE_RULES } from '../../../main/store/migrations/0007-views-and-scoring.ts';
import { DAY, T0, caught, createTestServices, type TestServices } from '../../support/services.ts';

let t: TestServices;
beforeEach(() => {
  t = createTestServices();
});
afterEach(() => t.close());

/** Fits every default rule but the ninety-day silence: 20+15+15+20+10+10+10+5+5. */
const IDEAL = {
  firstName: 'Ideal', email: 'ideal@bluefinbank.eu', phone: '+353 1 555 0100', seniority: 'director' as const,
  companyName: 'Bluefin Bank', companyDomain: 'bluefinbank.eu', industry: 'Banking', employeeCount: 850, monthlyAdSpendUsd: 45_000,
  technologies: ['HubSpot'], jobDepartments: ['Marketing'],
};

const score = (id: number) => t.leads.get(id).lead.score;

describe('the default rules', () => {
  it('are seeded in order, as transparent label + condition + points', () => {
    const rules = t.scoring.rules();
    expect(rules.map(({ label, condition, points }) => ({ label, condition, points }))).toEqual(DEFAULT_SCORE_RULES);
    expect(rules.map((r) => r.label)).toContain('Uses HubSpot or Salesforce');
  });

  it('score a lead as the sum of the points of the rules it matches', () => {
    expect(t.leads.create(IDEAL).score).toBe(110);
    // Anonymous, fresh: only recent activity counts.
    expect(t.leads.create({}).score).toBe(10);
    expect(t.leads.create({ email: 'x@example.com', companyName: 'Tiny', employeeCount: 5, seniority: 'entry' }).score).toBe(15);
  });
});

describe('breakdown', () => {
  it('lists every rule with its points and whether it matches; matched points sum to the stored score', () => {
    const lead = t.leads.create({ ...IDEAL, seniority: 'manager', phone: null });
    const breakdown = t.scoring.breakdown(lead.id);
    expect(breakdown.parts).toHaveLength(DEFAULT_SCORE_RULES.length);
    expect(breakdown.parts.filter((p) => !p.matched).map((p) => p.label)).toEqual([
      'Decision maker: director, VP or C-level', 'Has a phone number', 'No activity in 90 days',
    ]);
    const sum = breakdown.parts.filter((p) => p.matched).reduce((total, part) => total + part.points, 0);
    expect(sum).toBe(85);
    expect(breakdown.total).toBe(sum);
    expect(score(lead.id)).toBe(sum);
  });

  it('brings a drifted score up to date first, so the parts always add up to what the table shows', () => {
    const lead = t.leads.create(IDEAL);
    t.clock.advance(100 * DAY);
    expect(score(lead.id)).toBe(110); // stale until something rescores it
    const breakdown = t.scoring.breakdown(lead.id);
    expect(breakdown.total).toBe(90);
    expect(score(lead.id)).toBe(90);
  });

  it('an unknown lead is not_found', () => {
    expect(caught(() => t.scoring.breakdown(404)).code).toBe('not_found');
  });
});

describe('rescoring', () => {
  it('follows a change of the lead, of its tags and of its activity', () => {
    t.scoring.save([
      { label: 'Senior', condition: { field: 'seniority', op: 'is_any_of', values: ['vp', 'c_level'] }, points: 20 },
      { label: 'Tagged hot', condition: { field: 'tags', op: 'has_any_of', values: ['hot'] }, points: 7 },
      { label: 'Active this week', condition: { field: 'lastActivityAt', op: 'within_last_days', value: 7 }, points: 3 },
    ]);
    const lead = t.leads.create({ firstName: 'Ann' });
    expect(score(lead.id)).toBe(3);
    t.leads.update(lead.id, { seniority: 'vp' });
    expect(score(lead.id)).toBe(23);
    t.leads.update(lead.id, { tags: ['hot'] });
    expect(score(lead.id)).toBe(30);
    t.clock.advance(10 * DAY);
    t.leads.update(lead.id, { firstName: 'Anna' });
    expect(score(lead.id)).toBe(27);
    t.leads.addNote(lead.id, 'Called back.');
    expect(score(lead.id)).toBe(30);
    t.clock.advance(10 * DAY);
    // A reorder in the column is no activity and changes no field a rule reads: nothing is rescored
    // (the drift of time-based rules is caught by the next change, or by the rescore on open).
    t.leads.create({ firstName: 'Below' });
    t.leads.move({ leadId: lead.id, toStage: 'awareness', beforeLeadId: null });
    expect(score(lead.id)).toBe(30);
    t.leads.move({ leadId: lead.id, toStage: 'consideration', beforeLeadId: null });
    expect(score(lead.id)).toBe(30);
    // A reorder with an edit (the move form's data) is rescored.
    t.leads.move({ leadId: lead.id, toStage: 'consideration', beforeLeadId: null, patch: { seniority: 'c_level' } });
    expect(score(lead.id)).toBe(30);
    t.leads.move({ leadId: lead.id, toStage: 'consideration', beforeLeadId: null, patch: { seniority: 'manager' } });
    expect(score(lead.id)).toBe(10);
  });

  it('follows a change of the company: every lead of it is rescored', () => {
    t.scoring.save([{ label: 'HubSpot', condition: { field: 'technologies', op: 'has_any_of', values: ['HubSpot'] }, points: 15 }]);
    const a = t.leads.create({ companyName: 'Acme', companyDomain: 'acme.com' });
    const b = t.leads.create({ companyDomain: 'acme.com' });
    const elsewhere = t.leads.create({ companyDomain: 'other.com', companyName: 'Other' });
    t.leads.update(a.id, { technologies: ['HubSpot'] });
    expect([score(a.id), score(b.id), score(elsewhere.id)]).toEqual([15, 15, 0]);
  });

  it('saving rules replaces them all and rescores every lead, deleted ones included', () => {
    const a = t.leads.create(IDEAL);
    const b = t.leads.create({});
    t.leads.delete(b.id);
    const oldIds = t.scoring.rules().map((r) => r.id);
    const saved = t.scoring.save([{ label: 'Anyone', condition: { field: 'stageKey', op: 'is_not_empty' }, points: 1 }]);
    expect(saved).toEqual([{ id: expect.any(Number), label: 'Anyone', condition: { field: 'stageKey', op: 'is_not_empty' }, points: 1 }]);
    expect(oldIds).not.toContain(saved[0]!.id);
    expect([score(a.id), score(b.id)]).toEqual([1, 1]);
    t.scoring.save([]);
    expect([score(a.id), score(b.id)]).toEqual([0, 0]);
  });

  it('opening the app rescores every lead: time-based rules drift while it is closed', async () => {
    const lead = t.leads.create(IDEAL);
    const later = T0 + 100 * DAY;
    createServices(t.db, { dbPath: ':memory:', version: 'test', now: () => later, rescoreOnOpen: false });
    expect(score(lead.id)).toBe(110);
    await createServices(t.db, { dbPath: ':memory:', version: 'test', now: () => later }).rescoredOnOpen;
    expect(score(lead.id)).toBe(90);
  });

  it('the open-time rescore works in slices of ids and reaches every lead', async () => {
    const ids = Array.from({ length: 7 }, () => t.leads.create(IDEAL).id);
    const later = T0 + 100 * DAY;
    const services = createServices(t.db, { dbPath: ':memory:', version: 'test', now: () => later, rescoreOnOpen: false });
    await expect(services.scoring.rescoreAllInSlices(3)).resolves.toBe(7);
    expect(ids.map(score)).toEqual(ids.map(() => 90));
  });

  it('the current member matters when a rule says "owner is me"', () => {
    const olga = t.team.add({ name: 'Olga', email: null, role: 'sdr' }).id;
    const james = t.team.add({ name: 'James', email: null, role: 'sdr' }).id;
    t.scoring.save([{ label: 'Mine', condition: { field: 'ownerId', op: 'is_any_of', values: ['me'] }, points: 50 }]);
    const lead = t.leads.create({ ownerId: olga });
    expect(score(lead.id)).toBe(0);
    t.team.setCurrentMember(olga);
    expect(score(lead.id)).toBe(50);
    t.team.setCurrentMember(james);
    expect(score(lead.id)).toBe(0);
  });
});
