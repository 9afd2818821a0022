import { attribute } from '../../shared/domain/lead-attributes.ts';
import { CURRENT_MEMBER, isGroup, OP_LABELS, type FilterCondition, type FilterGroup, type LeadFilter } from '../../shared/domain/filter.ts';
import { formatIsoDate } from '../ui/dates.ts';
import { valueLabel, type LabelContext } from './value-labels.ts';

/** Values shown in a chip before "and N more". */
const MAX_VALUES = 4;

/** Made on first use: with no filter set, the board's first screen creates no Intl formatter (see ui/numbers.ts). */
let numberFormat: Intl.NumberFormat | null = null;

function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return numberFormat.format(n);
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

function listOf(condition: Extract<FilterCondition, { values: string[] }>, ctx: LabelContext): string {
  const labels = condition.values.map((value) => ({ value, label: valueLabel(condition.field, value, ctx) }));
  // "me" first, then alphabetical: the same filter always reads the same.
  labels.sort((a, b) => (a.value === CURRENT_MEMBER ? -1 : b.value === CURRENT_MEMBER ? 1 : a.label.localeCompare(b.label)));
  const shown = labels.slice(0, MAX_VALUES).map((l) => l.label);
  const rest = labels.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** One condition in words, e.g. "Industry is any of Banking, Financial services". */
export function describeCondition(condition: FilterCondition, ctx: LabelContext): string {
  const label = attribute(condition.field).label;
  switch (condition.op) {
    case 'is_any_of':
      if (condition.field === 'ownerId' && condition.values.length === 1 && condition.values[0] === CURRENT_MEMBER) return 'Owner is me';
      return `${label} ${OP_LABELS[condition.op]} ${listOf(condition, ctx)}`;
    case 'is_none_of':
    case 'has_any_of':
    case 'has_all_of':
    case 'has_none_of':
      return `${label} ${OP_LABELS[condition.op]} ${listOf(condition, ctx)}`;
    case 'gt':
    case 'lt':
      return `${label} ${OP_LABELS[condition.op]} ${formatNumber(condition.value)}`;
    case 'between':
      return `${label} is between ${formatNumber(condition.min)} and ${formatNumber(condition.max)}`;
    case 'within_last_days':
      return `${label} is within the last ${plural(condition.value, 'day')}`;
    case 'not_within_last_days':
      return `${label} is not within the last ${plural(condition.value, 'day')}`;
    case 'within_next_days':
      return `${label} is within the next ${plural(condition.value, 'day')}`;
    case 'in_role_less_than_months':
      return `Less than ${plural(condition.value, 'month')} in role`;
    case 'in_role_more_than_months':
      return `More than ${plural(condition.value, 'month')} in role`;
    case 'before':
    case 'after':
      return `${label} ${OP_LABELS[condition.op]} ${formatIsoDate(condition.date)}`;
    case 'contains':
      return `${label} contains “${condition.text}”`;
    case 'is_empty':
    case 'is_not_empty':
      return `${label} ${OP_LABELS[condition.op]}`;
  }
}

/** A chip's text: a condition, or an OR group joined with "or". */
export function describeEntry(entry: FilterCondition | FilterGroup, ctx: LabelContext): string {
  if (!isGroup(entry)) return describeCondition(entry, ctx);
  return entry.any.map((condition) => describeCondition(condition, ctx)).join(' or ');
}

/** The whole filter in one sentence, for screen readers and tooltips. */
export function describeFilter(filter: LeadFilter, ctx: LabelContext): string {
  const parts = filter.all.map((entry) => describeEntry(entry, ctx));
  if (filter.search?.trim()) parts.unshift(`matching “${filter.search.trim()}”`);
  return parts.length === 0 ? 'All leads' : parts.join('; ');
}
