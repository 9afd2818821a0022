import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../shared/domain/stage.ts';
import {
  describeRequirement,
  reasonKindForMove,
  unmetRequirements,
  unmetStageNeeds,
  type RuleLead,
} from '../../../shared/domain/stage-rules.ts';
import { hasContactInfo, hasDealInfo, leadDisplayName, ANONYMOUS_NAME } from '../../../shared/domain/lead.ts';
import { stagesByFunnel } from '../../../shared/domain/stage.ts';

/** The default stages, exactly as migration 0001 seeds them. */
const STAGES: Stage[] = [
  { key: 'awareness', name: 'Awareness (ToFu)', funnel: 'marketing', position: 0, probability: 0.01, kind: 'open', requiresDeal: false },
  { key: 'consideration', name: 'Consideration (MoFu)', funnel: 'marketing', position: 1, probability: 0.03, kind: 'open', requiresDeal: false },
  { key: 'conversion', name: 'Conversion (BoFu)', funnel: 'marketing', position: 2, probability: 0.05, kind: 'open', requiresDeal: false },
  { key: 'mql', name: 'MQL', funnel: 'sales', position: 3, probability: 0.1, kind: 'open', requiresDeal: false },
  { key: 'sal', name: 'SAL', funnel: 'sales', position: 4, probability: 0.2, kind: 'open', requiresDeal: false },
  { key: 'sql', name: 'SQL', funnel: 'sales', position: 5, probability: 0.4, kind: 'open', requiresDeal: true },
  { key: 'won', name: 'Closed-won', funnel: 'sales', position: 6, probability: 1, kind: 'won', requiresDeal: true },
  { key: 'lost', name: 'Closed-lost', funnel: 'sales', position: 7, probability: 0, kind: 'lost', requiresDeal: false },
];
const S = Object.fromEntries(STAGES.map((stage) => [stage.key, stage])) as Record<string, Stage>;
const MARKETING = ['awareness', 'consideration', 'conversion'];
const SALES = ['mql', 'sal', 'sql', 'won', 'lost'];

const EMPTY: RuleLead = { email: null, phone: null, dealValueMinor: null, expectedCloseOn: null, urgency: null };
const WITH_EMAIL: RuleLead = { ...EMPTY, email: 'a@example.com' };
const WITH_PHONE: RuleLead = { ...EMPTY, phone: '+7 900 123-45-67' };
const COMPLETE: RuleLead = { email: 'a@example.com', phone: null, dealValueMinor: 500_00, expectedCloseOn: '2026-05-01', urgency: 'low' };

describe('contact info', () => {
  it.each(SALES)('moving an anonymous lead into %s needs contact info', (to) => {
    const unmet = unmetRequirements(EMPTY, S.awareness!, S[to]!, 'Not a fit');
    expect(unmet).toContainEqual({ kind: 'contact' });
  });

  it.each(MARKETING)('a marketing stage (%s) needs no contact info', (to) => {
    expect(unmetStageNeeds(EMPTY, S[to]!)).toEqual([]);
    expect(unmetRequirements(EMPTY, S.awareness!.key === to ? S.conversion! : S.awareness!, S[to]!)).toEqual([]);
  });

  it('an e-mail alone or a phone alone is enough', () => {
    expect(unmetStageNeeds(WITH_EMAIL, S.mql!)).toEqual([]);
    expect(unmetStageNeeds(WITH_PHONE, S.sal!)).toEqual([]);
  });

  it('whitespace is not contact info', () => {
    expect(unmetStageNeeds({ ...EMPTY, email: '   ', phone: '\t' }, S.mql!)).toEqual([{ kind: 'contact' }]);
    expect(hasContactInfo({ email: ' ', phone: null })).toBe(false);
  });
});

describe('deal fields', () => {
  it.each(['sql', 'won'])('%s needs deal value, close date and urgency, and says which are missing', (to) => {
    expect(unmetStageNeeds(WITH_EMAIL, S[to]!)).toEqual([
      { kind: 'deal', missing: ['dealValueMinor', 'expectedCloseOn', 'urgency'] },
    ]);
    expect(unmetStageNeeds({ ...WITH_EMAIL, dealValueMinor: 0, urgency: 'high' }, S[to]!)).toEqual([
      { kind: 'deal', missing: ['expectedCloseOn'] },
    ]);
    expect(unmetStageNeeds(COMPLETE, S[to]!)).toEqual([]);
  });

  it('a deal value of zero counts as given', () => {
    expect(unmetStageNeeds({ ...COMPLETE, dealValueMinor: 0 }, S.sql!)).toEqual([]);
    expect(hasDealInfo({ dealValueMinor: 0, expectedCloseOn: '2026-01-01', urgency: 'low' })).toBe(true);
  });

  it.each(['awareness', 'mql', 'sal', 'lost'])('%s needs no deal fields', (to) => {
    expect(unmetStageNeeds(WITH_EMAIL, S[to]!).filter((r) => r.kind === 'deal')).toEqual([]);
  });

  it('contact and deal are both reported for an anonymous lead dropped on SQL', () => {
    expect(unmetRequirements(EMPTY, S.sal!, S.sql!)).toEqual([
      { kind: 'contact' },
      { kind: 'deal', missing: ['dealValueMinor', 'expectedCloseOn', 'urgency'] },
    ]);
  });
});

