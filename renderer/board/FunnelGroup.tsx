import { memo, useId } from 'react';
import type { Funnel, Stage } from '../../shared/domain/stage.ts';
import { useBoard } from '../state/store.ts';
import { Column } from './Column.tsx';
import { LEADS, plural } from '../ui/numbers.ts';

interface FunnelGroupProps {
  funnel: Funnel;
  name: string;
  stages: Stage[];
}

/** "Marketing" or "Sales": a header spanning its columns. Memoized: the board re-renders on every drag. */
export const FunnelGroup = memo(function FunnelGroup({ funnel, name, stages }: FunnelGroupProps) {
  const titleId = useId();
  const count = useBoard((s) => stages.reduce((sum, stage) => sum + (s.summaries[stage.key]?.count ?? 0), 0));
  return (
    <section className={`funnel funnel-${funnel}`} aria-labelledby={titleId} data-testid={`funnel-${funnel}`}>
      <h2 className="funnel-title" id={titleId}>
        {/* Sticky: the funnel's name stays in view while the board scrolls sideways. */}
        <span className="funnel-label">
          <span className="funnel-name">{name}</span>
          <span className="funnel-count">
            {plural(count, LEADS)}
          </span>
        </span>
      </h2>
      <div className="funnel-columns">
        {stages.map((stage) => (
          <Column key={stage.key} stage={stage} />
        ))}
      </div>
    </section>
  );
});
