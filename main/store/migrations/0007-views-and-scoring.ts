import type { Database } from 'better-sqlite3';
import type { FilterCondition, LeadFilter } from '../../../shared/domain/filter.ts';
import type { SortKey, ViewColumn } from '../../../shared/domain/views.ts';
import type { Migration } from './migration.ts';

/** The catalog's default columns when this step was written; frozen here, as a landed step must be. */
const DEFAULT_COLUMNS: ViewColumn[] = (
  ['name', 'email', 'companyName', 'industry', 'employeeCount', 'technologies', 'roleTitle', 'source', 'ownerId', 'stageKey', 'dealValueMinor', 'score', 'lastActivityAt'] as const
).map((key) => ({ key, width: null }));

function defaultViews(openStageKeys: string[]): { name: string; filter: LeadFilter; sort: SortKey[] }[] {
  const open: FilterCondition = { field: 'stageKey', op: 'is_any_of', values: openStageKeys };
  return [
    {
      name: 'My open leads',
      filter: { all: [{ field: 'ownerId', op: 'is_any_of', values: ['me'] }, open] },
      sort: [{ field: 'score', dir: 'desc' }],
    },
    {
      name: 'MQLs waiting for sales acceptance',
      filter: { all: [{ field: 'stageKey', op: 'is_any_of', values: ['mql'] }] },
      sort: [{ field: 'stageEnteredAt', dir: 'asc' }],
    },
    {
      name: 'Stale: no activity in 14 days',
      filter: {
        all: [
          { any: [{ field: 'lastActivityAt', op: 'not_within_last_days', value: 14 }, { field: 'lastActivityAt', op: 'is_empty' }] },
          open,
        ],
      },
      sort: [{ field: 'lastActivityAt', dir: 'asc' }],
    },
  ];
}

/**
 * Rules marketing and sales can both sign: fit (industry, size, stack, seniority), intent (recent
 * activity, hiring in marketing, ad spend) and reachability; silence costs points.
 */
export const DEFAULT_SCORE_RULES: { label: string; condition: FilterCondition; points: number }[] = [
  { label: 'Industry fits: Financial services, Banking or Software', condition: { field: 'industry', op: 'is_any_of', values: ['Financial services', 'Banking', 'Software'] }, points: 20 },
  { label: '50 to 1,000 employees', condition: { field: 'employeeCount', op: 'between', min: 50, max: 1000 }, points: 15 },
  { label: 'Uses HubSpot or Salesforce', condition: { field: 'technologies', op: 'has_any_of', values: ['HubSpot', 'Salesforce'] }, points: 15 },
  { label: 'Decision maker: director, VP or C-level', condition: { field: 'seniority', op: 'is_any_of', values: ['director', 'vp', 'c_level'] }, points: 20 },
  { label: 'Activity in the last 14 days', condition: { field: 'lastActivityAt', op: 'within_last_days', value: 14 }, points: 10 },
  { label: 'Hiring in marketing', condition: { field: 'jobDepartments', op: 'has_any_of', values: ['Marketing'] }, points: 10 },
  { label: 'Spends more than $10,000 a month on ads', condition: { field: 'monthlyAdSpendUsd', op: 'gt', value: 10_000 }, points: 10 },
  { label: 'Has an e-mail address', condition: { field: 'email', op: 'is_not_empty' }, points: 5 },
  { label: 'Has a phone number', condition: { field: 'phone', op: 'is_not_empty' }, points: 5 },
  { label: 'No activity in 90 days', condition: { field: 'lastActivityAt', op: 'not_within_last_days', value: 90 }, points: -10 },
];

function seed(db: Database): void {
  const openStageKeys = (db.prepare("SELECT key FROM stages WHERE kind = 'open' ORDER BY position").all() as { key: string }[]).map((row) => row.key);
  const insertView = db.prepare(`
    INSERT INTO saved_views (name, filter_json, columns_json, sort_json, position) VALUES (?, ?, ?, ?, ?)`);
  defaultViews(openStageKeys).forEach((view, index) =>
    insertView.run(view.name, JSON.stringify(view.filter), JSON.stringify(DEFAULT_COLUMNS), JSON.stringify(view.sort), index),
  );
  const insertRule = db.prepare('INSERT INTO score_rules (label, condition_json, points, position) VALUES (?, ?, ?, ?)');
  DEFAULT_SCORE_RULES.forEach((rule, index) => insertRule.run(rule.label, JSON.stringify(rule.condition), rule.points, index));
}

/**
 * Saved views (filter + columns + sort, as JSON validated by the channel schemas before it is
 * written) and the lead score rules. Leads are scored by the app (see scoring-service.ts), not here.
 */
export const viewsAndScoring: Migration = {
  version: 7,
  name: 'saved views and lead score rules',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        filter_json TEXT NOT NULL CHECK (json_valid(filter_json)),
        columns_json TEXT NOT NULL CHECK (json_valid(columns_json)),
        sort_json TEXT NOT NULL CHECK (json_valid(sort_json)),
        position INTEGER NOT NULL
      ) STRICT;

      -- AUTOINCREMENT: saving replaces every rule, and a rule id must never come back meaning another rule.
      CREATE TABLE score_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        label TEXT NOT NULL,
        condition_json TEXT NOT NULL CHECK (json_valid(condition_json)),
        points INTEGER NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;
    `);
    seed(db);
  },
};