describe('reason kinds', () => {
  it.each([...MARKETING, 'mql', 'sal'])('%s → Closed-lost is a disqualification', (from) => {
    expect(reasonKindForMove(S[from]!, S.lost!)).toBe('disqualified');
  });

  it.each(['sql', 'won'])('%s → Closed-lost is a lost deal', (from) => {
    expect(reasonKindForMove(S[from]!, S.lost!)).toBe('lost');
  });

  it.each(MARKETING)('Closed-lost → %s is a recycling', (to) => {
    expect(reasonKindForMove(S.lost!, S[to]!)).toBe('recycled');
  });

  it.each(['mql', 'sal', 'sql', 'won'])('Closed-lost → %s (a sales stage) needs no reason', (to) => {
    expect(reasonKindForMove(S.lost!, S[to]!)).toBeNull();
    expect(unmetRequirements(COMPLETE, S.lost!, S[to]!)).toEqual([]);
  });

  it('forward moves need no reason', () => {
    for (let i = 0; i < STAGES.length - 2; i++) expect(reasonKindForMove(STAGES[i]!, STAGES[i + 1]!)).toBeNull();
  });

  it('a missing or blank reason is an unmet requirement; a given one is not', () => {
    expect(unmetRequirements(COMPLETE, S.sql!, S.lost!)).toEqual([{ kind: 'reason', reasonKind: 'lost' }]);
    expect(unmetRequirements(COMPLETE, S.sql!, S.lost!, '  ')).toEqual([{ kind: 'reason', reasonKind: 'lost' }]);
    expect(unmetRequirements(COMPLETE, S.sql!, S.lost!, null)).toEqual([{ kind: 'reason', reasonKind: 'lost' }]);
    expect(unmetRequirements(COMPLETE, S.sql!, S.lost!, 'Price')).toEqual([]);
    expect(unmetRequirements(COMPLETE, S.lost!, S.awareness!)).toEqual([{ kind: 'reason', reasonKind: 'recycled' }]);
  });
});

describe('reordering inside a column', () => {
  it.each(STAGES.map((stage) => stage.key))('needs nothing in %s, even from an empty lead', (key) => {
    expect(unmetRequirements(EMPTY, S[key]!, S[key]!)).toEqual([]);
    expect(reasonKindForMove(S[key]!, S[key]!)).toBeNull();
  });
});

describe('describeRequirement', () => {
  it('names the stage and the two ways to be reachable', () => {
    expect(describeRequirement({ kind: 'contact' }, S.mql!)).toBe('MQL needs contact info: an e-mail or a phone number.');
  });

  it('joins missing deal fields as a sentence', () => {
    expect(describeRequirement({ kind: 'deal', missing: ['urgency'] }, S.sql!)).toBe('SQL needs urgency.');
    expect(describeRequirement({ kind: 'deal', missing: ['dealValueMinor', 'urgency'] }, S.sql!)).toBe('SQL needs deal value and urgency.');
    expect(describeRequirement({ kind: 'deal', missing: ['dealValueMinor', 'expectedCloseOn', 'urgency'] }, S.won!)).toBe(
      'Closed-won needs deal value, expected close date and urgency.',
    );
  });

  it('has one sentence per reason kind', () => {
    expect(describeRequirement({ kind: 'reason', reasonKind: 'lost' }, S.lost!)).toBe('Moving to Closed-lost needs a lost reason.');
    expect(describeRequirement({ kind: 'reason', reasonKind: 'disqualified' }, S.lost!)).toBe('Disqualifying a lead needs a reason.');
    expect(describeRequirement({ kind: 'reason', reasonKind: 'recycled' }, S.awareness!)).toBe(
      'Recycling a lost lead back to marketing needs a reason.',
    );
  });
});

describe('lead helpers', () => {
  it('display name: first + last, else e-mail, else anonymous', () => {
    expect(leadDisplayName({ firstName: 'Анна', lastName: 'Петрова', email: 'a@b.ru' })).toBe('Анна Петрова');
    expect(leadDisplayName({ firstName: '  ', lastName: null, email: 'a@b.ru' })).toBe('a@b.ru');
    expect(leadDisplayName({ firstName: null, lastName: null, email: null })).toBe(ANONYMOUS_NAME);
  });

  it('stagesByFunnel groups in board order', () => {
    const grouped = stagesByFunnel([...STAGES].reverse());
    expect(grouped.map((g) => [g.funnel, g.stages.map((s) => s.key)])).toEqual([
      ['marketing', MARKETING],
      ['sales', SALES],
    ]);
  });
});
