import { EMPTY_LEAD_FIELDS, URGENCIES, type LeadFields } from '../../shared/domain/lead.ts';
import type { ReasonKind } from '../../shared/domain/reasons.ts';
import type { Random } from './random.ts';
import * as words from './vocabulary.ts';

const DAY = 86_400_000;

export interface DemoStep {
  stageKey: string;
  at: number;
  reason: string | null;
}

export interface DemoLead {
  fields: LeadFields;
  /** Every stage the lead entered, oldest first; the first step is its creation. */
  journey: DemoStep[];
  notes: { at: number; body: string }[];
}

export interface DemoSettings {
  now: number;
  ownerIds: readonly number[];
  reasons: Record<ReasonKind, readonly string[]>;
  /**
   * 'long' walks further down the funnel and recycles more (about five moves a lead): the history
   * the benchmarks ask for. 'typical' looks like a real team's year.
   */
  history?: 'typical' | 'long';
}

/** Where a lead goes next from an open stage, and how likely; the rest of the time it stays. */
const NEXT: Record<string, { to: string; chance: number }[]> = {
  awareness: [{ to: 'consideration', chance: 0.55 }, { to: 'conversion', chance: 0.06 }],
  consideration: [{ to: 'conversion', chance: 0.6 }],
  conversion: [{ to: 'mql', chance: 0.7 }],
  mql: [{ to: 'sal', chance: 0.72 }, { to: 'lost', chance: 0.06 }],
  sal: [{ to: 'sql', chance: 0.62 }, { to: 'lost', chance: 0.16 }],
  sql: [{ to: 'won', chance: 0.36 }, { to: 'lost', chance: 0.42 }],
  lost: [{ to: 'awareness', chance: 0.1 }, { to: 'consideration', chance: 0.08 }],
  won: [],
};

const NEXT_LONG: Record<string, { to: string; chance: number }[]> = {
  awareness: [{ to: 'consideration', chance: 0.85 }, { to: 'conversion', chance: 0.05 }],
  consideration: [{ to: 'conversion', chance: 0.85 }],
  conversion: [{ to: 'mql', chance: 0.85 }],
  mql: [{ to: 'sal', chance: 0.8 }, { to: 'lost', chance: 0.1 }],
  sal: [{ to: 'sql', chance: 0.65 }, { to: 'lost', chance: 0.25 }],
  sql: [{ to: 'won', chance: 0.4 }, { to: 'lost', chance: 0.5 }],
  lost: [{ to: 'awareness', chance: 0.3 }, { to: 'consideration', chance: 0.3 }],
  won: [],
};

function walkJourney(random: Random, settings: DemoSettings): DemoStep[] {
  const long = settings.history === 'long';
  const next = long ? NEXT_LONG : NEXT;
  const maxRecycles = long ? 2 : 1;
  const createdAt = settings.now - random.int(0, 364) * DAY - random.int(0, DAY - 1);
  const journey: DemoStep[] = [{ stageKey: random.chance(0.22) ? 'mql' : 'awareness', at: createdAt, reason: null }];
  let recycles = 0;
  for (;;) {
    const current = journey[journey.length - 1]!;
    const roll = random.next();
    let cumulative = 0;
    const step = next[current.stageKey]!.find((option) => roll < (cumulative += option.chance));
    if (!step || (recycles >= maxRecycles && current.stageKey === 'lost')) return journey;
    const at = current.at + random.int(1, step.to === 'awareness' ? (long ? 30 : 120) : long ? 12 : 24) * DAY + random.int(0, DAY - 1);
    if (at > settings.now) return journey;
    let reason: string | null = null;
    if (step.to === 'lost') reason = random.pick(settings.reasons[current.stageKey === 'sql' ? 'lost' : 'disqualified']);
    if (current.stageKey === 'lost') {
      reason = random.pick(settings.reasons.recycled);
      recycles += 1;
    }
    journey.push({ stageKey: step.to, at, reason });
  }
}

function transliterate(text: string): string {
  const latin = [...text.toLowerCase()].map((char) => words.TRANSLIT[char] ?? char).join('');
  return latin.normalize('NFD').replace(/[^a-z]/g, '');
}

function cyrillicName(random: Random): [string, string] {
  const female = random.chance(0.5);
  const last = random.pick(words.CYRILLIC_PEOPLE.last);
  return female ? [random.pick(words.CYRILLIC_PEOPLE.female), `${last}а`] : [random.pick(words.CYRILLIC_PEOPLE.male), last];
}

