import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Stage } from '../../shared/domain/stage.ts';
import { EMPTY_COLUMN } from '../state/columns.ts';
import { useBoard } from '../state/store.ts';
import { CardList } from './CardList.tsx';
import { ColumnHeader } from './ColumnHeader.tsx';
import { columnDroppableId } from './drop-logic.ts';

/** One stage: header with count and totals, then its cards (virtualized, loaded page by page). */
export function Column({ stage }: { stage: Stage }) {
  const column = useBoard((s) => s.columns[stage.key] ?? EMPTY_COLUMN);
  const count = useBoard((s) => s.summaries[stage.key]?.count ?? 0);
  const { setNodeRef, isOver } = useDroppable({ id: columnDroppableId(stage.key), data: { type: 'column', stageKey: stage.key } });

  return (
    <section
      ref={setNodeRef}
      className={`column column-kind-${stage.kind}${isOver ? ' column-over' : ''}`}
      data-testid={`column-${stage.key}`}
      aria-label={`${stage.name}: ${count} ${count === 1 ? 'lead' : 'leads'}`}
    >
      <ColumnHeader stage={stage} />
      <SortableContext id={stage.key} items={column.ids} strategy={verticalListSortingStrategy}>
        <CardList stage={stage} column={column} total={count} />
      </SortableContext>
    </section>
  );
}
