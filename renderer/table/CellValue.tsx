import { attribute, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { Lead } from '../../shared/domain/lead.ts';
import { SENIORITY_LABELS } from '../filters/value-labels.ts';
import { formatIsoDate, monthsSince, relativeTime, formatDateTime } from '../ui/dates.ts';
import { formatMoney } from '../ui/money.ts';
import { UrgencyBadge } from '../ui/UrgencyBadge.tsx';
import { ScoreBadge } from '../ui/ScoreBadge.tsx';
import { formatUsd, leadValue } from './cell-format.ts';
import { formatCount } from '../ui/numbers.ts';
import { StageChip } from './StageChip.tsx';

const EMPTY = <span className="cell-empty">—</span>;

/** A cell as a seller reads it: chips for sets, money formatted, names for owners and stages, dates relative. */
export function CellValue({ lead, field, now }: { lead: Lead; field: AttributeKey; now: number }) {
  const value = leadValue(lead, field);
  switch (field) {
    case 'name':
      return <span className={lead.firstName || lead.lastName || lead.email ? 'cell-name' : 'cell-name cell-anon'}>{String(value)}</span>;
    case 'ownerId':
      return lead.ownerName ? <span>{lead.ownerName}</span> : <span className="cell-empty">Unassigned</span>;
    case 'stageKey':
      return <StageChip stageKey={lead.stageKey} />;
    case 'dealValueMinor':
      return lead.dealValueMinor === null ? EMPTY : <span>{formatMoney(lead.dealValueMinor, lead.currency)}</span>;
    case 'monthlyAdSpendUsd':
      return lead.monthlyAdSpendUsd === null ? EMPTY : <span>{formatUsd(lead.monthlyAdSpendUsd)}</span>;
    case 'score':
      return <ScoreBadge score={lead.score} />;
    case 'urgency':
      return lead.urgency ? <UrgencyBadge urgency={lead.urgency} /> : EMPTY;
    case 'seniority':
      return lead.seniority ? <span>{SENIORITY_LABELS[lead.seniority]}</span> : EMPTY;
    case 'roleStartedOn': {
      if (!lead.roleStartedOn) return EMPTY;
      const months = monthsSince(lead.roleStartedOn, now);
      return (
        <span title={formatIsoDate(lead.roleStartedOn)}>
          {formatIsoDate(lead.roleStartedOn)}
          {months !== null && <span className="muted"> · {months} mo</span>}
        </span>
      );
    }
    default:
      break;
  }
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (attribute(field).kind) {
    case 'set': {
      const items = value as string[];
      if (items.length === 0) return EMPTY;
      return (
        <span className="cell-chips" title={items.join(', ')}>
          {items.map((item) => (
            <span key={item} className="value-chip value-chip-static">
              {item}
            </span>
          ))}
        </span>
      );
    }
    case 'number':
      return <span>{formatCount(value as number)}</span>;
    case 'date':
      return <span>{formatIsoDate(value as string)}</span>;
    case 'timestamp':
      return <span title={formatDateTime(value as number)}>{relativeTime(value as number, now)}</span>;
    default:
      return <span title={String(value)}>{String(value)}</span>;
  }
}
