import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROSPECT_FILTER, OPS_BY_KIND, type FilterCondition } from '../../../shared/domain/filter.ts';
import { LEAD_ATTRIBUTES } from '../../../shared/domain/lead-attributes.ts';
import { filterConditionSchema } from '../../../shared/ipc/schemas.ts';
import {
  changeField,
  changeOp,
  conditionFromDraft,
  draftFromCondition,
  emptyDraft,
  opsFor,
  parseMoneyMajor,
  parseNumber,
  valueEditorFor,
  type ConditionDraft,
} from '../../../renderer/filters/condition-model.ts';
import { pickerOptions, toggleValue } from '../../../renderer/filters/picker-model.ts';

describe('condition editor model', () => {
  it('offers the operators of each kind, labelled', () => {
    expect(opsFor('industry').map((o) => o.label)).toEqual(['is any of', 'is none of', 'contains', 'is empty', 'is not empty']);
    expect(opsFor('technologies').map((o) => o.op)).toEqual(['has_any_of', 'has_all_of', 'has_none_of', 'is_empty', 'is_not_empty']);
    expect(opsFor('roleStartedOn').map((o) => o.label)).toEqual(['less than N months in role', 'more than N months in role', 'is empty', 'is not empty']);
    for (const a of LEAD_ATTRIBUTES) expect(opsFor(a.key).map((o) => o.op)).toEqual([...OPS_BY_KIND[a.kind]]);
  });

  it('picks the value editor that fits the operator', () => {
    expect(valueEditorFor('industry', 'is_any_of')).toBe('list');
    expect(valueEditorFor('employeeCount', 'gt')).toBe('number');
    expect(valueEditorFor('dealValueMinor', 'lt')).toBe('money');
    expect(valueEditorFor('dealValueMinor', 'between')).toBe('range');
    expect(valueEditorFor('lastActivityAt', 'within_last_days')).toBe('days');
    expect(valueEditorFor('roleStartedOn', 'in_role_less_than_months')).toBe('months');
    expect(valueEditorFor('expectedCloseOn', 'after')).toBe('date');
    expect(valueEditorFor('name', 'contains')).toBe('text');
    expect(valueEditorFor('email', 'is_empty')).toBe('none');
  });

  it('reads numbers as typed by people', () => {
    expect(parseNumber('1 500')).toBe(1500);
    expect(parseNumber('1,500')).toBe(1500);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('ten')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('keeps money in major units in the filter (main scales it to minor units)', () => {
    expect(parseMoneyMajor('12 500,50')).toBe(12500.5);
    expect(parseMoneyMajor('12,500.50')).toBe(12500.5);
    const result = conditionFromDraft({ ...emptyDraft('dealValueMinor'), op: 'gt', text: '10 000' });
    expect(result).toEqual({ ok: true, condition: { field: 'dealValueMinor', op: 'gt', value: 10000 } });
    // Shown back as typed, in major units.
    expect(draftFromCondition({ field: 'dealValueMinor', op: 'between', min: 1000, max: 2500.5 })).toMatchObject({ min: '1000', max: '2500.50' });
  });

  it('explains what is missing or wrong, in words', () => {
    const draft = (patch: Partial<ConditionDraft>, field: ConditionDraft['field'] = 'industry'): ConditionDraft => ({ ...emptyDraft(field), ...patch });
    expect(conditionFromDraft(draft({}))).toEqual({ ok: false, error: 'Pick at least one value.' });
    expect(conditionFromDraft(draft({ op: 'gt', text: 'many' }, 'employeeCount'))).toEqual({ ok: false, error: 'Enter a number, such as 10.' });
    expect(conditionFromDraft(draft({ op: 'between', min: '50', max: '10' }, 'employeeCount'))).toEqual({
      ok: false,
      error: 'The first number must not be more than the second.',
    });
    expect(conditionFromDraft(draft({ op: 'within_last_days', text: '1.5' }, 'lastActivityAt'))).toEqual({
      ok: false,
      error: 'Enter a whole number of days, such as 14.',
    });
    expect(conditionFromDraft(draft({ op: 'before', text: '' }, 'expectedCloseOn'))).toEqual({ ok: false, error: 'Pick a date.' });
    expect(conditionFromDraft(draft({ op: 'contains', text: '  ' }, 'name'))).toEqual({ ok: false, error: 'Type the text to look for.' });
  });

  it('round-trips every condition of the example through a draft, and main accepts them', () => {
    for (const entry of EXAMPLE_PROSPECT_FILTER.all) {
      const condition = entry as FilterCondition;
      const back = conditionFromDraft(draftFromCondition(condition));
      expect(back).toEqual({ ok: true, condition });
      expect(filterConditionSchema.safeParse(condition).success).toBe(true);
    }
  });

  it('trims and dedupes picked values', () => {
    expect(conditionFromDraft({ ...emptyDraft('technologies'), values: [' HubSpot', 'HubSpot', ''] })).toEqual({
      ok: true,
      condition: { field: 'technologies', op: 'has_any_of', values: ['HubSpot'] },
    });
  });

  it('keeps what still makes sense when the field or operator changes', () => {
    const picked = { ...emptyDraft('industry'), values: ['Banking'] };
    expect(changeOp(picked, 'is_none_of')).toMatchObject({ op: 'is_none_of', values: ['Banking'] });
    expect(changeOp(picked, 'contains')).toMatchObject({ op: 'contains', values: [], text: '' });
    expect(changeOp({ ...emptyDraft('employeeCount'), text: '10' }, 'between')).toMatchObject({ op: 'between', min: '10' });
    expect(changeField({ ...emptyDraft('employeeCount'), op: 'lt', text: '5' }, 'openJobPostings')).toMatchObject({ op: 'lt', text: '5' });
    expect(changeField(picked, 'technologies')).toEqual(emptyDraft('technologies'));
  });
});

describe('value picker', () => {
  const available = ['Banking', 'Financial services', 'Insurance', 'Производство'].map((v) => ({ value: v, label: v }));

  it('narrows by what is typed, anywhere in the word and in any script', () => {
    expect(pickerOptions(available, [], 'fin', false).map((o) => o.value)).toEqual(['Financial services']);
    expect(pickerOptions(available, [], 'произв', false).map((o) => o.value)).toEqual(['Производство']);
  });

  it('lists picked values first, even when not in use, and offers to add new text', () => {
    const options = pickerOptions(available, ['Fintech'], 'fintech', true);
    expect(options).toEqual([{ value: 'Fintech', label: 'Fintech' }]);
    expect(pickerOptions(available, [], 'Crypto ', true)).toEqual([{ value: 'Crypto', label: 'Add “Crypto”', isNew: true }]);
    expect(pickerOptions(available, [], 'banking', true).some((o) => o.isNew)).toBe(false);
    expect(pickerOptions(available, [], 'Crypto', false)).toEqual([]);
  });

  it('toggles values keeping their order', () => {
    expect(toggleValue(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleValue(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