/**
 * The demo team sells to finance and to companies growing their marketing: those are twice as likely
 * in its list (its ideal customers, and the near misses a real list is full of).
 */
const LATIN_PICKS = words.LATIN_COMPANIES.flatMap((company) =>
  ['Banking', 'Financial services'].includes(company.industry!) || company.jobDepartments.includes('Marketing') ? [company, company] : [company],
);

/** Contacts at hiring companies are often HR: that is who buys when a company grows. */
function pickRole(random: Random, cyrillic: boolean, hiring: boolean): words.RoleProfile {
  if (cyrillic) return random.pick(words.CYRILLIC_ROLES);
  return random.chance(hiring ? 0.3 : 0.08) ? words.HR_MANAGER : random.pick(words.LATIN_ROLES);
}

/**
 * Many contacts are new in their role (lead databases surface job changes), HR at growing companies
 * most of all; never near the 12-month mark, so "less than 12 months" is clear-cut.
 */
function roleStart(random: Random, now: number, recentChance: number): string {
  const days = random.chance(recentChance) ? random.int(20, 350) : random.int(380, 2500);
  return new Date(now - days * DAY).toISOString().slice(0, 10);
}

/** One realistic lead with a history that obeys the stage rules. */
export function generateDemoLead(random: Random, settings: DemoSettings): DemoLead {
  const journey = walkJourney(random, settings);
  const reachedSales = journey.some((step) => !['awareness', 'consideration', 'conversion'].includes(step.stageKey));
  const reachedDeal = journey.some((step) => ['sql', 'won'].includes(step.stageKey));
  const cyrillic = random.chance(0.45);
  const company = random.pick(cyrillic ? words.CYRILLIC_COMPANIES : LATIN_PICKS);
  const fields: LeadFields = { ...EMPTY_LEAD_FIELDS, currency: cyrillic ? 'RUB' : random.chance(0.7) ? 'USD' : 'EUR' };
  fields.source = random.pick(words.SOURCES);
  fields.ownerId = reachedSales || random.chance(0.3) ? random.pick(settings.ownerIds) : null;
  const anonymous = !reachedSales && random.chance(0.35);
  if (!anonymous) {
    [fields.firstName, fields.lastName] = cyrillic ? cyrillicName(random) : [random.pick(words.LATIN_PEOPLE.first), random.pick(words.LATIN_PEOPLE.last)];
    fields.email = `${transliterate(fields.firstName)}.${transliterate(fields.lastName)}${random.int(1, 99)}@${company.companyDomain}`;
    fields.phone = random.chance(0.6) ? (cyrillic ? `+7 9${random.int(10, 99)} ${random.int(100, 999)}-${random.int(10, 99)}-${random.int(10, 99)}` : `+1 (${random.int(200, 989)}) 555-0${random.int(100, 199)}`) : null;
    const role = pickRole(random, cyrillic, company.jobDepartments.length > 0);
    fields.roleTitle = role.title;
    fields.seniority = role.seniority;
    fields.department = role.department;
    fields.persona = role.persona;
    const hiringHr = role === words.HR_MANAGER && company.jobDepartments.length > 0;
    fields.roleStartedOn = roleStart(random, settings.now, hiringHr ? 0.5 : 0.35);
    Object.assign(fields, company, {
      adChannels: [...company.adChannels],
      technologies: [...company.technologies],
      jobDepartments: [...company.jobDepartments],
      website: `https://www.${company.companyDomain}`,
    });
    fields.tags = [...new Set(Array.from({ length: random.pick([0, 0, 1, 1, 2, 3]) }, () => random.pick(words.TAGS)))];
  }
  if (reachedDeal || (reachedSales && random.chance(0.4))) {
    const base = cyrillic ? random.int(150, 6000) * 1000 : random.int(3, 120) * 500;
    fields.dealValueMinor = base * 100;
    const closeAt = journey[journey.length - 1]!.at + random.int(10, 90) * DAY;
    fields.expectedCloseOn = new Date(closeAt).toISOString().slice(0, 10);
    fields.urgency = random.pick(URGENCIES);
  }
  const last = journey[journey.length - 1]!.at;
  const notes = random.chance(0.3)
    ? Array.from({ length: random.int(1, 3) }, () => ({ at: random.int(journey[0]!.at, last), body: random.pick(words.NOTES) }))
    : [];
  return { fields, journey, notes };
}
