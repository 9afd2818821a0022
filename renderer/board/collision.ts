import {
  closestCenter,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { Columns } from '../state/columns.ts';
import { stageOfColumnId } from './drop-logic.ts';

export interface CollisionMemory {
  lastOverId: UniqueIdentifier | null;
  /** Set right after the card joined another column, while the layout settles. */
  movedToNewColumn: boolean;
}

/**
 * Kanban collision detection: the droppable under the pointer (or, with the keyboard, the one
 * the card overlaps); over a column with cards, the card closest to the dragged one.
 */
export function kanbanCollision(getColumns: () => Columns, memory: CollisionMemory): CollisionDetection {
  return (args) => {
    const pointerHits = pointerWithin(args);
    const hits = pointerHits.length > 0 ? pointerHits : rectIntersection(args);
    let overId = getFirstCollision(hits, 'id');
    if (overId !== null && overId !== undefined) {
      const stageKey = stageOfColumnId(overId);
      if (stageKey !== null) {
        const ids = new Set<UniqueIdentifier>(getColumns()[stageKey]?.ids ?? []);
        if (ids.size > 0) {
          const cardHits = closestCenter({
            ...args,
            droppableContainers: args.droppableContainers.filter((c) => c.id !== overId && ids.has(c.id)),
          });
          overId = cardHits[0]?.id ?? overId;
        }
      }
      memory.lastOverId = overId;
      return [{ id: overId }];
    }
    if (memory.movedToNewColumn) memory.lastOverId = args.active.id;
    return memory.lastOverId !== null ? [{ id: memory.lastOverId }] : [];
  };
}
