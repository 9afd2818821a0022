import { memo } from 'react';
import type { Stage } from '../../shared/domain/stage.ts';
import { openNewLead } from '../state/lead-actions.ts';
import { useBoard } from '../state/store.ts';
import { formatTotals } from '../ui/money.ts';
import { formatCount } from '../ui/numbers.ts';

/**
 * Stage name, lead count and deal value per currency; marketing stages offer "+" for a new lead.
 * Memoized: the column re-renders on every drag, its header only when its figures change.
 */
export const ColumnHeader = memo(function ColumnHeader({ stage }: { stage: Stage }) {
  const summary = useBoard((s) => s.summaries[stage.key]);
  const count = summary?.count ?? 0;
  const totals = summary ? formatTotals(summary.totals) : '';

  return (
    <header className="column-header">
      <div className="column-title-row">
        <h3 className="column-title" title={stage.name}>
          {stage.name}
        </h3>
        <span className="column-count" data-testid={`column-count-${stage.key}`} aria-label={`${count} leads`}>
          {formatCount(count)}
        </span>
        {stage.funnel === 'marketing' && (
          <button
            type="button"
            className="icon-button column-add"
            aria-label={`New lead in ${stage.name}`}
            title={`New lead in ${stage.name}`}
            data-testid={`add-lead-${stage.key}`}
            onClick={() => openNewLead(stage.key)}
          >
            +
          </button>
        )}
      </div>
      <div className="column-totals" data-testid={`column-totals-${stage.key}`} title={totals || undefined}>
        {totals || <span className="muted">No deal value yet</span>}
      </div>
    </header>
  );
});
