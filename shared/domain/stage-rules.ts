import type { Stage } from './stage.ts';
import type { ReasonKind } from './reasons.ts';
import { hasContactInfo, type LeadFields } from './lead.ts';

/**
 * What a stage move demands. Pure functions: main enforces them inside the move transaction,
 * the renderer calls the same ones to open a small form for the missing data when a card is dropped.
 */
export type Requirement =
  | { kind: 'contact' }
  | { kind: 'deal'; missing: DealField[] }
  | { kind: 'reason'; reasonKind: ReasonKind };

export type DealField = 'dealValueMinor' | 'expectedCloseOn' | 'urgency';
const DEAL_FIELDS: readonly DealField[] = ['dealValueMinor', 'expectedCloseOn', 'urgency'];

export type RuleLead = Pick<LeadFields, 'email' | 'phone' | DealField>;

/** The reason list a move from `from` to `to` must pick from, if any. */
export function reasonKindForMove(from: Stage, to: Stage): ReasonKind | null {
  if (from.key === to.key) return null;
  if (to.kind === 'lost' && from.kind !== 'lost') {
    // A deal that was qualified (SQL, or won and reopened) is lost; before that, sales disqualifies.
    return from.requiresDeal || from.kind === 'won' ? 'lost' : 'disqualified';
  }
  if (from.kind === 'lost' && to.funnel === 'marketing') return 'recycled';
  return null;
}

/**
 * Requirements of moving `lead` from `from` to `to` that are not met yet.
 * `reason` is the reason given with the move, if any. Reordering inside a column needs nothing.
 */
export function unmetRequirements(lead: RuleLead, from: Stage, to: Stage, reason?: string | null): Requirement[] {
  if (from.key === to.key) return [];
  const unmet = unmetStageNeeds(lead, to);
  const reasonKind = reasonKindForMove(from, to);
  if (reasonKind && !reason?.trim()) unmet.push({ kind: 'reason', reasonKind });
  return unmet;
}

/**
 * The data a lead must hold to sit in `stage` at all: checked on every move into it, and when a
 * lead is created in it or edited while in it (so an MQL cannot lose its e-mail afterwards).
 */
export function unmetStageNeeds(lead: RuleLead, stage: Stage): Requirement[] {
  const unmet: Requirement[] = [];
  if (stage.funnel === 'sales' && !hasContactInfo(lead)) unmet.push({ kind: 'contact' });
  if (stage.requiresDeal) {
    const missing = DEAL_FIELDS.filter((field) => lead[field] === null || lead[field] === undefined);
    if (missing.length > 0) unmet.push({ kind: 'deal', missing });
  }
  return unmet;
}

const DEAL_FIELD_LABELS: Record<DealField, string> = {
  dealValueMinor: 'deal value',
  expectedCloseOn: 'expected close date',
  urgency: 'urgency',
};

/** A sentence a seller understands, e.g. "SQL needs deal value and urgency." */
export function describeRequirement(requirement: Requirement, to: Stage): string {
  switch (requirement.kind) {
    case 'contact':
      return `${to.name} needs contact info: an e-mail or a phone number.`;
    case 'deal':
      return `${to.name} needs ${joinWords(requirement.missing.map((field) => DEAL_FIELD_LABELS[field]))}.`;
    case 'reason':
      return {
        lost: `Moving to ${to.name} needs a lost reason.`,
        disqualified: `Disqualifying a lead needs a reason.`,
        recycled: `Recycling a lost lead back to marketing needs a reason.`,
      }[requirement.reasonKind];
  }
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
