import type { AttributeKey } from './lead-attributes.ts';
import type { FilterCondition, LeadFilter } from './filter.ts';

export interface SortKey {
  field: AttributeKey;
  dir: 'asc' | 'desc';
}

export interface ViewColumn {
  key: AttributeKey;
  /** Pixels; null keeps the default width. */
  width: number | null;
}

/** A named filter + columns + sort, listed in the sidebar with its lead count. */
export interface SavedView {
  id: number;
  name: string;
  filter: LeadFilter;
  columns: ViewColumn[];
  sort: SortKey[];
  position: number;
}

export interface SavedViewWithCount extends SavedView {
  count: number;
}

/** Points a lead earns when it matches a condition: the transparent, editable lead score. */
export interface ScoreRule {
  id: number;
  label: string;
  condition: FilterCondition;
  points: number;
}

export interface ScoreBreakdown {
  total: number;
  parts: { ruleId: number; label: string; points: number; matched: boolean }[];
}
