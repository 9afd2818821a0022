import { attribute, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import { OP_LABELS, OPS_BY_KIND, type FilterCondition, type FilterOp, type ListOp, type NumberOp } from '../../shared/domain/filter.ts';
import { minorToMajorText, parseMajorToMinor } from '../ui/money.ts';

/** Which input a condition needs for its value. */
export type ValueEditorKind = 'none' | 'list' | 'number' | 'money' | 'range' | 'text' | 'date' | 'days' | 'months';

/** A condition as the seller is typing it: every value as text until it is applied. */
export interface ConditionDraft {
  field: AttributeKey;
  op: FilterOp;
  /** Picked values of a list operator. */
  values: string[];
  /** The single typed value: a number, an amount, a date, N days/months or text to look for. */
  text: string;
  min: string;
  max: string;
}

const LIST_OPS: readonly FilterOp[] = ['is_any_of', 'is_none_of', 'has_any_of', 'has_all_of', 'has_none_of'];

/** The operators that fit a field, with their labels, in the catalog's order. */
export function opsFor(field: AttributeKey): { op: FilterOp; label: string }[] {
  return OPS_BY_KIND[attribute(field).kind].map((op) => ({ op, label: OP_LABELS[op] }));
}

export function valueEditorFor(field: AttributeKey, op: FilterOp): ValueEditorKind {
  if (LIST_OPS.includes(op)) return 'list';
  switch (op) {
    case 'gt':
    case 'lt':
      return attribute(field).kind === 'money' ? 'money' : 'number';
    case 'between':
      return 'range';
    case 'within_last_days':
    case 'not_within_last_days':
    case 'within_next_days':
      return 'days';
    case 'in_role_less_than_months':
    case 'in_role_more_than_months':
      return 'months';
    case 'before':
    case 'after':
      return 'date';
    case 'contains':
      return 'text';
    default:
      return 'none';
  }
}

/** A list operator on a choice, set or text field takes values typed in as well as picked. */
export function allowsFreeValues(field: AttributeKey): boolean {
  return attribute(field).kind !== 'enum';
}

export function emptyDraft(field: AttributeKey): ConditionDraft {
  return { field, op: opsFor(field)[0]!.op, values: [], text: '', min: '', max: '' };
}

/** Another field: keeps the operator (and list values) only when they still make sense. */
export function changeField(draft: ConditionDraft, field: AttributeKey): ConditionDraft {
  if (field === draft.field) return draft;
  const next = emptyDraft(field);
  const sameKind = attribute(field).kind === attribute(draft.field).kind;
  if (sameKind && opsFor(field).some((o) => o.op === draft.op)) return { ...next, op: draft.op, text: draft.text, min: draft.min, max: draft.max };
  return next;
}

/** Another operator: values carry over between list operators, typed numbers between number operators. */
export function changeOp(draft: ConditionDraft, op: FilterOp): ConditionDraft {
  const before = valueEditorFor(draft.field, draft.op);
  const after = valueEditorFor(draft.field, op);
  if (before === after) return { ...draft, op };
  if (after === 'range' && (before === 'number' || before === 'money')) return { ...draft, op, min: draft.text, text: '' };
  return { ...draft, op, values: after === 'list' ? draft.values : [], text: '', min: '', max: '' };
}

export function draftFromCondition(condition: FilterCondition): ConditionDraft {
  const draft = emptyDraft(condition.field);
  const money = attribute(condition.field).kind === 'money';
  const show = (n: number) => (money ? minorToMajorText(Math.round(n * 100)) : String(n));
  if ('values' in condition) return { ...draft, op: condition.op, values: [...condition.values] };
  if ('value' in condition) return { ...draft, op: condition.op, text: show(condition.value) };
  if ('min' in condition) return { ...draft, op: condition.op, min: show(condition.min), max: show(condition.max) };
  if ('text' in condition) return { ...draft, op: condition.op, text: condition.text };
  if ('date' in condition) return { ...draft, op: condition.op, text: condition.date };
  return { ...draft, op: condition.op };
}

/** "1 500", "1,500", "-3", "12.5" → number; null when it is not one. */
export function parseNumber(text: string): number | null {
  let s = text.replace(/[\s\u00a0_']/g, '');
  if (s === '') return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? (negative ? -value : value) : null;
}

/**
 * An amount typed in major units ("12 500", "12,500.50"). Filters carry money in major units
 * (main converts to the stored minor units); it goes through the same parser as deal values.
 */
export function parseMoneyMajor(text: string): number | null {
  const minor = parseMajorToMinor(text);
  return minor === null ? null : minor / 100;
}

function parseCount(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

export type DraftResult = { ok: true; condition: FilterCondition } | { ok: false; error: string };

/** Checks the typed values and builds the condition main understands; errors are sentences. */
export function conditionFromDraft(draft: ConditionDraft): DraftResult {
  const { field, op } = draft;
  const kind = valueEditorFor(field, op);
  const fail = (error: string): DraftResult => ({ ok: false, error });
  switch (kind) {
    case 'none':
      return { ok: true, condition: { field, op: op as 'is_empty' | 'is_not_empty' } };
    case 'list': {
      const values = [...new Set(draft.values.map((v) => v.trim()).filter(Boolean))];
      if (values.length === 0) return fail('Pick at least one value.');
      return { ok: true, condition: { field, op: op as ListOp, values } };
    }
    case 'number':
    case 'money': {
      const value = kind === 'money' ? parseMoneyMajor(draft.text) : parseNumber(draft.text);
      if (value === null) return fail(kind === 'money' ? 'Enter an amount, such as 10000 or 12500.50.' : 'Enter a number, such as 10.');
      return { ok: true, condition: { field, op: op as NumberOp, value } };
    }
    case 'range': {
      const money = attribute(field).kind === 'money';
      const parse = money ? parseMoneyMajor : parseNumber;
      const min = parse(draft.min);
      const max = parse(draft.max);
      if (min === null || max === null) return fail(money ? 'Enter both amounts, such as 1000 and 50000.' : 'Enter both numbers, such as 10 and 500.');
      if (min > max) return fail('The first number must not be more than the second.');
      return { ok: true, condition: { field, op: 'between', min, max } };
    }
    case 'days':
    case 'months': {
      const value = parseCount(draft.text);
      if (value === null) return fail(kind === 'days' ? 'Enter a whole number of days, such as 14.' : 'Enter a whole number of months, such as 12.');
      return { ok: true, condition: { field, op: op as NumberOp, value } };
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.text.trim())) return fail('Pick a date.');
      return { ok: true, condition: { field, op: op as 'before' | 'after', date: draft.text.trim() } };
    }
    case 'text': {
      const text = draft.text.trim();
      if (!text) return fail('Type the text to look for.');
      return { ok: true, condition: { field, op: 'contains', text } };
    }
  }
}
