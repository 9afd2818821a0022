import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasContactInfo, hasDealInfo, type Lead } from '../../../shared/domain/lead.ts';
import { EXAMPLE_PROSPECT_FILTER } from '../../../shared/domain/filter.ts';
import type { StageTransition } from '../../../shared/domain/history.ts';
import type { Stage } from '../../../shared/domain/stage.ts';
import { reasonKindForMove, unmetRequirements, unmetStageNeeds } from '../../../shared/domain/stage-rules.ts';
import { leadFieldsSchema } from '../../../shared/ipc/schemas.ts';
import { REASON_KINDS } from '../../../shared/domain/reasons.ts';
import { generateDemoLead } from '../../../main/demo/demo-leads.ts';
import { createRandom } from '../../../main/demo/random.ts';
import { TEAM } from '../../../main/demo/vocabulary.ts';
import { DAY, T0, caught, columnIds, countRows, createTestServices, type TestServices } from '../../support/services.ts';

const YEAR_AGO = T0 - 365 * DAY;
const MARKETING = new Set(['awareness', 'consideration', 'conversion']);
const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /^[A-Za-z\u00C0-\u024F' -]+$/;

let t: TestServices;
let stages: Map<string, Stage>;
let leads: Lead[];
let chains: Map<number, StageTransition[]>;

beforeAll(() => {
  t = createTestServices({ now: T0 });
  expect(t.demo.seed(300)).toEqual({ leads: 300, members: TEAM.length });
  stages = new Map(t.catalog.stages().map((stage) => [stage.key, stage]));
  leads = [...stages.keys()].flatMap((key) => columnIds(t, key)).map((id) => t.leads.get(id).lead);
  chains = new Map(leads.map((lead) => [lead.id, t.leads.get(lead.id).transitions.reverse()]));
});
afterAll(() => t.close());

describe('seed(300) with a fixed clock', () => {
  it('adds 300 live leads and the demo team, with a current member', () => {
    expect(leads).toHaveLength(300);
    expect(countRows(t.db, 'leads')).toBe(300);
    expect(t.catalog.members().map((m) => m.name).sort()).toEqual(TEAM.map((m) => m.name).sort());
    expect(t.catalog.info().currentMemberId).not.toBeNull();
  });

  it('every lead in a sales stage has contact info', () => {
    const inSales = leads.filter((lead) => stages.get(lead.stageKey)!.funnel === 'sales');
    expect(inSales.length).toBeGreaterThan(50);
    for (const lead of inSales) expect(hasContactInfo(lead), `lead ${lead.id} in ${lead.stageKey}`).toBe(true);
  });

  it('every lead in SQL or Closed-won has deal value, close date and urgency', () => {
    const deals = leads.filter((lead) => lead.stageKey === 'sql' || lead.stageKey === 'won');
    expect(deals.length).toBeGreaterThan(5);
    for (const lead of deals) expect(hasDealInfo(lead), `lead ${lead.id}`).toBe(true);
  });

  it('every lead meets the needs of its stage, and every step of its history was an allowed move', () => {
    for (const lead of leads) {
      expect(unmetStageNeeds(lead, stages.get(lead.stageKey)!), `lead ${lead.id}`).toEqual([]);
      for (const step of chains.get(lead.id)!.slice(1)) {
        const unmet = unmetRequirements(lead, stages.get(step.fromStage!)!, stages.get(step.toStage)!, step.reason);
        expect(unmet, `lead ${lead.id}: ${step.fromStage} → ${step.toStage}`).toEqual([]);
      }
    }
  });

  it('every history starts with fromStage null and chains each fromStage to the previous toStage', () => {
    for (const lead of leads) {
      const chain = chains.get(lead.id)!;
      expect(chain.length).toBeGreaterThan(0);
      expect(chain[0]!.fromStage).toBeNull();
      expect(['awareness', 'mql']).toContain(chain[0]!.toStage);
      for (let i = 1; i < chain.length; i++) {
        expect(chain[i]!.fromStage, `lead ${lead.id} step ${i}`).toBe(chain[i - 1]!.toStage);
        expect(chain[i]!.fromStage).not.toBe(chain[i]!.toStage);
        expect(chain[i]!.at).toBeGreaterThan(chain[i - 1]!.at);
      }
    }
  });

  it("a lead's stage is its last transition's toStage, and stage_entered_at that transition's time", () => {
    for (const lead of leads) {
      const chain = chains.get(lead.id)!;
      const last = chain[chain.length - 1]!;
      expect(lead.stageKey, `lead ${lead.id}`).toBe(last.toStage);
      expect(lead.stageEnteredAt, `lead ${lead.id}`).toBe(last.at);
      expect(lead.createdAt).toBe(chain[0]!.at);
    }
  });

  it('every reason into Closed-lost or back to marketing is in the reasons table of the right kind; other moves have none', () => {
    const listed = new Map(REASON_KINDS.map((kind) => [kind, new Set(t.catalog.reasons().filter((r) => r.kind === kind).map((r) => r.label))]));
    const seen = new Set<string>();
    for (const chain of chains.values()) {
      for (const step of chain.slice(1)) {
        const kind = reasonKindForMove(stages.get(step.fromStage!)!, stages.get(step.toStage)!);
        if (step.toStage === 'lost' || (step.fromStage === 'lost' && MARKETING.has(step.toStage))) {
          expect(kind).not.toBeNull();
          expect(listed.get(kind!)!.has(step.reason!), `"${step.reason}" as ${kind}`).toBe(true);
          seen.add(kind!);
        } else {
          expect(kind).toBeNull();
          expect(step.reason).toBeNull();
        }
      }
      expect(chain[0]!.reason).toBeNull();
    }
    // 300 leads are enough to see all three kinds.
    expect([...seen].sort()).toEqual(['disqualified', 'lost', 'recycled']);
  });

  it('both Latin and Cyrillic names occur', () => {
    const named = leads.filter((lead) => lead.firstName !== null);
    const cyrillic = named.filter((lead) => CYRILLIC.test(`${lead.firstName}${lead.lastName}`));
    const latin = named.filter((lead) => LATIN.test(`${lead.firstName} ${lead.lastName}`));
    expect(cyrillic.length).toBeGreaterThan(20);
    expect(latin.length).toBeGreaterThan(20);
    expect(cyrillic.length + latin.length).toBe(named.length);
    // Russian surnames agree with the first name: female first names take the "-а" form.
    const female = new Set(['Анна', 'Ольга', 'Екатерина', 'Мария', 'Наталья', 'Татьяна', 'Ирина', 'Светлана']);
    for (const lead of cyrillic) expect(lead.lastName!.endsWith('а')).toBe(female.has(lead.firstName!));
  });

  it('some leads are anonymous, and only ever in marketing stages', () => {
    const anonymous = leads.filter((lead) => lead.firstName === null && lead.lastName === null && !hasContactInfo(lead));
    expect(anonymous.length).toBeGreaterThan(5);
    for (const lead of anonymous) {
      expect(MARKETING.has(lead.stageKey), `lead ${lead.id} in ${lead.stageKey}`).toBe(true);
      for (const step of chains.get(lead.id)!) expect(MARKETING.has(step.toStage)).toBe(true);
    }
  });

  it('every timestamp lies within the last year of the fixed clock', () => {
    const within = (at: number, what: string) => {
      expect(at, what).toBeGreaterThan(YEAR_AGO);
      expect(at, what).toBeLessThanOrEqual(T0);
    };
    for (const lead of leads) {
      within(lead.createdAt, `lead ${lead.id} created`);
      within(lead.updatedAt, `lead ${lead.id} updated`);
      within(lead.stageEnteredAt, `lead ${lead.id} entered`);
      for (const step of chains.get(lead.id)!) within(step.at, `transition ${step.id}`);
      for (const activity of t.leads.get(lead.id).activities) {
        within(activity.at, `activity ${activity.id}`);
        expect(activity.at).toBeGreaterThanOrEqual(lead.createdAt);
      }
    }
    expect(countRows(t.db, 'activities')).toBeGreaterThan(0);
  });

  it('every lead passes the same input validation the app applies to a form', () => {
    for (const lead of leads) {
      const fields = Object.fromEntries(Object.keys(leadFieldsSchema.shape).map((key) => [key, lead[key as keyof Lead]]));
      const parsed = leadFieldsSchema.safeParse(fields);
      expect(parsed.success, `lead ${lead.id}: ${parsed.error?.issues[0]?.message} ${JSON.stringify(fields)}`).toBe(true);
    }
  });

  it('e-mail local parts are plain Latin, also for Cyrillic names', () => {
    for (const lead of leads.filter((l) => l.email !== null)) expect(lead.email).toMatch(/^[a-z]+\.[a-z]+\d{1,2}@[a-z0-9.-]+$/);
  });

  it('owners are team members; sales leads always have one', () => {
    const memberIds = new Set(t.catalog.members().map((m) => m.id));
    for (const lead of leads) {
      if (lead.ownerId !== null) expect(memberIds.has(lead.ownerId)).toBe(true);
      if (stages.get(lead.stageKey)!.funnel === 'sales') expect(lead.ownerId).not.toBeNull();
    }
  });

  it('money comes in RUB for Russian companies and USD/EUR otherwise', () => {
    const currencies = new Set(leads.map((lead) => lead.currency));
    expect([...currencies].sort()).toEqual(['EUR', 'RUB', 'USD']);
    for (const lead of leads.filter((l) => l.dealValueMinor !== null)) expect(lead.dealValueMinor! % 100).toBe(0);
  });

  it('columns are strictly ordered by position', () => {
    for (const key of stages.keys()) {
      const positions = columnIds(t, key).map((id) => t.leads.get(id).lead.position);
      for (let i = 1; i < positions.length; i++) expect(positions[i - 1]! < positions[i]!).toBe(true);
    }
  });
});

describe('seeding again', () => {
  it('is deterministic for the same seed and clock', () => {
    const a = createTestServices({ now: T0 });
    const b = createTestServices({ now: T0 });
    a.demo.seed(40);
    b.demo.seed(40);
    const dump = (s: TestServices) => ({
      leads: s.db.prepare('SELECT * FROM leads ORDER BY id').all(),
      transitions: s.db.prepare('SELECT * FROM stage_transitions ORDER BY id').all(),
      activities: s.db.prepare('SELECT * FROM activities ORDER BY id').all(),
    });
    expect(dump(a)).toEqual(dump(b));
    a.close();
    b.close();
  });

  it('adds below the leads already there, and does not add the team twice', () => {
    const s = createTestServices({ now: T0 });
    const mine = s.leads.create({ firstName: 'Mine' });
    s.demo.seed(20);
    s.demo.seed(20, 7);
    expect(countRows(s.db, 'team_members')).toBe(TEAM.length);
    expect(s.catalog.info().leadCount).toBe(41);
    expect(columnIds(s, 'awareness')[0]).toBe(mine.id);
    s.close();
  });

  it('takes reasons from the current lists, and lists an "Other" it had to invent', () => {
    const s = createTestServices({ now: T0 });
    for (const reason of s.catalog.reasons().filter((r) => r.kind === 'disqualified')) s.catalog.removeReason(reason.id);
    s.catalog.addReason('disqualified', 'Конкурент клиента');
    for (const reason of s.catalog.reasons().filter((r) => r.kind === 'recycled')) s.catalog.removeReason(reason.id);
    s.demo.seed(300);
    const byKind = (kind: string) =>
      new Set(
        (s.db.prepare('SELECT label FROM reasons WHERE kind = ?').all(kind) as { label: string }[]).map((r) => r.label),
      );
    const rows = s.db.prepare('SELECT from_stage AS f, to_stage AS t, reason FROM stage_transitions WHERE reason IS NOT NULL').all() as {
      f: string;
      t: string;
      reason: string;
    }[];
    const stagesByKey = new Map(s.catalog.stages().map((stage) => [stage.key, stage]));
    for (const row of rows) {
      const kind = reasonKindForMove(stagesByKey.get(row.f)!, stagesByKey.get(row.t)!)!;
      expect(byKind(kind).has(row.reason), `${row.reason} (${kind})`).toBe(true);
    }
    expect(rows.some((row) => row.reason === 'Конкурент клиента')).toBe(true);
    expect(byKind('recycled')).toEqual(new Set(['Other']));
    expect(rows.some((row) => row.reason === 'Other')).toBe(true);
    s.close();
  });
});

describe('loadIntoEmpty', () => {
  it('loads into an empty funnel', () => {
    const s = createTestServices({ now: T0 });
    expect(s.demo.loadIntoEmpty(25)).toEqual({ leads: 25, members: TEAM.length });
    expect(s.catalog.info().leadCount).toBe(25);
    s.close();
  });

  it('refuses a non-empty funnel and adds nothing', () => {
    const s = createTestServices({ now: T0 });
    s.leads.create({ firstName: 'Real customer' });
    const error = caught(() => s.demo.loadIntoEmpty(25));
    expect(error).toMatchObject({ code: 'conflict', message: 'Demo data can only be loaded into an empty funnel.' });
    expect(countRows(s.db, 'leads')).toBe(1);
    expect(countRows(s.db, 'team_members')).toBe(0);
    s.close();
  });

  it('counts only live leads: a funnel whose leads were all deleted is empty', () => {
    const s = createTestServices({ now: T0 });
    s.leads.delete(s.leads.create({}).id);
    expect(s.demo.loadIntoEmpty(3).leads).toBe(3);
    s.close();
  });
});

describe('generateDemoLead and the PRNG', () => {
  it('the PRNG is seeded, bounded and reproducible', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const xs = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.int(3, 9)));
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(9);
    const c = createRandom(5);
    for (let i = 0; i < 1000; i++) {
      const x = c.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
  });

  it('journeys never run past "now" and use only the given owners and reasons', () => {
    const random = createRandom(42);
    const settings = { now: T0, ownerIds: [11, 12], reasons: { lost: ['L'], disqualified: ['D'], recycled: ['R'] } };
    for (let i = 0; i < 500; i++) {
      const demo = generateDemoLead(random, settings);
      expect(demo.journey.at(-1)!.at).toBeLessThanOrEqual(T0);
      if (demo.fields.ownerId !== null) expect([11, 12]).toContain(demo.fields.ownerId);
      for (const step of demo.journey) expect([null, 'L', 'D', 'R']).toContain(step.reason);
      // A lost lead is recycled at most once.
      expect(demo.journey.filter((step) => step.reason === 'R').length).toBeLessThanOrEqual(1);
    }
  });
});

