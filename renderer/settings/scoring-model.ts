import type { FilterCondition } from '../../shared/domain/filter.ts';
import type { ScoreRule } from '../../shared/domain/views.ts';
import { conditionFromDraft, draftFromCondition, emptyDraft, type ConditionDraft } from '../filters/condition-model.ts';

/** A scoring rule as edited: label, condition and points as typed. */
export interface RuleDraft {
  key: number;
  label: string;
  condition: ConditionDraft;
  points: string;
}

let nextKey = 1;

export function ruleDraft(rule?: ScoreRule): RuleDraft {
  if (!rule) return { key: nextKey++, label: '', condition: emptyDraft('industry'), points: '10' };
  return { key: nextKey++, label: rule.label, condition: draftFromCondition(rule.condition), points: String(rule.points) };
}

export type RulesResult =
  | { ok: true; rules: { label: string; condition: FilterCondition; points: number }[] }
  | { ok: false; errors: Record<number, string> };

/** Checks every rule; an error per rule, in words. */
export function rulesFromDrafts(drafts: readonly RuleDraft[]): RulesResult {
  const errors: Record<number, string> = {};
  const rules: { label: string; condition: FilterCondition; points: number }[] = [];
  for (const draft of drafts) {
    const condition = conditionFromDraft(draft.condition);
    const points = Number(draft.points.trim());
    if (!draft.label.trim()) errors[draft.key] = 'Give the rule a name, e.g. “Uses HubSpot”.';
    else if (!condition.ok) errors[draft.key] = condition.error;
    else if (!/^[-+]?\d+$/.test(draft.points.trim()) || Math.abs(points) > 1000) errors[draft.key] = 'Points are a whole number from -1000 to 1000.';
    else rules.push({ label: draft.label.trim(), condition: condition.condition, points });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, rules };
}
