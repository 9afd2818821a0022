import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROSPECT_FILTER, OPS_BY_KIND, isGroup, opFitsField } from '../../../shared/domain/filter.ts';
import { ATTRIBUTE_KEYS, LEAD_ATTRIBUTES } from '../../../shared/domain/lead-attributes.ts';
import { filterConditionSchema, leadFilterSchema } from '../../../shared/ipc/schemas.ts';
import { FIELD_SQL } from '../../../main/store/filter/fields.ts';

const issues = (value: unknown) => {
  const parsed = leadFilterSchema.safeParse(value);
  expect(parsed.success).toBe(false);
  return parsed.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
};

describe('the filter schema', () => {
  it('accepts the example prospect filter, OR groups and a search', () => {
    expect(leadFilterSchema.parse(EXAMPLE_PROSPECT_FILTER)).toEqual(EXAMPLE_PROSPECT_FILTER);
    const grouped = { all: [{ any: [{ field: 'tags', op: 'is_empty' }, { field: 'score', op: 'between', min: 1, max: 5 }] }], search: '  anna ' };
    expect(leadFilterSchema.parse(grouped)).toEqual({ ...grouped, search: 'anna' });
  });

  it('refuses unknown fields and unknown operators', () => {
    expect(issues({ all: [{ field: 'password', op: 'is_any_of', values: ['x'] }] })).toMatch(/^all\.0/);
    expect(issues({ all: [{ field: '__proto__', op: 'is_empty' }] })).toMatch(/^all\.0/);
    expect(issues({ all: [{ field: 'industry', op: 'regex', values: ['.*'] }] })).toMatch(/^all\.0/);
    expect(issues({ all: [{ field: 'industry', op: 'is_any_of' }] })).toMatch(/^all\.0/);
    expect(issues({ any: [] })).toMatch(/^all: /);
  });

  it('refuses an operator that does not fit the field, in words', () => {
    expect(issues({ all: [{ field: 'industry', op: 'gt', value: 3 }] })).toContain('That operator does not apply to that field.');
    expect(issues({ all: [{ any: [{ field: 'technologies', op: 'is_any_of', values: ['HubSpot'] }] }] })).toContain('That operator does not apply to that field.');
    expect(filterConditionSchema.safeParse({ field: 'roleStartedOn', op: 'in_role_less_than_months', value: 12 }).success).toBe(true);
  });

  it('keeps values bounded: no empty lists, no blank values, no endless groups', () => {
    expect(issues({ all: [{ field: 'industry', op: 'is_any_of', values: [] }] })).toMatch(/^all\.0/);
    expect(issues({ all: [{ field: 'industry', op: 'is_any_of', values: ['  '] }] })).toMatch(/^all\.0/);
    expect(issues({ all: Array(51).fill({ field: 'tags', op: 'is_empty' }) })).toMatch(/^all: /);
    expect(issues({ all: [], search: 'x'.repeat(201) })).toMatch(/^search: /);
    expect(issues({ all: [{ field: 'score', op: 'gt', value: Infinity }] })).toMatch(/^all\.0/);
  });
});

describe('attributes and operators', () => {
  it('every attribute has a kind with operators, and main maps every attribute to SQL', () => {
    for (const attribute of LEAD_ATTRIBUTES) expect(OPS_BY_KIND[attribute.kind].length).toBeGreaterThan(0);
    expect(Object.keys(FIELD_SQL).sort()).toEqual([...ATTRIBUTE_KEYS].sort());
  });

  it('opFitsField follows the kind of the field', () => {
    expect(opFitsField('technologies', 'has_all_of')).toBe(true);
    expect(opFitsField('technologies', 'contains')).toBe(false);
    expect(opFitsField('lastActivityAt', 'not_within_last_days')).toBe(true);
    expect(opFitsField('expectedCloseOn', 'within_last_days')).toBe(false);
  });

  it('isGroup tells an OR group from a condition', () => {
    expect(isGroup({ any: [] })).toBe(true);
    expect(isGroup({ field: 'tags', op: 'is_empty' })).toBe(false);
  });
});
