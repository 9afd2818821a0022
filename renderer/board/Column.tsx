import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Stage } from '../../shared/domain/stage.ts';
import { EMPTY_COLUMN } from '../state/columns.ts';
import { useBoard } from '../state/store.ts';
import { CardList } from './CardList.tsx';
import { ColumnHeader } from './ColumnHeader.tsx';
import { columnDroppableId } from './drop-logic.ts';

/** The pointer or the keyboard focus came into a column: its cards become sortables (once). */
function reachInto(stageKey: string): void {
  if (useBoard.getState().liveStage !== stageKey) useBoard.setState({ liveStage: stageKey });
}

/**
 * One stage: header with count and totals, then its cards (virtualized, loaded page by page). The
 * column is live, its cards dnd-kit sortables, while the seller is in it (pointer or focus) and
 * while it holds the dragged card; the store update that makes it live renders before the next
 * event, so the press that starts a drag always finds the sortables in place.
 */
export function Column({ stage }: { stage: Stage }) {
  const column = useBoard((s) => s.columns[stage.key] ?? EMPTY_COLUMN);
  const count = useBoard((s) => s.summaries[stage.key]?.count ?? 0);
  const live = useBoard((s) => s.liveStage === stage.key || (s.drag !== null && (s.columns[stage.key]?.ids.includes(s.drag.leadId) ?? false)));
  const element = useRef<HTMLElement>(null);

  return (
    <section
      ref={element}
      className={`column column-kind-${stage.kind}`}
      data-testid={`column-${stage.key}`}
      aria-label={`${stage.name}: ${count} ${count === 1 ? 'lead' : 'leads'}`}
      onPointerEnter={() => reachInto(stage.key)}
      onFocus={() => reachInto(stage.key)}
    >
      <DropBinding stageKey={stage.key} element={element} />
      <ColumnHeader stage={stage} />
      <SortableContext id={stage.key} items={column.ids} strategy={verticalListSortingStrategy}>
        <CardList stage={stage} column={column} total={count} live={live} />
      </SortableContext>
    </section>
  );
}

/**
 * The column as a dnd-kit droppable: registers its element and marks it while a card is over it.
 * Every droppable re-renders whenever a drag starts, moves over something new or ends; this one
 * renders nothing, so the column and its header and list are left alone (see DragBinding for cards).
 */
function DropBinding({ stageKey, element }: { stageKey: string; element: RefObject<HTMLElement | null> }) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDroppableId(stageKey), data: { type: 'column', stageKey } });
  useLayoutEffect(() => {
    setNodeRef(element.current);
    element.current?.classList.toggle('column-over', isOver);
  });
  return null;
}
