import { SENIORITIES, URGENCIES, type Seniority, type Urgency } from '../../shared/domain/lead.ts';
import type { AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { TeamMember } from '../../shared/domain/history.ts';
import type { Stage } from '../../shared/domain/stage.ts';
import { CURRENT_MEMBER } from '../../shared/domain/filter.ts';

/** What the renderer knows to turn stored values (owner ids, stage keys) into words. */
export interface LabelContext {
  team: readonly TeamMember[];
  stages: readonly Stage[];
  currentMemberId: number | null;
}

export const SENIORITY_LABELS: Record<Seniority, string> = {
  entry: 'Entry level',
  manager: 'Manager',
  director: 'Director',
  vp: 'VP',
  c_level: 'C-level',
  owner: 'Owner',
};

export const URGENCY_LABELS: Record<Urgency, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The fixed choices of an enum attribute (owner, stage, seniority, urgency), as filter values and labels. */
export function enumOptions(field: AttributeKey, ctx: LabelContext): { value: string; label: string }[] {
  switch (field) {
    case 'ownerId':
      return [{ value: CURRENT_MEMBER, label: meLabel(ctx) }, ...ctx.team.map((m) => ({ value: String(m.id), label: m.name }))];
    case 'stageKey':
      return [...ctx.stages].sort((a, b) => a.position - b.position).map((s) => ({ value: s.key, label: s.name }));
    case 'seniority':
      return SENIORITIES.map((s) => ({ value: s, label: SENIORITY_LABELS[s] }));
    case 'urgency':
      return URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }));
    default:
      return [];
  }
}

function meLabel(ctx: LabelContext): string {
  const me = ctx.team.find((m) => m.id === ctx.currentMemberId);
  return me ? `Me (${me.name})` : 'Me';
}

/** A stored filter value in words: "Olga Smirnova" for owner 3, "SQL" for stage sql. */
export function valueLabel(field: AttributeKey, value: string, ctx: LabelContext): string {
  if (field === 'ownerId') {
    if (value === CURRENT_MEMBER) return 'me';
    return ctx.team.find((m) => String(m.id) === value)?.name ?? `owner #${value}`;
  }
  if (field === 'stageKey') return ctx.stages.find((s) => s.key === value)?.name ?? value;
  if (field === 'seniority') return SENIORITY_LABELS[value as Seniority] ?? value;
  if (field === 'urgency') return URGENCY_LABELS[value as Urgency] ?? value;
  return value;
}
