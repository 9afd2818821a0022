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
 * Kanban collision detection: the column under the pointer (or, with the keyboard, the one the card
 * overlaps), then within it the card under the pointer or else the one closest to the dragged card.
 * Columns first, then only that column's cards: every rect read walks the scroll containers, and
 * this runs on each pointer move.
 */
export function kanbanCollision(getColumns: () => Columns, memory: CollisionMemory): CollisionDetection {
  return (args) => {
    const columnArgs = { ...args, droppableContainers: args.droppableContainers.filter((c) => stageOfColumnId(c.id) !== null) };
    const pointerHits = pointerWithin(columnArgs);
    const columnId = getFirstCollision(pointerHits.length > 0 ? pointerHits : rectIntersection(columnArgs), 'id');
    const stageKey = columnId === null || columnId === undefined ? null : stageOfColumnId(columnId);
    if (columnId !== null && columnId !== undefined && stageKey !== null) {
      const ids = new Set<UniqueIdentifier>(getColumns()[stageKey]?.ids ?? []);
      const cardArgs = { ...args, droppableContainers: args.droppableContainers.filter((c) => ids.has(c.id)) };
      const overId = (pointerWithin(cardArgs)[0] ?? closestCenter(cardArgs)[0])?.id ?? columnId;
      memory.lastOverId = overId;
      return [{ id: overId }];
    }
    if (memory.movedToNewColumn) memory.lastOverId = args.active.id;
    return memory.lastOverId !== null ? [{ id: memory.lastOverId }] : [];
  };
}
