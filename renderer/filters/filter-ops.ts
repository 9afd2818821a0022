import { CURRENT_MEMBER, type FilterCondition, type FilterGroup, type LeadFilter } from '../../shared/domain/filter.ts';

export type FilterEntry = FilterCondition | FilterGroup;

/** "My leads": the leads owned by whoever uses this copy of the app. */
export const MY_LEADS_FILTER: LeadFilter = { all: [{ field: 'ownerId', op: 'is_any_of', values: [CURRENT_MEMBER] }] };

export function hasConditions(filter: LeadFilter): boolean {
  return filter.all.length > 0;
}

/** Replaces the entry at `index`, or appends it when index is null. */
export function withEntry(filter: LeadFilter, index: number | null, entry: FilterEntry): LeadFilter {
  if (index === null || index < 0 || index >= filter.all.length) return { ...filter, all: [...filter.all, entry] };
  return { ...filter, all: filter.all.map((e, i) => (i === index ? entry : e)) };
}

export function withoutEntry(filter: LeadFilter, index: number): LeadFilter {
  return { ...filter, all: filter.all.filter((_, i) => i !== index) };
}

/** A group of one condition is just that condition. */
export function entryOf(conditions: FilterCondition[]): FilterEntry | null {
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0]! : { any: conditions };
}

export function conditionsOf(entry: FilterEntry): FilterCondition[] {
  return 'any' in entry ? entry.any : [entry];
}

/** What main is asked for: the conditions plus the quick search, when there is one. */
export function queryFilter(filter: LeadFilter, search: string): LeadFilter {
  const text = search.trim();
  return text ? { all: filter.all, search: text } : { all: filter.all };
}

/** Same conditions (the quick search is not part of a view). */
export function sameConditions(a: LeadFilter, b: LeadFilter): boolean {
  return JSON.stringify(a.all) === JSON.stringify(b.all);
}
