import { memo, useCallback, useEffect, useRef } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Stage } from '../../shared/domain/stage.ts';
import { loadCards } from '../state/board-actions.ts';
import type { ColumnCards } from '../state/columns.ts';
import { useBoard } from '../state/store.ts';
import { useWorkspace } from '../state/workspace.ts';
import { BoardCard } from './BoardCard.tsx';

/** Card height plus the gap below it; cards have a fixed height so the list can be virtualized cheaply. */
export const CARD_HEIGHT = 106;
export const CARD_GAP = 8;
/** Load the next page when the last rendered card is this close to the end of the loaded ones. */
const LOAD_AHEAD = 15;

interface CardListProps {
  stage: Stage;
  column: ColumnCards;
  total: number;
  /** Its cards are dnd-kit sortables (see Column). */
  live: boolean;
}

/** A column's cards, virtualized. Memoized: the column re-renders on every drag, its list only when its cards change. */
export const CardList = memo(function CardList({ stage, column, total, live }: CardListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ids } = column;
  // The dragged card's place in this list: only the list holding it re-renders when a drag starts or ends.
  const activeIndex = useBoard((s) => (s.drag === null ? -1 : ids.indexOf(s.drag.leadId)));
  const narrowed = useWorkspace((s) => s.filter.all.length > 0 || s.search !== '');

  // The dragged card must stay mounted even when scrolled out of view, or dnd-kit loses it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex !== -1 && !indexes.includes(activeIndex)) return [...indexes, activeIndex].sort((a, b) => a - b);
      return indexes;
    },
    [activeIndex],
  );

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    gap: CARD_GAP,
    // One card beyond the visible ones: every mounted card is rendered before the board's first paint,
    // and fixed heights let a scroll render the next one within the same frame.
    overscan: 1,
    paddingStart: 8,
    paddingEnd: 8,
    getItemKey: (index) => ids[index] ?? index,
    rangeExtractor,
  });

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;
  const wantsMore = column.next !== null && !column.loading && lastIndex >= ids.length - LOAD_AHEAD;

  useEffect(() => {
    if (wantsMore) void loadCards(stage.key);
  }, [wantsMore, stage.key]);

  return (
    <div ref={scrollRef} className="column-scroll" data-testid={`column-scroll-${stage.key}`}>
      <div className="column-list" role="list" aria-label={`${stage.name} leads`} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const leadId = ids[item.index];
          if (leadId === undefined) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              className="card-slot"
              aria-posinset={item.index + 1}
              aria-setsize={Math.max(total, ids.length)}
              style={{ top: item.start, height: CARD_HEIGHT }}
            >
              <BoardCard leadId={leadId} stageKey={stage.key} live={live} />
            </div>
          );
        })}
      </div>
      {column.loaded && ids.length === 0 && (
        <div className="column-empty">{narrowed ? 'No lead here matches the filter.' : 'No leads here. Drag a card in.'}</div>
      )}
      {column.loading && <div className="column-loading">Loading leads…</div>}
    </div>
  );
});