describe('prospect data in the 400-lead demo', () => {
  let demo: TestServices;
  let all: Lead[];
  beforeAll(() => {
    demo = createTestServices({ now: T0 });
    demo.demo.loadIntoEmpty();
    all = demo.query.query({ all: [] }, [], 0, 1000).rows;
  });
  afterAll(() => demo.close());

  /** The example list's criteria, checked in plain JS (T0 is 2026-03-02: twelve months back is 2025-03-02). */
  const CRITERIA: [string, (lead: Lead) => boolean][] = [
    ['industry', (l) => l.industry === 'Financial services' || l.industry === 'Banking'],
    ['employees', (l) => (l.employeeCount ?? 0) > 10],
    ['Google Ads', (l) => l.adChannels.includes('Google Ads')],
    ['HubSpot', (l) => l.technologies.includes('HubSpot')],
    ['hiring in marketing', (l) => l.jobDepartments.includes('Marketing')],
    ['HR Manager', (l) => l.roleTitle === 'HR Manager'],
    ['new in role', (l) => l.roleStartedOn !== null && l.roleStartedOn > '2025-03-02'],
  ];
  const misses = (lead: Lead) => CRITERIA.filter(([, holds]) => !holds(lead)).map(([name]) => name);

  it('the example prospect filter returns a realistic handful, exactly the leads that meet every criterion', () => {
    const found = demo.query.query(EXAMPLE_PROSPECT_FILTER, [], 0, 1000);
    expect(found.total).toBeGreaterThanOrEqual(3);
    expect(found.total).toBeLessThanOrEqual(15);
    expect(found.rows.map((l) => l.id).sort()).toEqual(all.filter((l) => misses(l).length === 0).map((l) => l.id).sort());
  });

  it('for every criterion some leads miss by exactly that one', () => {
    for (const [name] of CRITERIA) {
      expect(all.filter((l) => misses(l).join() === name).length, name).toBeGreaterThan(0);
    }
  });

  it('companies are shared by domain and carry the lead-database signals', () => {
    const byDomain = new Map<string, Lead[]>();
    for (const lead of all.filter((l) => l.companyDomain)) byDomain.set(lead.companyDomain!, [...(byDomain.get(lead.companyDomain!) ?? []), lead]);
    expect(byDomain.size).toBeGreaterThan(15);
    const companyKeys = ['companyId', 'companyName', 'industry', 'employeeCount', 'monthlyAdSpendUsd', 'adChannels', 'technologies', 'openJobPostings', 'jobDepartments', 'country', 'city', 'website'] as const;
    for (const [domain, leads] of byDomain) {
      const shape = (l: Lead) => JSON.stringify(companyKeys.map((key) => l[key]));
      expect(new Set(leads.map(shape)).size, domain).toBe(1);
    }
    const industries = new Set(all.map((l) => l.industry));
    for (const industry of ['Financial services', 'Banking', 'Software', 'Retail']) expect(industries.has(industry)).toBe(true);
    expect(countRows(demo.db, 'companies')).toBe(byDomain.size);
    for (const tech of ['HubSpot', 'Salesforce', 'Shopify']) expect(all.some((l) => l.technologies.includes(tech)), tech).toBe(true);
    for (const channel of ['Google Ads', 'Meta', 'LinkedIn']) expect(all.some((l) => l.adChannels.includes(channel)), channel).toBe(true);
    expect(all.some((l) => (l.monthlyAdSpendUsd ?? 0) > 10_000 && (l.openJobPostings ?? 0) > 0)).toBe(true);
    expect(all.some((l) => CYRILLIC.test(l.city ?? ''))).toBe(true);
  });

  it('named contacts have a role, seniority, department and persona; some carry tags; every lead has a score', () => {
    const named = all.filter((l) => l.firstName !== null);
    for (const lead of named) {
      expect(lead.roleTitle, `lead ${lead.id}`).not.toBeNull();
      expect(lead.seniority).not.toBeNull();
      expect(lead.department).not.toBeNull();
      expect(lead.persona).not.toBeNull();
    }
    expect(new Set(named.map((l) => l.seniority)).size).toBeGreaterThanOrEqual(5);
    expect(all.filter((l) => l.tags.length > 0).length).toBeGreaterThan(50);
    expect(all.filter((l) => l.lastActivityAt === null)).toEqual([]);
    expect(Math.max(...all.map((l) => l.score))).toBeGreaterThanOrEqual(80);
    const sample = all.find((l) => l.score > 0)!;
    expect(demo.scoring.breakdown(sample.id).total).toBe(sample.score);
  });
});
