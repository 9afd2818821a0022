import type { HTMLAttributes, Ref } from 'react';
import { leadDisplayName, type Lead } from '../../shared/domain/lead.ts';
import { daysInStageLabel } from '../ui/dates.ts';
import { formatMoney } from '../ui/money.ts';
import { ScoreBadge } from '../ui/ScoreBadge.tsx';
import { UrgencyBadge } from '../ui/UrgencyBadge.tsx';

interface CardViewProps extends HTMLAttributes<HTMLDivElement> {
  lead: Lead;
  ref?: Ref<HTMLDivElement>;
  /** The copy that follows the pointer. */
  overlay?: boolean;
}

/** What a screen reader says for a card. */
export function cardLabel(lead: Lead, now = Date.now()): string {
  const parts = [leadDisplayName(lead)];
  if (lead.companyName) parts.push(lead.companyName);
  if (lead.dealValueMinor !== null) parts.push(formatMoney(lead.dealValueMinor, lead.currency));
  if (lead.ownerName) parts.push(`owner ${lead.ownerName}`);
  if (lead.urgency) parts.push(`${lead.urgency} urgency`);
  parts.push(daysInStageLabel(lead.stageEnteredAt, now));
  parts.push(`score ${lead.score}`);
  return parts.join(', ');
}

/** "OS" for Olga Smirnova; "?" when nobody owns the lead. */
export function initials(name: string | null): string {
  if (!name) return '?';
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * The look of a lead card: name and urgency, company, then value, owner and days in stage. Not
 * memoized: on the board its BoardCard is, and it re-renders only when the lead changes (a drag
 * moves the element without rendering it).
 */
export function CardView({ lead, ref, overlay, className, ...rest }: CardViewProps) {
  const classes = ['card', overlay ? 'card-overlay' : '', className ?? ''].filter(Boolean).join(' ');
  const name = leadDisplayName(lead);
  return (
    <div ref={ref} className={classes} {...rest}>
      <div className="card-top">
        <span className={lead.firstName || lead.lastName || lead.email ? 'card-name' : 'card-name card-name-anon'} title={name}>
          {name}
        </span>
        {lead.urgency && <UrgencyBadge urgency={lead.urgency} />}
        <ScoreBadge score={lead.score} />
      </div>
      <div className="card-company" title={lead.companyName ?? undefined}>
        {lead.companyName ?? <span className="faint">No company</span>}
      </div>
      <div className="card-owner" title={lead.ownerName ? `Owner: ${lead.ownerName}` : 'No owner'}>
        <span className="card-avatar" aria-hidden="true">
          {initials(lead.ownerName)}
        </span>
        <span className="card-owner-name">{lead.ownerName ?? 'Unassigned'}</span>
      </div>
      <div className="card-bottom">
        {lead.dealValueMinor !== null ? (
          <span className="card-value">{formatMoney(lead.dealValueMinor, lead.currency)}</span>
        ) : (
          <span className="card-value faint">No deal value</span>
        )}
        <span className="card-age">{daysInStageLabel(lead.stageEnteredAt, Date.now())}</span>
      </div>
    </div>
  );
}
