import type { Urgency } from '../../shared/domain/lead.ts';

const LABELS: Record<Urgency, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return <span className={`badge badge-urgency-${urgency}`}>{LABELS[urgency]}</span>;
}
