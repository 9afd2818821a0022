import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { LeadPatch } from '../../shared/ipc/schemas.ts';
import { DAY, T0, createTestServices, type TestServices } from './services.ts';

/**
 * A hand-built prospect list: seven live leads (and a deleted one) whose every attribute is known,
 * so that each filter's expected leads can be worked out by hand. "me" is Olga; "now" is T0
 * (2026-03-02 09:00 UTC). Score rules are replaced by two simple ones:
 * has an e-mail +10, industry Banking +25.
 */
export const PROSPECT_NAMES = ['ana', 'bob', 'cara', 'dmitry', 'eve', 'finn', 'gus'] as const;
export type ProspectName = (typeof PROSPECT_NAMES)[number];

export interface ProspectFixture {
  t: TestServices;
  ids: Record<ProspectName | 'hank', number>;
  olga: number;
  james: number;
  /** The fixture names of the leads a filter returns through leads.query, sorted. */
  names(filter: LeadFilter): string[];
}

const BLUEFIN = {
  companyName: 'Bluefin Bank', companyDomain: 'bluefinbank.eu', industry: 'Banking', employeeCount: 850, monthlyAdSpendUsd: 45_000,
  adChannels: ['Google Ads', 'LinkedIn'], technologies: ['HubSpot', 'Zendesk'], openJobPostings: 12, jobDepartments: ['Marketing', 'Sales'],
  country: 'Ireland', city: 'Dublin', website: 'https://bluefinbank.eu',
} satisfies LeadPatch;

export function buildProspects(): ProspectFixture {
  const t = createTestServices();
  const olga = t.team.add({ name: 'Olga Smirnova', email: 'olga@voronka.example', role: 'account_executive' }).id;
  const james = t.team.add({ name: 'James Carter', email: null, role: 'sdr' }).id;
  t.team.setCurrentMember(olga);
  t.scoring.save([
    { label: 'Has an e-mail', condition: { field: 'email', op: 'is_not_empty' }, points: 10 },
    { label: 'Banks', condition: { field: 'industry', op: 'is_any_of', values: ['Banking'] }, points: 25 },
  ]);

  const create = (daysAgo: number, fields: LeadPatch, stageKey: string) => {
    t.clock.set(T0 - daysAgo * DAY);
    return t.leads.create(fields, stageKey).id;
  };
  const ids = {
    ana: create(3, {
      firstName: 'Анна', lastName: 'Петрова', email: 'anna.petrova@bluefinbank.eu', phone: '+7 900 111-22-33', ...BLUEFIN,
      roleTitle: 'HR Manager', roleStartedOn: '2025-09-01', seniority: 'manager', department: 'Human resources', persona: 'People leader',
      tags: ['priority', 'webinar-2026'], source: 'Webinar', ownerId: olga,
      dealValueMinor: 5_000_00, currency: 'USD', expectedCloseOn: '2026-03-20', urgency: 'high',
    }, 'mql'),
    bob: create(40, {
      firstName: 'Bob', lastName: 'Stone', email: 'bob@atlaspay.co',
      companyName: 'Atlas Payments', companyDomain: 'atlaspay.co', industry: 'Financial services', employeeCount: 140, monthlyAdSpendUsd: 18_000,
      adChannels: ['Google Ads', 'Meta'], technologies: ['HubSpot', 'Stripe'], openJobPostings: 6, jobDepartments: ['Marketing', 'Engineering'],
      country: 'United States', city: 'Austin',
      roleTitle: 'HR Manager', roleStartedOn: '2024-01-15', seniority: 'manager', department: 'Human resources',
      tags: ['priority'], source: 'Google Ads', ownerId: james,
    }, 'awareness'),
    cara: create(200, {
      firstName: 'Cara', lastName: 'Novak', email: 'cara@acmelogistics.io', phone: '+1 555 0100',
      companyName: 'Acme Logistics', companyDomain: 'acmelogistics.io', industry: 'Logistics', employeeCount: 400, monthlyAdSpendUsd: 4_000,
      adChannels: ['Google Ads'], technologies: ['Salesforce', 'SAP'], openJobPostings: 10, jobDepartments: ['Operations'],
      country: 'United States', city: 'Memphis',
      roleTitle: 'CFO', roleStartedOn: '2026-01-10', seniority: 'c_level', department: 'Finance', persona: 'Economic buyer',
      source: 'Referral', dealValueMinor: 12_000_00, currency: 'EUR', expectedCloseOn: '2026-04-15', urgency: 'medium',
    }, 'sql'),
    dmitry: create(10, {
      firstName: 'Дмитрий', lastName: 'Волков', phone: '+7 912 345-67-89',
      companyName: 'Банк «Восток»', companyDomain: 'vostokbank.ru', industry: 'Banking', employeeCount: 3_400, monthlyAdSpendUsd: 60_000,
      adChannels: ['Yandex Direct', 'VK Ads'], technologies: ['Bitrix24', '1C'], openJobPostings: 25, jobDepartments: ['Marketing', 'IT'],
      country: 'Russia', city: 'Владивосток',
      roleTitle: 'Финансовый директор', roleStartedOn: '2020-05-01', seniority: 'c_level', department: 'Финансы', persona: 'Economic buyer',
      tags: ['тендер'], source: 'Conference', ownerId: olga,
      dealValueMinor: 1_500_000_00, currency: 'RUB', expectedCloseOn: '2026-06-30', urgency: 'low',
    }, 'sal'),
    eve: create(400, { source: 'Website' }, 'awareness'),
    finn: create(20, {
      firstName: 'Finn', lastName: "O'Brien", email: 'finn@pennywise.app',
      companyName: 'Pennywise Fintech', companyDomain: 'pennywise.app', industry: 'Financial services', employeeCount: 8, monthlyAdSpendUsd: 2_500,
      adChannels: ['Google Ads', 'Meta'], technologies: ['HubSpot'], openJobPostings: 2, jobDepartments: ['Marketing'],
      country: 'Germany', city: 'Berlin',
      roleTitle: 'HR Manager', roleStartedOn: '2025-12-01', seniority: 'manager', department: 'Human resources', persona: 'People leader',
      tags: ['newsletter'], source: 'LinkedIn', ownerId: james,
    }, 'consideration'),
    gus: create(1, {
      firstName: 'Gus', lastName: 'Grant', email: 'gus@half-off.shop',
      companyName: '50% Off_Deals', companyDomain: 'half-off.shop', industry: 'Retail',
      roleTitle: 'Marketing Manager', department: 'Marketing', source: 'Cold outreach',
    }, 'consideration'),
    hank: create(5, { firstName: 'Hank', lastName: 'Petrov', email: 'hank@bluefinbank.eu', ...BLUEFIN, tags: ['priority'] }, 'mql'),
  };
  t.leads.delete(ids.hank);
  t.clock.set(T0 - DAY);
  t.leads.addNote(ids.ana, 'Asked for a demo of the "HubSpot" sync.');
  t.clock.set(T0 - 35 * DAY);
  t.leads.addNote(ids.cara, 'Спросили про интеграцию с 1С.');
  t.clock.set(T0);
  // An imported lead can lack any activity: eve's is unknown.
  t.db.prepare('UPDATE leads SET last_activity_at = NULL WHERE id = ?').run(ids.eve);
  t.scoring.rescoreAll();

  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return {
    t,
    ids,
    olga,
    james,
    names: (filter) => t.query.query(filter, [], 0, 1000).rows.map((lead) => byId.get(lead.id)!).sort(),
  };
}
