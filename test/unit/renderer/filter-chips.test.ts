import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROSPECT_FILTER, type FilterCondition } from '../../../shared/domain/filter.ts';
import { LEAD_ATTRIBUTES } from '../../../shared/domain/lead-attributes.ts';
import type { Stage } from '../../../shared/domain/stage.ts';
import { ATTRIBUTE_GROUPS } from '../../../renderer/filters/attribute-groups.ts';
import { describeCondition, describeEntry, describeFilter } from '../../../renderer/filters/describe.ts';
import { enumOptions, type LabelContext } from '../../../renderer/filters/value-labels.ts';
import { entryOf, MY_LEADS_FILTER, queryFilter, sameConditions, withEntry, withoutEntry } from '../../../renderer/filters/filter-ops.ts';

const stage = (key: string, name: string, position: number): Stage => ({
  key, name, position, funnel: 'sales', probability: 0.1, kind: 'open', requiresDeal: false,
});

const ctx: LabelContext = {
  team: [
    { id: 1, name: 'Olga Smirnova', email: null, role: 'sdr' },
    { id: 2, name: 'James Carter', email: null, role: 'account_executive' },
  ],
  stages: [stage('sql', 'SQL', 5), stage('mql', 'MQL', 3)],
  currentMemberId: 1,
};

describe('filter chips', () => {
  it('describes the example prospect list in words', () => {
    expect(EXAMPLE_PROSPECT_FILTER.all.map((entry) => describeEntry(entry, ctx))).toEqual([
      'Industry is any of Banking, Financial services',
      'Employees is more than 10',
      'Ad channels has any of Google Ads',
      'Technologies has any of HubSpot',
      'Hiring in has any of Marketing',
      'Role is any of HR Manager',
      'Less than 12 months in role',
    ]);
  });

  it('names owners and stages, and puts "me" first', () => {
    expect(describeCondition({ field: 'ownerId', op: 'is_any_of', values: ['2', 'me'] }, ctx)).toBe('Owner is any of me, James Carter');
    expect(describeCondition({ field: 'stageKey', op: 'is_none_of', values: ['sql', 'mql'] }, ctx)).toBe('Stage is none of MQL, SQL');
    expect(describeCondition({ field: 'seniority', op: 'is_any_of', values: ['c_level', 'vp'] }, ctx)).toBe('Seniority is any of C-level, VP');
    expect(describeCondition({ field: 'ownerId', op: 'is_any_of', values: ['99'] }, ctx)).toBe('Owner is any of owner #99');
    expect(describeEntry(MY_LEADS_FILTER.all[0]!, ctx)).toBe('Owner is me');
    expect(describeCondition({ field: 'ownerId', op: 'is_none_of', values: ['me'] }, ctx)).toBe('Owner is none of me');
  });

  it('reads numbers, money, ranges, dates and periods', () => {
    const cases: [FilterCondition, string][] = [
      [{ field: 'dealValueMinor', op: 'gt', value: 12500.5 }, 'Deal value is more than 12,500.5'],
      [{ field: 'employeeCount', op: 'between', min: 10, max: 500 }, 'Employees is between 10 and 500'],
      [{ field: 'lastActivityAt', op: 'not_within_last_days', value: 14 }, 'Last activity is not within the last 14 days'],
      [{ field: 'createdAt', op: 'within_last_days', value: 1 }, 'Created is within the last 1 day'],
      [{ field: 'expectedCloseOn', op: 'within_next_days', value: 30 }, 'Expected close is within the next 30 days'],
      [{ field: 'expectedCloseOn', op: 'before', date: '2026-03-31' }, 'Expected close is before 31 Mar 2026'],
      [{ field: 'roleStartedOn', op: 'in_role_more_than_months', value: 1 }, 'More than 1 month in role'],
      [{ field: 'name', op: 'contains', text: 'Ива' }, 'Name contains “Ива”'],
      [{ field: 'email', op: 'is_empty' }, 'E-mail is empty'],
    ];
    for (const [condition, text] of cases) expect(describeCondition(condition, ctx)).toBe(text);
  });

  it('shortens long value lists and joins OR groups', () => {
    const many: FilterCondition = { field: 'technologies', op: 'has_any_of', values: ['F', 'E', 'D', 'C', 'B', 'A'] };
    expect(describeCondition(many, ctx)).toBe('Technologies has any of A, B, C, D and 2 more');
    const group = entryOf([
      { field: 'industry', op: 'is_any_of', values: ['Banking'] },
      { field: 'employeeCount', op: 'gt', value: 1000 },
    ])!;
    expect(describeEntry(group, ctx)).toBe('Industry is any of Banking or Employees is more than 1,000');
    expect(describeFilter({ all: [group], search: ' Иван ' }, ctx)).toBe('matching “Иван”; Industry is any of Banking or Employees is more than 1,000');
    expect(describeFilter({ all: [] }, ctx)).toBe('All leads');
  });
});

describe('attribute groups', () => {
  it('list every attribute of the catalog exactly once', () => {
    const grouped = ATTRIBUTE_GROUPS.flatMap((g) => g.keys);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(LEAD_ATTRIBUTES.map((a) => a.key).sort());
    expect(ATTRIBUTE_GROUPS.map((g) => g.label)).toEqual(['Company', 'Contact', 'Deal & funnel', 'Activity']);
  });

  it('offers "me" and the team as owners, stages in board order', () => {
    expect(enumOptions('ownerId', ctx)).toEqual([
      { value: 'me', label: 'Me (Olga Smirnova)' },
      { value: '1', label: 'Olga Smirnova' },
      { value: '2', label: 'James Carter' },
    ]);
    expect(enumOptions('stageKey', ctx).map((o) => o.value)).toEqual(['mql', 'sql']);
    expect(enumOptions('urgency', ctx).map((o) => o.label)).toEqual(['Low', 'Medium', 'High']);
  });
});

describe('filter entries', () => {
  const a: FilterCondition = { field: 'industry', op: 'is_any_of', values: ['Banking'] };
  const b: FilterCondition = { field: 'employeeCount', op: 'gt', value: 10 };

  it('adds, replaces and removes entries; one alternative is a plain condition', () => {
    let filter = withEntry({ all: [] }, null, a);
    filter = withEntry(filter, null, b);
    expect(filter.all).toEqual([a, b]);
    expect(withEntry(filter, 0, b).all).toEqual([b, b]);
    expect(withoutEntry(filter, 0).all).toEqual([b]);
    expect(entryOf([a])).toBe(a);
    expect(entryOf([a, b])).toEqual({ any: [a, b] });
    expect(entryOf([])).toBeNull();
  });

  it('sends the search only when there is one, and compares conditions without it', () => {
    expect(queryFilter({ all: [a] }, '  ')).toEqual({ all: [a] });
    expect(queryFilter({ all: [a] }, ' Пётр ')).toEqual({ all: [a], search: 'Пётр' });
    expect(sameConditions({ all: [a], search: 'x' }, { all: [a] })).toBe(true);
    expect(sameConditions(MY_LEADS_FILTER, { all: [a] })).toBe(false);
  });
});
