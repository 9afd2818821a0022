/**
 * Why a lead left the funnel or came back to it. Each kind has its own editable list:
 * "lost" when a qualified deal (SQL or later) closes lost, "disqualified" when sales turns
 * a lead down before it was qualified, "recycled" when a lost lead goes back to marketing.
 */
export const REASON_KINDS = ['lost', 'disqualified', 'recycled'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
  id: number;
  kind: ReasonKind;
  label: string;
  position: number;
}

export const REASON_KIND_LABELS: Record<ReasonKind, string> = {
  lost: 'Lost reason',
  disqualified: 'Disqualification reason',
  recycled: 'Recycling reason',
};

export const DEFAULT_REASONS: Record<ReasonKind, readonly string[]> = {
  lost: ['Chose a competitor', 'Price', 'No budget', 'No decision yet', 'Needs more time', 'Went silent', 'Missing feature'],
  disqualified: ['Not a fit', 'No budget', 'No authority', 'No response', 'Duplicate', 'Student or job seeker'],
  recycled: ['Timing was wrong', 'New budget cycle', 'Champion changed jobs', 'Re-engaged with content', 'Nurture for later'],
};
