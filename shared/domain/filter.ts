import { attribute, type AttributeKey, type AttributeKind } from './lead-attributes.ts';

/**
 * A prospect filter: conditions combined with AND, where an entry may also be an OR group.
 * Main translates it to parameterized SQL (never string-built from values); the renderer builds it.
 */
export type ListOp = 'is_any_of' | 'is_none_of' | 'has_any_of' | 'has_all_of' | 'has_none_of';
export type NumberOp =
  | 'gt'
  | 'lt'
  | 'within_last_days'
  | 'not_within_last_days'
  | 'within_next_days'
  | 'in_role_less_than_months'
  | 'in_role_more_than_months';
export type FilterOp = ListOp | NumberOp | 'between' | 'contains' | 'is_empty' | 'is_not_empty' | 'before' | 'after';

export type FilterCondition =
  | { field: AttributeKey; op: ListOp; values: string[] }
  | { field: AttributeKey; op: NumberOp; value: number }
  | { field: AttributeKey; op: 'between'; min: number; max: number }
  | { field: AttributeKey; op: 'contains'; text: string }
  | { field: AttributeKey; op: 'before' | 'after'; date: string }
  | { field: AttributeKey; op: 'is_empty' | 'is_not_empty' };

/** OR: at least one of the conditions holds. */
export interface FilterGroup {
  any: FilterCondition[];
}

export interface LeadFilter {
  /** AND: every entry holds. */
  all: (FilterCondition | FilterGroup)[];
  /** Quick search (full text over names, e-mails, companies, domains and notes). */
  search?: string;
}

export const EMPTY_FILTER: LeadFilter = { all: [] };

/** In owner conditions, the current user of this copy of the app. */
export const CURRENT_MEMBER = 'me';

export const OPS_BY_KIND: Record<AttributeKind, readonly FilterOp[]> = {
  text: ['contains', 'is_any_of', 'is_empty', 'is_not_empty'],
  choice: ['is_any_of', 'is_none_of', 'contains', 'is_empty', 'is_not_empty'],
  enum: ['is_any_of', 'is_none_of', 'is_empty', 'is_not_empty'],
  number: ['gt', 'lt', 'between', 'is_empty', 'is_not_empty'],
  money: ['gt', 'lt', 'between', 'is_empty', 'is_not_empty'],
  set: ['has_any_of', 'has_all_of', 'has_none_of', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'within_next_days', 'is_empty', 'is_not_empty'],
  timestamp: ['within_last_days', 'not_within_last_days', 'is_empty', 'is_not_empty'],
  tenure: ['in_role_less_than_months', 'in_role_more_than_months', 'is_empty', 'is_not_empty'],
};

export const OP_LABELS: Record<FilterOp, string> = {
  is_any_of: 'is any of',
  is_none_of: 'is none of',
  has_any_of: 'has any of',
  has_all_of: 'has all of',
  has_none_of: 'has none of',
  gt: 'is more than',
  lt: 'is less than',
  between: 'is between',
  contains: 'contains',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  within_last_days: 'within the last N days',
  not_within_last_days: 'not within the last N days',
  within_next_days: 'within the next N days',
  before: 'is before',
  after: 'is after',
  in_role_less_than_months: 'less than N months in role',
  in_role_more_than_months: 'more than N months in role',
};

export function isGroup(entry: FilterCondition | FilterGroup): entry is FilterGroup {
  return 'any' in entry;
}

export function opFitsField(field: AttributeKey, op: FilterOp): boolean {
  return OPS_BY_KIND[attribute(field).kind].includes(op);
}

/**
 * The example prospect list of lead databases: financial services or banking companies with more
 * than 10 employees, spending on Google Ads, using HubSpot, hiring in marketing, and contacts who
 * are HR managers less than a year in that role.
 */
export const EXAMPLE_PROSPECT_FILTER: LeadFilter = {
  all: [
    { field: 'industry', op: 'is_any_of', values: ['Financial services', 'Banking'] },
    { field: 'employeeCount', op: 'gt', value: 10 },
    { field: 'adChannels', op: 'has_any_of', values: ['Google Ads'] },
    { field: 'technologies', op: 'has_any_of', values: ['HubSpot'] },
    { field: 'jobDepartments', op: 'has_any_of', values: ['Marketing'] },
    { field: 'roleTitle', op: 'is_any_of', values: ['HR Manager'] },
    { field: 'roleStartedOn', op: 'in_role_less_than_months', value: 12 },
  ],
};
